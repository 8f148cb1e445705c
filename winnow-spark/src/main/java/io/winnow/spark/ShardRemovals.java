package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.Step;
import io.winnow.step.dedup.DuplicateFilter;
import io.winnow.step.dedup.GroupedDedup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.function.Supplier;

/** What one dedup step decided for the documents of one shard: the removed ones and those without a key. */
final class ShardRemovals implements ShardDecisions {
  private static final long serialVersionUID = 1L;

  /**
   * A removed document: its identity key, its cluster (the keeper's number), similarity and keeper id; or, with no
   * keeper id, a document that had no key (too short to sign), which is kept.
   */
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

    static Removal unsigned(long key) {
      return new Removal(key, -1, 0, null);
    }

    boolean isUnsigned() {
      return keeperId == null;
    }
  }

  /** The fit's files: one removal or key-less document per entry. */
  static final ShardDecisionsCodec<Removal> CODEC = new ShardDecisionsCodec<>() {
    private static final long serialVersionUID = 1L;

    @Override
    public String kind() {
      return "removals";
    }

    @Override
    public void write(DataOutputStream out, Removal r) throws IOException {
      out.writeLong(r.key);
      out.writeBoolean(r.isUnsigned());
      if (r.isUnsigned()) return;
      out.writeLong(r.cluster);
      out.writeDouble(r.similarity);
      out.writeUTF(r.keeperId);
    }

    @Override
    public void readEntry(DataInputStream in, long key, ShardDecisions into) throws IOException {
      ShardRemovals s = (ShardRemovals) into;
      if (in.readBoolean()) s.unsigned.add(key);
      else s.removed.add(new Removal(key, in.readLong(), in.readDouble(), in.readUTF()));
    }

    @Override
    public ShardDecisions none() {
      return new ShardRemovals();
    }
  };

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
