package io.winnow.step;

import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.io.Rejection;
import io.winnow.report.StepStats;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs one step on documents and does the accounting every step needs, once: applies a new text, turns the
 * verdict into a {@link Decision} with a {@code <step>.<code>} reason, and updates the step's counters and
 * timing. Steps never write decisions or statistics themselves.
 *
 * <p>It also keeps one document from ending the run: a step that exceeds the per-document time limit (see
 * {@link Deadline}, a cooperative guard) or runs out of memory on a document makes {@link #run} throw a
 * {@link DocumentRejectedException} ({@code step.timeout}, {@code input.too_large_for_memory}) that names the
 * step and the document; the engine sets the document aside and goes on with the next.
 */
public final class StepRunner implements AutoCloseable {
  /** The per-document, per-step time limit when the run sets none. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

  private final String id;
  private final Step step;
  private final StepStats stats;
  private final Duration timeLimit;

  public StepRunner(String id, Step step) {
    this(id, step, DEFAULT_TIME_LIMIT);
  }

  /** @param timeLimit the longest one step may work on one document; null for no limit */
  public StepRunner(String id, Step step, Duration timeLimit) {
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero()))
      throw new IllegalArgumentException("step time limit must be positive: " + timeLimit);
    this.id = id;
    this.step = step;
    this.stats = new StepStats();
    this.timeLimit = timeLimit;
  }

  public String id() {
    return id;
  }

  public StepStats stats() {
    return stats;
  }

  /**
   * Applies the step to the document (changing its text on MODIFY) and returns the decision to log.
   *
   * @throws DocumentRejectedException when the step runs out of time or memory on this document
   */
  public Decision run(Document doc) {
    long bytesIn = doc.utf8Bytes();
    long wordsIn = doc.whitespaceWords();
    long start = System.nanoTime();
    Verdict v = applyBounded(doc);
    if (v == null) throw new IllegalStateException("step " + id + " returned no verdict for " + doc.id());
    Action action = v.action();
    if (action == Action.MODIFY) {
      if (v.newText().equals(doc.text())) action = Action.KEEP;
      else doc.setText(v.newText(), v.newWords());
    }
    long nanos = System.nanoTime() - start;
    String reason = v.reason() == null ? null : id + "." + v.reason().code();
    switch (action) {
      case KEEP -> stats.recordKept(bytesIn, wordsIn, nanos);
      case MODIFY -> stats.recordModified(bytesIn, wordsIn, doc.utf8Bytes(), doc.whitespaceWords(), nanos, reason);
      case DROP -> stats.recordDropped(bytesIn, wordsIn, nanos, reason);
    }
    for (String c : v.counters()) stats.count(c);
    return new Decision(id, action, action == Action.KEEP ? null : reason, v.values());
  }

  /** The step's verdict, or a rejection when it ran past the deadline or out of memory. */
  private Verdict applyBounded(Document doc) {
    Deadline deadline = Deadline.start(timeLimit);
    try {
      Verdict v = step.apply(doc);
      // A step that never checks the deadline still gets its document rejected, so the decision does not
      // depend on whether the step cooperates (only how long the worker was held does).
      if (deadline.expired()) throw rejection(Rejection.Reason.STEP_TIMEOUT, doc, timeoutDetail(deadline), null);
      return v;
    } catch (StepTimeoutException e) {
      throw rejection(Rejection.Reason.STEP_TIMEOUT, doc, e.getMessage(), null);
    } catch (OutOfMemoryError e) {
      // The step's large arrays for this document are unreachable once the error unwinds apply, so the next
      // document gets the heap back; steps keep their scratch state consistent on a failed allocation.
      throw rejection(Rejection.Reason.TOO_LARGE_FOR_MEMORY, doc,
          "out of memory on " + doc.text().length() + " characters (" + e.getMessage() + ")", null);
    } finally {
      Deadline.end();
    }
  }

  private static String timeoutDetail(Deadline d) {
    return String.format(Locale.ROOT, "took %.1f s (limit %.1f s per document)", d.elapsedNanos() / 1e9,
        d.limit().toNanos() / 1e9);
  }

  private DocumentRejectedException rejection(Rejection.Reason reason, Document doc, String detail, Throwable cause) {
    return new DocumentRejectedException(reason, id, doc.id(), detail, cause);
  }

  @Override
  public void close() {
    step.close();
  }
}
