package io.winnow.report.diversity;

/**
 * A profile with its size-dependent figures brought to a common size: vocabulary types and hapax share by
 * {@link Rarefaction} to {@code equalWords} tokens (the smallest corpus's word count), distinct-n at the largest
 * prefix checkpoint every compared corpus reached (raw distinct-n when some corpus has none).
 */
public record ComparableProfile(DiversityProfile profile, long equalWords, double typesAtEqualSize,
    double hapaxShareAtEqualSize, long distinctWords, double[] distinctAtEqualSize) {

  double distinctAtEqualSize(int n) {
    return distinctAtEqualSize[n - 1];
  }

  /** @param checkpoint the grid index to read distinct-n at, or −1 for the full corpus */
  static ComparableProfile of(DiversityProfile p, long equalWords, int checkpoint) {
    long tokens = p.spectrum().tokens();
    Rarefaction.Expected e = Rarefaction.at(p.spectrum(), Math.min(tokens, equalWords));
    double[] distinct = p.distinct();
    long words = p.words();
    if (checkpoint >= 0) {
      for (DiversityProfile.Checkpoint c : p.checkpoints()) {
        if (c.index() == checkpoint) {
          distinct = c.distinct();
          words = c.words();
        }
      }
    }
    return new ComparableProfile(p, Math.min(tokens, equalWords), e.types(), e.hapaxShare(), words, distinct);
  }
}
