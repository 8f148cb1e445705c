package io.winnow.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one step: documents in, kept, modified, dropped by reason, bytes and words in and out, time.
 * A value that merges: per-shard statistics add up to the same totals whatever the sharding or engine.
 */
public final class StepStats {
  long docsIn;
  long kept;
  long modified;
  long dropped;
  long bytesIn;
  long bytesOut;
  long wordsIn;
  long wordsOut;
  long nanos;
  final Map<String, Long> droppedByReason = new TreeMap<>();
  final Map<String, Long> modifiedByReason = new TreeMap<>();
  final Map<String, Long> counters = new TreeMap<>();

  /** Counts one document under a name the step chose (see Verdict.withCounters). */
  public void count(String name) {
    counters.merge(name, 1L, Long::sum);
  }

  public void recordKept(long bytes, long words, long nanos) {
    docsIn++;
    kept++;
    bytesIn += bytes;
    bytesOut += bytes;
    wordsIn += words;
    wordsOut += words;
    this.nanos += nanos;
  }

  public void recordModified(long bytesIn, long wordsIn, long bytesOut, long wordsOut, long nanos, String reason) {
    docsIn++;
    kept++;
    modified++;
    this.bytesIn += bytesIn;
    this.bytesOut += bytesOut;
    this.wordsIn += wordsIn;
    this.wordsOut += wordsOut;
    this.nanos += nanos;
    if (reason != null) modifiedByReason.merge(reason, 1L, Long::sum);
  }

  public void recordDropped(long bytes, long words, long nanos, String reason) {
    docsIn++;
    dropped++;
    bytesIn += bytes;
    wordsIn += words;
    this.nanos += nanos;
    droppedByReason.merge(reason, 1L, Long::sum);
  }

  /** Adds another shard's counters to these. */
  public StepStats merge(StepStats o) {
    docsIn += o.docsIn;
    kept += o.kept;
    modified += o.modified;
    dropped += o.dropped;
    bytesIn += o.bytesIn;
    bytesOut += o.bytesOut;
    wordsIn += o.wordsIn;
    wordsOut += o.wordsOut;
    nanos += o.nanos;
    o.droppedByReason.forEach((k, v) -> droppedByReason.merge(k, v, Long::sum));
    o.modifiedByReason.forEach((k, v) -> modifiedByReason.merge(k, v, Long::sum));
    o.counters.forEach((k, v) -> counters.merge(k, v, Long::sum));
    return this;
  }

  public long docsIn() { return docsIn; }
  public long kept() { return kept; }
  public long modified() { return modified; }
  public long dropped() { return dropped; }
  public long bytesIn() { return bytesIn; }
  public long bytesOut() { return bytesOut; }
  public long wordsIn() { return wordsIn; }
  public long wordsOut() { return wordsOut; }
  public long nanos() { return nanos; }
  public Map<String, Long> droppedByReason() { return droppedByReason; }
  public Map<String, Long> modifiedByReason() { return modifiedByReason; }
  public Map<String, Long> counters() { return counters; }
}
