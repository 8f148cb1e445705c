package io.winnow.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.io.Rejection;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One document never ends a run: a step out of time or memory on it becomes that document's rejection. */
class StepRunnerBoundsTest {
  private static final Duration SHORT = Duration.ofMillis(200);

  private static DocumentRejectedException rejectionOf(StepRunner runner, Document doc) {
    try {
      runner.run(doc);
    } catch (DocumentRejectedException e) {
      return e;
    }
    throw new AssertionError("expected a rejection of " + doc.id());
  }

  @Test
  void aStepLoopingOnADocumentIsStoppedAtTheDeadlineAndNamed() {
    Step spin = doc -> {
      Deadline d = Deadline.current();
      while (true) d.tick();
    };
    StepRunner runner = new StepRunner("spin", spin, SHORT);
    DocumentRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> rejectionOf(runner, Document.of("doc-7", "text")));
    assertThat(e.reason()).isEqualTo(Rejection.Reason.STEP_TIMEOUT);
    assertThat(e.reason().code()).isEqualTo("step.timeout");
    assertThat(e.stepId()).isEqualTo("spin");
    assertThat(e.documentId()).isEqualTo("doc-7");
    assertThat(e.getMessage()).contains("spin").contains("doc-7").contains("step.timeout");
  }

  @Test
  void aQuadraticRegexOnAGuardedTextTimesOut() {
    // Tried at every start, each try reading to the end: ~40 s on 200,000 letters.
    Pattern evil = Pattern.compile("\\w+@\\w");
    Step regex = doc -> {
      boolean found = evil.matcher(Deadline.current().guard(doc.text())).find();
      return found ? Verdict.drop(io.winnow.doc.ReasonCode.of("found")) : Verdict.keep();
    };
    StepRunner runner = new StepRunner("regex", regex, SHORT);
    DocumentRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> rejectionOf(runner, Document.of("d", "a".repeat(200_000))));
    assertThat(e.reason()).isEqualTo(Rejection.Reason.STEP_TIMEOUT);
  }

  @Test
  void aStepThatReturnsLateWithoutCheckingIsStillRejected() {
    Step slow = doc -> {
      long end = System.nanoTime() + SHORT.toNanos() * 2;
      while (System.nanoTime() < end) Thread.onSpinWait();
      return Verdict.keep();
    };
    assertThat(rejectionOf(new StepRunner("slow", slow, SHORT), Document.of("d", "x")).reason())
        .isEqualTo(Rejection.Reason.STEP_TIMEOUT);
  }

  @Test
  void outOfMemoryOnOneDocumentRejectsItAndTheNextDocumentRuns() {
    Step greedy = doc -> {
      if (doc.id().equals("huge")) {
        long[][] hog = new long[1 << 20][];
        for (int i = 0; i < hog.length; i++) hog[i] = new long[1 << 20]; // 8 TB: always more than the heap
      }
      return Verdict.keep();
    };
    StepRunner runner = new StepRunner("greedy", greedy);
    DocumentRejectedException e = rejectionOf(runner, Document.of("huge", "x"));
    assertThat(e.reason()).isEqualTo(Rejection.Reason.TOO_LARGE_FOR_MEMORY);
    assertThat(e.reason().code()).isEqualTo("input.too_large_for_memory");
    assertThat(e.getMessage()).contains("greedy").contains("huge");
    assertThat(runner.run(Document.of("small", "x")).action()).isEqualTo(Action.KEEP);
  }

  @Test
  void theDeadlineEndsWithTheStepAndIsNoneOutsideARunner() {
    new StepRunner("s", doc -> {
      assertThat(Deadline.current().isUnlimited()).isFalse();
      return Verdict.keep();
    }).run(Document.of("d", "x"));
    assertThat(Deadline.current()).isSameAs(Deadline.NONE);
    assertThat(Deadline.NONE.guard("abc")).isEqualTo("abc");
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new StepRunner("s", doc -> Verdict.keep(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
