package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.Step;
import io.winnow.step.dedup.ClusterRebalance;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

  /** The fit's files: one cluster member per entry. */
  static final ShardDecisionsCodec<Entry> CODEC = new ShardDecisionsCodec<>() {
    private static final long serialVersionUID = 1L;

    @Override
    public String kind() {
      return "rebalance";
    }

    @Override
    public void write(DataOutputStream out, Entry e) throws IOException {
      out.writeLong(e.key);
      out.writeLong(e.cluster);
      out.writeInt(e.size);
      out.writeBoolean(e.capped);
      out.writeInt(e.keep);
      out.writeDouble(e.similarity);
      ShardDecisionsCodec.writeNullable(out, e.topId);
    }

    @Override
    public void readEntry(DataInputStream in, long key, ShardDecisions into) throws IOException {
      ((ShardRebalance) into).add(new Entry(key, in.readLong(), in.readInt(), in.readBoolean(), in.readInt(), in.readDouble(),
          ShardDecisionsCodec.readNullable(in)));
    }

    @Override
    public ShardDecisions none() {
      return new ShardRebalance();
    }
  };

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
