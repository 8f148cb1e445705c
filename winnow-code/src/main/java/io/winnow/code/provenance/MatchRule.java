package io.winnow.code.provenance;

/**
 * When the overlap with one source file makes a document a copy of it. Either rule is enough:
 *
 * <ul>
 *   <li>a run: at least {@code minRunTokens} consecutive tokens whose fingerprints are all in the file;
 *   <li>coverage in order: at least {@code minCovered} of the document's fingerprints found in the file in order,
 *       and either {@code minShared} fingerprints in all, or — for a small source — at least
 *       {@value #SMALL_SOURCE_SHARED} that hold {@code minSourceCovered} of the source's own fingerprints.
 * </ul>
 *
 * A null threshold switches its rule off. The defaults were chosen on training driver subsystems of the
 * evaluation in docs/BENCHMARKS.md (k = 16, w = 16): the highest recall there at ≤ 1 % false positives.
 */
public record MatchRule(Integer minRunTokens, Double minCovered, int minShared, Double minSourceCovered) {
  public static final int DEFAULT_MIN_RUN_TOKENS = 120;
  public static final double DEFAULT_MIN_COVERED = 0.05;
  public static final int DEFAULT_MIN_SHARED = 10;
  public static final double DEFAULT_MIN_SOURCE_COVERED = 0.3;
  /** Shared fingerprints a small source needs at the least: below this a match is a coincidence of idioms. */
  public static final int SMALL_SOURCE_SHARED = 5;

  public MatchRule {
    if (minRunTokens == null && minCovered == null) {
      throw new IllegalArgumentException("set 'min_covered' or 'min_run_tokens' (or both): with neither nothing is a match");
    }
  }

  public static MatchRule defaults() {
    return new MatchRule(DEFAULT_MIN_RUN_TOKENS, DEFAULT_MIN_COVERED, DEFAULT_MIN_SHARED, DEFAULT_MIN_SOURCE_COVERED);
  }

  public boolean fires(ProvenanceMatcher.SourceMatch s) {
    if (minRunTokens != null && s.longestRunTokens() >= minRunTokens) return true;
    if (minCovered == null || s.covered() < minCovered) return false;
    if (s.shared() >= minShared) return true;
    return minSourceCovered != null && s.shared() >= SMALL_SOURCE_SHARED && s.sourceCovered() >= minSourceCovered;
  }

  @Override
  public String toString() {
    return "min_run_tokens " + (minRunTokens == null ? "off" : minRunTokens) + ", min_covered " + (minCovered == null ? "off" : minCovered)
        + ", min_shared " + minShared + ", min_source_covered " + (minSourceCovered == null ? "off" : minSourceCovered);
  }
}
