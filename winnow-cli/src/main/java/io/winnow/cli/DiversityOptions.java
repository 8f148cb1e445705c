package io.winnow.cli;

import io.winnow.report.diversity.DiversityLimits;
import picocli.CommandLine.Option;

/** Reading and memory options shared by {@code diversity} and {@code compare}. */
final class DiversityOptions {
  @Option(names = "--text-field", paramLabel = "NAME", defaultValue = "text", description = "JSON field holding the text (default: ${DEFAULT-VALUE})")
  String textField;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "read at most N documents per corpus (0: all)")
  long limit;

  @Option(names = "--max-types", paramLabel = "N", defaultValue = "" + DiversityLimits.DEFAULT_MAX_TYPES,
      description = "word types counted, ~16 bytes each (default: ${DEFAULT-VALUE}); tokens of further types are left out and reported")
  int maxTypes;

  @Option(names = "--sketch-size", paramLabel = "K", defaultValue = "" + DiversityLimits.DEFAULT_SKETCH_SIZE,
      description = "k of the distinct-n KMV sketches, error ~1/sqrt(K) (default: ${DEFAULT-VALUE})")
  int sketchSize;

  @Option(names = "--max-band-keys", paramLabel = "N", defaultValue = "" + DiversityLimits.DEFAULT_MAX_BAND_KEYS,
      description = "MinHash band keys kept for the near-duplicate rate, 14 per document, ~16 bytes each (default: ${DEFAULT-VALUE})")
  int maxBandKeys;

  @Option(names = "--compression-sample-mb", paramLabel = "MB", defaultValue = "64",
      description = "megabytes of text compressed for the compression ratio (default: ${DEFAULT-VALUE})")
  long compressionSampleMb;

  DiversityLimits limits() {
    return new DiversityLimits(maxTypes, sketchSize, maxBandKeys, compressionSampleMb << 20,
        DiversityLimits.DEFAULT_MATTR_CONCATENATED_WORDS);
  }
}
