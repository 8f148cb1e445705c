package io.winnow.step;

import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.report.StepStats;

/**
 * Runs one step on documents and does the accounting every step needs, once: applies a new text, turns the
 * verdict into a {@link Decision} with a {@code <step>.<code>} reason, and updates the step's counters and
 * timing. Steps never write decisions or statistics themselves.
 */
public final class StepRunner implements AutoCloseable {
  private final String id;
  private final Step step;
  private final StepStats stats;

  public StepRunner(String id, Step step) {
    this.id = id;
    this.step = step;
    this.stats = new StepStats();
  }

  public String id() {
    return id;
  }

  public StepStats stats() {
    return stats;
  }

  /** Applies the step to the document (changing its text on MODIFY) and returns the decision to log. */
  public Decision run(Document doc) {
    long bytesIn = doc.utf8Bytes();
    long wordsIn = doc.whitespaceWords();
    long start = System.nanoTime();
    Verdict v = step.apply(doc);
    if (v == null) throw new IllegalStateException("step " + id + " returned no verdict for " + doc.id());
    Action action = v.action();
    if (action == Action.MODIFY) {
      if (v.newText().equals(doc.text())) action = Action.KEEP;
      else doc.setText(v.newText());
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

  @Override
  public void close() {
    step.close();
  }
}
