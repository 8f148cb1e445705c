package io.winnow.io;

import java.io.IOException;

/**
 * Rethrows, on the thread that consumes a background worker's results, what the worker failed with: unchecked
 * throwables as they are (so a bug keeps its type and stack) and anything checked as the IOException the stream
 * interfaces declare.
 */
public final class WorkerFailures {
  private WorkerFailures() {}

  /** Does nothing when {@code failure} is null. */
  public static void rethrow(Throwable failure) throws IOException {
    if (failure == null) return;
    if (failure instanceof IOException e) throw e;
    if (failure instanceof RuntimeException e) throw e;
    if (failure instanceof Error e) throw e;
    throw new IOException(failure);
  }
}
