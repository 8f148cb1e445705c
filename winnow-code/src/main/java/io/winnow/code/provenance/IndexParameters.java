package io.winnow.code.provenance;

/**
 * What an index's fingerprints depend on: the lexer's normalisation version, the k-gram size, the window, the
 * hash seed, and the frequency cap applied when it was built. Candidates must be fingerprinted with the same
 * values, so the index header records them and the step takes them from there.
 *
 * @param maxSourceFiles a fingerprint found in more source files than this was dropped as boilerplate
 */
public record IndexParameters(int lexerVersion, int k, int w, long seed, int maxSourceFiles) {
  /**
   * MOSS ignores a passage found in more than 10 documents ({@code -m 10}); a reference corpus of tens of
   * thousands of files (the kernel's drivers) has more copies of its own idioms and templates than a class of
   * students, and in the evaluation a cap of 50 did better than 5 or 20 (fewer of a copy's fingerprints are
   * lost with the idioms). Licence headers never reach the index at all: comments are not tokens.
   */
  public static final int DEFAULT_MAX_SOURCE_FILES = 50;

  public IndexParameters {
    if (k < 1 || k > 1000) throw new IllegalArgumentException("k must be in [1, 1000], got " + k);
    if (w < 1 || w > 1000) throw new IllegalArgumentException("w must be in [1, 1000], got " + w);
    if (maxSourceFiles < 1) throw new IllegalArgumentException("the frequency cap must be at least 1, got " + maxSourceFiles);
  }

  public static IndexParameters defaults() {
    return new IndexParameters(CodeLexer.VERSION, Winnower.DEFAULT_K, Winnower.DEFAULT_W, Winnower.DEFAULT_SEED,
        DEFAULT_MAX_SOURCE_FILES);
  }

  public IndexParameters withWindow(int k, int w) {
    return new IndexParameters(lexerVersion, k, w, seed, maxSourceFiles);
  }

  public IndexParameters withMaxSourceFiles(int max) {
    return new IndexParameters(lexerVersion, k, w, seed, max);
  }

  public Winnower winnower() {
    return new Winnower(k, w, seed);
  }

  /** The guarantee threshold t = w + k − 1, in tokens. */
  public int guaranteeTokens() {
    return w + k - 1;
  }

  /** A hash of the values fingerprints depend on (not the cap), shown with the index to tell indexes apart. */
  public long fingerprint() {
    long h = CodeLexer.mix(lexerVersion);
    h = CodeLexer.mix(h ^ k);
    h = CodeLexer.mix(h ^ w);
    return CodeLexer.mix(h ^ seed);
  }
}
