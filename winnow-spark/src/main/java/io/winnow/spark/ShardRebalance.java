package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.Step;
import io.winnow.step.dedup.ClusterRebalance;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.function.Supplier;

/** What the diversity step's cluster cap decided for one shard: its clustered members, and which are capped. */
final class ShardRebalance implements ShardDecisions {
  private static final long serialVersionUID = 1L;

  /** A member of a cluster of two or more: its identity key, cluster, size, and whether the cap removes it. */
  static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    final long key;
    final long cluster;
    final int size;
    final boolean capped;
    final int keep;
    final double similarity;
    final String topId;

    Entry(long key, long cluster, int size, boolean capped, int keep, double similarity, String topId) {
      this.key = key;
      this.cluster = cluster;
      this.size = size;
      this.capped = capped;
      this.keep = keep;
      this.similarity = similarity;
      this.topId = topId;
    }
  }

  final ArrayList<Entry> entries = new ArrayList<>();

  ShardRebalance add(Entry e) {
    entries.add(e);
    return this;
  }

  ShardRebalance merge(ShardRebalance o) {
    entries.addAll(o.entries);
    return this;
  }

  @Override
  public Supplier<Step> filter(StepSpec spec) {
    ClusterRebalance step = CorpusStages.rebalance(spec);
    ClusterRebalance.State state = step.newState();
    for (Entry e : entries) {
      state.clustered(e.key, e.cluster, e.size);
      if (e.capped) state.capped(e.key, e.cluster, e.size, e.keep, e.similarity, e.topId);
    }
    return () -> step.filter(state);
  }
}
