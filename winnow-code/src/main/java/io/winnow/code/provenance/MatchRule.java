package io.winnow.code.provenance;

/**
 * When the overlap with one source file makes a document a copy of it. Either rule is enough:
 *
 * <ul>
 *   <li>a run: at least {@code minRunTokens} consecutive tokens whose fingerprints are all in the file;
 *   <li>coverage in order: at least {@code minCovered} of the document's fingerprints found in the file in order,
 *       and either {@code minShared} fingerprints in all, or — for a small source — at least
 *       {@value #SMALL_SOURCE_SHARED} that hold {@code minSourceCovered} of the source's own fingerprints;
 *       and, when {@code minWeightedCovered} is set, at least that much coverage in order with each fingerprint
 *       weighted by one over the number of source files holding it (so that idioms many drivers share count
 *       for little: a stretch of probe code that twenty drivers have weighs a twentieth of a driver's own code).
 * </ul>
 *
 * A null threshold switches its rule off. The defaults were chosen on training driver subsystems of the
 * evaluation in docs/BENCHMARKS.md (k = 20, w = 12): the highest recall there with at most 1 % false positives
 * on each kind of independent code (a flag counts as false unless the file really shares code with the source
 * it names).
 */
public record MatchRule(Integer minRunTokens, Double minCovered, int minShared, Double minSourceCovered, Double minWeightedCovered) {
  public static final int DEFAULT_MIN_RUN_TOKENS = 120;
  public static final double DEFAULT_MIN_COVERED = 0.05;
  public static final int DEFAULT_MIN_SHARED = 10;
  public static final double DEFAULT_MIN_SOURCE_COVERED = 0.3;
  public static final double DEFAULT_MIN_WEIGHTED_COVERED = 0.02;
  /** Shared fingerprints a small source needs at the least: below this a match is a coincidence of idioms. */
  public static final int SMALL_SOURCE_SHARED = 5;

  public MatchRule(Integer minRunTokens, Double minCovered, int minShared, Double minSourceCovered) {
    this(minRunTokens, minCovered, minShared, minSourceCovered, null);
  }

  public MatchRule {
    if (minRunTokens == null && minCovered == null) {
      throw new IllegalArgumentException("set 'min_covered' or 'min_run_tokens' (or both): with neither nothing is a match");
    }
  }

  public static MatchRule defaults() {
    return new MatchRule(DEFAULT_MIN_RUN_TOKENS, DEFAULT_MIN_COVERED, DEFAULT_MIN_SHARED, DEFAULT_MIN_SOURCE_COVERED,
        DEFAULT_MIN_WEIGHTED_COVERED);
  }

  public boolean fires(ProvenanceMatcher.SourceMatch s) {
    if (minRunTokens != null && s.longestRunTokens() >= minRunTokens) return true;
    if (minCovered == null || s.covered() < minCovered) return false;
    if (minWeightedCovered != null && s.weightedCovered() < minWeightedCovered) return false;
    if (s.shared() >= minShared) return true;
    return minSourceCovered != null && s.shared() >= SMALL_SOURCE_SHARED && s.sourceCovered() >= minSourceCovered;
  }

  @Override
  public String toString() {
    return "min_run_tokens " + (minRunTokens == null ? "off" : minRunTokens) + ", min_covered " + (minCovered == null ? "off" : minCovered)
        + ", min_shared " + minShared + ", min_source_covered " + (minSourceCovered == null ? "off" : minSourceCovered)
        + (minWeightedCovered == null ? "" : ", min_weighted_covered " + minWeightedCovered);
  }
}
