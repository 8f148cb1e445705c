package io.winnow.spark;

import io.winnow.step.dedup.DuplicateFilter;
import java.io.Serializable;
import java.util.ArrayList;

/** What one dedup step decided for the documents of one shard: the removed ones and those without a key. */
final class ShardRemovals implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A removed document: its identity key, its cluster (the keeper's number), similarity and keeper id. */
  static final class Removal implements Serializable {
    private static final long serialVersionUID = 1L;
    final long key;
    final long cluster;
    final double similarity;
    final String keeperId;

    Removal(long key, long cluster, double similarity, String keeperId) {
      this.key = key;
      this.cluster = cluster;
      this.similarity = similarity;
      this.keeperId = keeperId;
    }
  }

  final ArrayList<Removal> removed = new ArrayList<>();
  final ArrayList<Long> unsigned = new ArrayList<>();

  void fill(DuplicateFilter.State state) {
    for (Removal r : removed) state.remove(r.key, r.cluster, r.similarity, r.keeperId);
    for (long k : unsigned) state.unsigned(k);
  }
}
