package io.winnow.text;

/**
 * The fast word rule shared by the slop step's word scan and the diversity profile's word hashes: a word is a
 * run of letters or digits, an apostrophe (' or ’) between a word and a letter joins it (don't, it’s), and words
 * are read lower-cased. Not the reference's tokenizer (that is {@link EnglishWordSplitter}): a cheap one, kept in
 * one place so the two readers of it never drift apart.
 */
public final class WordRule {
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) ASCII_WORD[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private WordRule() {}

  public static boolean isWordChar(char c) {
    return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /** Whether {@code t[i]} is an apostrophe joining the word being read ({@code len} characters so far) to a letter. */
  public static boolean joinsWord(char[] t, int i, int n, int len) {
    char d = t[i];
    return (d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(t[i + 1]) && len > 0;
  }

  public static char lower(char d) {
    return d < 128 ? (d >= 'A' && d <= 'Z' ? (char) (d + 32) : d) : Character.toLowerCase(d);
  }
}
