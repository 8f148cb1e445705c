package io.winnow.step;

/** Thrown by {@link Deadline#check} inside a step; {@link StepRunner} turns it into a {@code step.timeout}. */
public final class StepTimeoutException extends RuntimeException {
  StepTimeoutException(long elapsedNanos, long limitNanos) {
    super(String.format(java.util.Locale.ROOT, "gave up after %.1f s (limit %.1f s per document)",
        elapsedNanos / 1e9, limitNanos / 1e9), null, false, false);
  }
}
