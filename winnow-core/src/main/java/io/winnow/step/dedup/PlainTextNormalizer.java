package io.winnow.step.dedup;

import io.winnow.text.DedupNormalizer;
import io.winnow.text.Punctuation;
import io.winnow.text.PyText;
import java.nio.charset.StandardCharsets;

/**
 * {@link DedupNormalizer#normalize} in one pass over the characters, for the texts where that is easy to get
 * exactly right: ASCII, plus any punctuation or whitespace outside ASCII (curly quotes, dashes, no-break
 * spaces), which all become spaces. Such a text needs no case mapping beyond A–Z, no Unicode digits and no
 * decomposition, so lower-casing, the number runs, the punctuation, the whitespace and the strip are done
 * together instead of by a lower-cased copy, a regular expression and a builder. Any other character (a
 * letter with an accent, another script, a digit or decimal separator outside ASCII) hands the whole text to
 * {@link DedupNormalizer}, whose result this equals (see the test).
 *
 * <p>Not thread-safe (reuses a buffer): one instance per {@link MinHasher}.
 */
final class PlainTextNormalizer {
  private byte[] out = new byte[1 << 12];

  String normalize(String text) {
    String fast = normalizePlain(text);
    return fast != null ? fast : DedupNormalizer.normalize(text);
  }

  /** The normal form of a plain text, or null when the text has a character this path does not handle. */
  String normalizePlain(String text) {
    int len = text.length();
    if (out.length < len) out = new byte[Math.max(len, out.length * 2)];
    byte[] o = out;
    int k = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < len; ) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        int cp = text.codePointAt(i);
        if (!isSpaceLike(cp)) return null;
        pendingSpace = k > 0;
        i += Character.charCount(cp);
        continue;
      }
      if (isDigit(c)) {
        // a run of digits, optionally one separator and more digits: "0" (the only separators in ASCII)
        int j = i + 1;
        while (j < len && isDigit(text.charAt(j))) j++;
        if (j + 1 < len && (text.charAt(j) == '.' || text.charAt(j) == ',') && isDigit(text.charAt(j + 1))) {
          j += 2;
          while (j < len && isDigit(text.charAt(j))) j++;
        }
        // a digit or separator outside ASCII right after (which would belong to the run) is not space-like:
        // the next turn of the loop hands the text over
        c = '0';
        i = j;
      } else {
        i++;
        if (Punctuation.isPunctuation(c) || PyText.isSpace(c)) {
          pendingSpace = k > 0;
          continue;
        }
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      }
      if (pendingSpace) {
        o[k++] = ' ';
        pendingSpace = false;
      }
      o[k++] = (byte) c;
    }
    return new String(o, 0, k, StandardCharsets.ISO_8859_1);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Punctuation or whitespace that is neither a digit nor one of the number pattern's decimal separators. */
  private static boolean isSpaceLike(int cp) {
    if (cp == '،' || cp == '٫' || cp == '⎖' || cp == '⎗' || cp == '⎘' || Character.isDigit(cp)) return false;
    return Punctuation.isPunctuation(cp) || PyText.isSpace(cp);
  }
}
