package io.winnow.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * The punctuation sets of the reference filters (datatrove's {@code PUNCTUATION} and
 * {@code TERMINAL_PUNCTUATION}), as code point sets. The lists ship as resources, one {@code U+XXXX} per line.
 */
public final class Punctuation {
  private static final BitSet PUNCTUATION = load("punctuation.txt");
  private static final BitSet TERMINAL = load("terminal_punctuation.txt");
  private static final BitSet PUNCTUATION_SET = union(PUNCTUATION, TERMINAL);

  private Punctuation() {}

  /** {@code PUNCTUATION}: symbols and control codes that MinHash normalisation replaces by spaces. */
  public static boolean isPunctuation(int codePoint) {
    return PUNCTUATION.get(codePoint);
  }

  /** {@code TERMINAL_PUNCTUATION}: sentence terminators of many scripts. */
  public static boolean isTerminal(int codePoint) {
    return TERMINAL.get(codePoint);
  }

  /** {@code PUNCTUATION_SET} = PUNCTUATION ∪ TERMINAL_PUNCTUATION. */
  public static boolean isInPunctuationSet(int codePoint) {
    return PUNCTUATION_SET.get(codePoint);
  }

  /** True when every code point of the token is in PUNCTUATION_SET (a "symbol word" for Gopher). */
  public static boolean isAllPunctuationSet(String token) {
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (!PUNCTUATION_SET.get(cp)) return false;
      i += Character.charCount(cp);
    }
    return true;
  }

  private static BitSet union(BitSet a, BitSet b) {
    BitSet u = (BitSet) a.clone();
    u.or(b);
    return u;
  }

  static BitSet load(String resource) {
    BitSet set = new BitSet();
    try (InputStream in = Punctuation.class.getResourceAsStream("/winnow/text/" + resource)) {
      if (in == null) throw new IllegalStateException("missing resource /winnow/text/" + resource);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.trim();
        if (line.startsWith("U+")) set.set(Integer.parseInt(line.substring(2), 16));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return set;
  }
}
