package io.winnow.step.dedup;

import io.winnow.doc.Document;
import io.winnow.step.Step;

/**
 * A dedup step described by its parts, so that a distributed engine can run it as stages of its own (sign →
 * group keys → candidate pairs → connected components → keeper → filter) and reach the same decisions as the
 * local fit: the same payloads, the same grouping, the same keeper rule, the same similarity figure.
 */
public interface GroupedDedup {
  /** Receives the group keys of one document: documents sharing a (group, hash) pair are candidates. */
  interface GroupKeys {
    void add(int group, long hash);
  }

  /** Null when this configuration can run distributed; otherwise why not (e.g. an index of another corpus). */
  String distributedUnsupported();

  /** A new payload function for one worker: a document's signature or key, or null when it has none. */
  java.util.function.Function<Document, long[]> newSigner();

  /** The group keys of a payload found at {@code offset} in {@code record}. */
  void groupKeys(long[] record, int offset, GroupKeys out);

  /** The similarity figure of two payloads (at {@code offset} in both records), as the decision log shows it. */
  double similarity(long[] a, long[] b, int offset);

  KeeperRule keeper();

  /** The per-shard filter of the apply phase, built from this shard's removals. */
  default DuplicateFilter.State newState() {
    return new DuplicateFilter.State(noKeyNote());
  }

  String noKeyNote();

  default Step filter(DuplicateFilter.State state) {
    return new DuplicateFilter(state);
  }

  /** The bucket of a cluster size in the fit's {@code cluster_sizes} histogram. */
  static String sizeBucket(int size) {
    if (size == 2) return "2";
    if (size <= 5) return "3-5";
    if (size <= 10) return "6-10";
    if (size <= 100) return "11-100";
    return ">100";
  }
}
