package io.winnow.step;

import java.time.Duration;

/**
 * The time a step may still spend on the current document. Java cannot stop a thread safely, so the guard is
 * <em>cooperative</em>: {@link StepRunner} starts a deadline before each {@code apply} and ends it after, and
 * steps whose work can grow with the input check it, either in their long loops ({@link #tick}) or by handing a
 * {@link #guard guarded} text to {@link java.util.regex.Matcher}, whose every {@code charAt} ticks. A step that
 * never checks cannot be interrupted; the runner still rejects its document when the step returns late.
 *
 * <p>The deadline is per thread (one worker runs one document at a time); outside a runner the deadline is
 * {@link #NONE} and checks cost a field read.
 */
public final class Deadline {
  /** No limit: what steps see when they run outside a {@link StepRunner} (tests, tools). */
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Long.MAX_VALUE);
  /** Calls between two clock reads: nanoTime costs ~20 ns, a tick ~1 ns. */
  private static final int CHECK_EVERY = 1 << 12;
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final long startNanos;
  private final long limitNanos;
  private int ticks;

  private Deadline(long startNanos, long limitNanos) {
    this.startNanos = startNanos;
    this.limitNanos = limitNanos;
  }

  /** The deadline of the document this thread is working on ({@link #NONE} when there is none). */
  public static Deadline current() {
    Deadline d = CURRENT.get();
    return d == null ? NONE : d;
  }

  /** Starts a deadline for this thread; the runner calls {@link #end} when the step returns. */
  static Deadline start(Duration limit) {
    Deadline d = limit == null ? NONE : new Deadline(System.nanoTime(), limit.toNanos());
    CURRENT.set(d);
    return d;
  }

  static void end() {
    CURRENT.remove();
  }

  public boolean isUnlimited() {
    return limitNanos == Long.MAX_VALUE;
  }

  /** Nanoseconds since the deadline started. */
  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  boolean expired() {
    return !isUnlimited() && elapsedNanos() > limitNanos;
  }

  /** Throws {@link StepTimeoutException} when the time is up. Reads the clock: call it per block of work. */
  public void check() {
    if (expired()) throw new StepTimeoutException(elapsedNanos(), limitNanos);
  }

  /** One unit of work: reads the clock every few thousand calls, so it may sit in the innermost loop. */
  public void tick() {
    if ((++ticks & (CHECK_EVERY - 1)) == 0) check();
  }

  /**
   * The text as a CharSequence whose {@code charAt} ticks this deadline: a regular expression that backtracks
   * without end on it throws {@link StepTimeoutException} instead. Returns the text itself when unlimited.
   */
  public CharSequence guard(CharSequence text) {
    return isUnlimited() ? text : new GuardedText(text, this);
  }

  Duration limit() {
    return Duration.ofNanos(limitNanos);
  }

  /** A view of a text that ticks a deadline on every character read. */
  private static final class GuardedText implements CharSequence {
    private final CharSequence text;
    private final Deadline deadline;

    GuardedText(CharSequence text, Deadline deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      deadline.tick();
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new GuardedText(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
