package io.winnow.report.diversity;

/**
 * The memory bounds of a diversity profile; figures computed past a bound say so in the profile.
 *
 * @param maxTypes word types counted (about 16 bytes each); tokens of further types are left out
 * @param sketchSize k of the distinct-n sketches (3 of them, n = 2..4: 10·k longs and a set of up to 9·k longs each,
 *     some 250·k bytes); error about 1/√k
 * @param maxBandKeys MinHash band keys kept for the near-duplicate rate (about 16 bytes each, 14 per document)
 * @param compressionSampleBytes text compressed for the compression ratio (the corpus's first bytes)
 * @param mattrConcatenatedWords words of the concatenation read for MATTR when no document is long enough
 */
public record DiversityLimits(int maxTypes, int sketchSize, int maxBandKeys, long compressionSampleBytes,
    long mattrConcatenatedWords) {
  public static final int DEFAULT_MAX_TYPES = 2_000_000;
  public static final int DEFAULT_SKETCH_SIZE = 32_768;
  public static final int DEFAULT_MAX_BAND_KEYS = 4_000_000;
  public static final long DEFAULT_COMPRESSION_SAMPLE_BYTES = 64L << 20;
  public static final long DEFAULT_MATTR_CONCATENATED_WORDS = 1_000_000;

  public DiversityLimits {
    if (maxTypes < 1) throw new IllegalArgumentException("maxTypes must be at least 1, got " + maxTypes);
    if (sketchSize < 16) throw new IllegalArgumentException("sketchSize must be at least 16, got " + sketchSize);
    if (maxBandKeys < 0) throw new IllegalArgumentException("maxBandKeys must be at least 0, got " + maxBandKeys);
    if (compressionSampleBytes < 0) throw new IllegalArgumentException("compressionSampleBytes must be at least 0, got " + compressionSampleBytes);
    if (mattrConcatenatedWords < 0) throw new IllegalArgumentException("mattrConcatenatedWords must be at least 0, got " + mattrConcatenatedWords);
  }

  public static DiversityLimits defaults() {
    return new DiversityLimits(DEFAULT_MAX_TYPES, DEFAULT_SKETCH_SIZE, DEFAULT_MAX_BAND_KEYS,
        DEFAULT_COMPRESSION_SAMPLE_BYTES, DEFAULT_MATTR_CONCATENATED_WORDS);
  }
}
