package io.winnow.pipeline;

/**
 * The {@code run.spark} section: how many partitions the Spark engine's corpus stages (dedup, diversity) shuffle
 * into. The decisions are the same whatever the count; only the size of each task changes. The local engine
 * ignores it.
 *
 * @param partitions a fixed partition count for every shuffle of the corpus stages; 0 derives it from the input
 * @param bytesPerPartition with {@code partitions: 0}, one partition per this many bytes of input files (and at
 *     least one per core of the cluster)
 */
public record SparkSizing(int partitions, long bytesPerPartition) {
  public static final long DEFAULT_BYTES_PER_PARTITION = 128L << 20;

  static SparkSizing from(Params p) {
    SparkSizing s = new SparkSizing(p.getInt("partitions", 0, 0, 1_000_000),
        p.getLong("bytes_per_partition", DEFAULT_BYTES_PER_PARTITION, 1 << 20, Long.MAX_VALUE));
    p.finish();
    return s;
  }

  /** The partition count for this much input on a cluster of {@code cores} cores. */
  public int partitionsFor(long inputBytes, int cores) {
    if (partitions > 0) return partitions;
    long byBytes = (inputBytes + bytesPerPartition - 1) / bytesPerPartition;
    return (int) Math.min(1_000_000, Math.max(Math.max(1, cores), byBytes));
  }
}
