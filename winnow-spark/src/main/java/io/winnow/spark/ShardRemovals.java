package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.Step;
import io.winnow.step.dedup.DuplicateFilter;
import io.winnow.step.dedup.GroupedDedup;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.function.Supplier;

/** What one dedup step decided for the documents of one shard: the removed ones and those without a key. */
final class ShardRemovals implements ShardDecisions {
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

  @Override
  public Supplier<Step> filter(StepSpec spec) {
    GroupedDedup g = CorpusStages.dedup(spec);
    DuplicateFilter.State state = g.newState();
    for (Removal r : removed) state.remove(r.key, r.cluster, r.similarity, r.keeperId);
    for (long k : unsigned) state.unsigned(k);
    return () -> g.filter(state);
  }
}
