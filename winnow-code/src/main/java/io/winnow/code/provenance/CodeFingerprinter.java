package io.winnow.code.provenance;

/**
 * Lexes a text and winnows its tokens, into buffers it owns and reuses: one per worker thread. The results
 * ({@link #tokens()}, {@link #fingerprints()}) are valid until the next call.
 */
public final class CodeFingerprinter {
  private final Winnower winnower;
  private final TokenStream tokens = new TokenStream();
  private final Fingerprints fingerprints = new Fingerprints();

  public CodeFingerprinter(IndexParameters params) {
    if (params.lexerVersion() != CodeLexer.VERSION) {
      throw new IllegalArgumentException("the index was built with token normalisation version " + params.lexerVersion()
          + ", this build has version " + CodeLexer.VERSION + ": rebuild it with `winnow provenance-index`");
    }
    this.winnower = params.winnower();
  }

  public Fingerprints fingerprint(CharSequence text, CodeLanguage language) {
    tokens.clear();
    CodeLexer.lex(text, language, tokens);
    winnower.winnow(tokens, fingerprints);
    return fingerprints;
  }

  public TokenStream tokens() {
    return tokens;
  }

  public Fingerprints fingerprints() {
    return fingerprints;
  }
}
