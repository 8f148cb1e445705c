package io.winnow.step.dedup;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.step.Step;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The apply phase of a dedup step: drops the documents the fit removed, naming the cluster, the document kept
 * in their place and the estimated similarity; documents that had no key (too short to sign) are kept and say
 * so. Pure per document, matched by identity ({@link DocKey}); the loaded state is shared by all workers.
 */
public final class DuplicateFilter implements Step {
  public enum Reason implements ReasonCode {
    /** A duplicate of a kept document of this corpus. */
    DUPLICATE,
    /** A duplicate of a document of the index (another corpus). */
    IN_INDEX;
  }

  record Removal(long cluster, double similarity, boolean inIndex, String keeperId) {}

  /** The fitted state, loaded once. */
  public static final class State {
    final Long2ObjectOpenHashMap<Removal> removed = new Long2ObjectOpenHashMap<>();
    final LongOpenHashSet unsigned = new LongOpenHashSet();
    final String noKeyNote;

    State(String noKeyNote) {
      this.noKeyNote = noKeyNote;
    }

    public int removedCount() {
      return removed.size();
    }

    /** Marks a document (by {@link DocKey}) as removed in favour of the keeper of its cluster. */
    public void remove(long key, long cluster, double similarity, String keeperId) {
      removed.put(key, new Removal(cluster, similarity, false, keeperId));
    }

    /** Marks a document as having had no key (too short to sign): kept, and its decision says so. */
    public void unsigned(long key) {
      unsigned.add(key);
    }
  }

  private final State state;

  public DuplicateFilter(State state) {
    this.state = state;
  }

  static State load(Path dir, String noKeyNote) throws IOException {
    State s = new State(noKeyNote);
    BinaryRecords.forEach(dir.resolve(DedupFit.REMOVED), (key, in) -> {
      long cluster = in.readLong();
      double sim = in.readDouble();
      boolean inIndex = in.readBoolean();
      s.removed.put(key, new Removal(cluster, sim, inIndex, BinaryRecords.readString(in)));
    });
    BinaryRecords.forEach(dir.resolve(DedupFit.UNSIGNED), (key, in) -> s.unsigned.add(key));
    return s;
  }

  @Override
  public Verdict apply(Document doc) {
    long key = DocKey.of(doc);
    Removal r = state.removed.get(key);
    if (r != null) {
      return Verdict.drop(r.inIndex ? Reason.IN_INDEX : Reason.DUPLICATE,
          values("cluster", r.cluster, "kept", r.keeperId, "similarity", round(r.similarity)));
    }
    if (!state.unsigned.isEmpty() && state.unsigned.contains(key)) return Verdict.keep(Map.of(state.noKeyNote, true));
    return Verdict.keep();
  }

  private static double round(double d) {
    return Math.round(d * 1e4) / 1e4;
  }
}
