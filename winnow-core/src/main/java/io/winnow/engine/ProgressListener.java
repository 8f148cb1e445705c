package io.winnow.engine;

/** Receives progress from the engine's workers (called concurrently: implementations must be thread-safe). */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  /**
   * Called before each pass over the input: {@code observe <step>} for a corpus step's observations, then
   * {@code run} for the pass that writes the output.
   */
  default void start(String phase, long totalInputBytes, int shards, int shardsAlreadyDone) {}

  /** Raw (compressed) input bytes consumed. */
  default void bytes(long n) {}

  /** Records (documents or rejections) processed. */
  default void records(long n) {}

  default void shardDone(String input) {}

  default void finish() {}
}
