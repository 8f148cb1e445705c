package io.winnow.step;

import io.winnow.doc.Document;
import io.winnow.doc.Verdict;

/**
 * A document step: a pure function of one document and the step's own configuration (filters, annotators,
 * transformers). A step knows nothing of engines, shards, threads or output paths, so the same instance type
 * runs in the local engine and on a Spark executor.
 *
 * <p>Lifecycle: created from its configuration, then {@code apply*}, then {@link #close}. One instance is used
 * by one thread at a time; engines create one instance per worker, so steps may keep per-instance scratch
 * buffers, which must never escape {@code apply}.
 */
public interface Step extends AutoCloseable {
  /**
   * Judges one document. Must not change its text (a new text is returned in the verdict); a step may annotate
   * the document's metadata (e.g. {@code language}).
   */
  Verdict apply(Document doc);

  @Override
  default void close() {}
}
