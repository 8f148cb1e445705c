package io.winnow.step.filter;

import java.util.Locale;

/**
 * Which of a fixed set of lowercase phrases a line contains once lowercased ({@code toLowerCase(Locale.ROOT)}),
 * as bits, in one pass. A line of ASCII (nearly all lines) is lowercased letter by letter into a reused buffer
 * as it is searched; only another line is lowercased by {@link String#toLowerCase} (where one character can
 * become two, like 'İ'), and then searched phrase by phrase. Lowercasing and copying every line was most of
 * the cost of c4's phrase rules.
 */
final class LowercasePhrases {
  private final char[][] phrases;
  private final String[] phraseStrings;
  private final int[] bits;
  /** Per ASCII character, whether some phrase starts with it. */
  private final boolean[] starts = new boolean[128];
  private char[] buffer = new char[256];

  /** {@code phrases[i]} (lowercase ASCII) reports {@code bits[i]}. */
  LowercasePhrases(String[] phrases, int[] bits) {
    this.phraseStrings = phrases.clone();
    this.phrases = new char[phrases.length][];
    this.bits = bits.clone();
    for (int i = 0; i < phrases.length; i++) {
      String p = phrases[i];
      if (p.isEmpty() || !p.equals(p.toLowerCase(Locale.ROOT)) || !p.chars().allMatch(c -> c < 0x80))
        throw new IllegalArgumentException("not a non-empty lowercase ASCII phrase: '" + p + "'");
      this.phrases[i] = p.toCharArray();
      starts[p.charAt(0)] = true;
    }
  }

  /** The bits of the phrases that {@code line.toLowerCase(Locale.ROOT)} contains. */
  int find(String line) {
    int n = line.length();
    if (buffer.length < n) buffer = new char[Math.max(n, buffer.length * 2)];
    char[] b = buffer;
    line.getChars(0, n, b, 0);
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (c >= 0x80) return findLowercased(line.toLowerCase(Locale.ROOT));
      if (c >= 'A' && c <= 'Z') b[i] = (char) (c + ('a' - 'A'));
    }
    int found = 0;
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (!starts[c]) continue;
      for (int k = 0; k < phrases.length; k++) {
        char[] p = phrases[k];
        if (p[0] == c && i + p.length <= n && matchesAt(b, i, p)) found |= bits[k];
      }
    }
    return found;
  }

  private static boolean matchesAt(char[] b, int at, char[] p) {
    for (int j = 1; j < p.length; j++) if (b[at + j] != p[j]) return false;
    return true;
  }

  private int findLowercased(String lower) {
    int found = 0;
    for (int k = 0; k < phraseStrings.length; k++) if (lower.contains(phraseStrings[k])) found |= bits[k];
    return found;
  }
}
