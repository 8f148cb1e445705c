package io.winnow.spark;

import io.winnow.step.dedup.DuplicateFilter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What one dedup step decided for the documents of one shard: the removed ones and those without a key. */
final class ShardRemovals implements Serializable {
  private static final long serialVersionUID = 1L;

  record Removal(long key, long cluster, double similarity, String keeperId) implements Serializable {}

  final List<Removal> removed = new ArrayList<>();
  final List<Long> unsigned = new ArrayList<>();

  void fill(DuplicateFilter.State state) {
    for (Removal r : removed) state.remove(r.key(), r.cluster(), r.similarity(), r.keeperId());
    for (long k : unsigned) state.unsigned(k);
  }
}
