package io.winnow.code.license.match;

import io.winnow.code.license.spdx.SpdxTemplate;
import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * The word pairs (bigrams) of a normalised text, in order, as 64-bit hashes: the unit the matcher compares. No
 * pair spans a {@link SpdxTemplate#GAP}.
 */
public final class WordPairs {
  private static final LongHashFunction HASH = LongHashFunction.xx(0x5bd1e995L);

  private WordPairs() {}

  /** The pair hashes of {@code normalized} (from {@link LicenseNormalizer}), in text order, repeats kept. */
  public static long[] of(String normalized) {
    long[] out = new long[16];
    int count = 0;
    long previous = 0;
    boolean havePrevious = false;
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (c == SpdxTemplate.GAP) {
        havePrevious = false;
        i++;
        continue;
      }
      int j = normalized.indexOf(' ', i);
      if (j < 0) j = n;
      long h = HASH.hashChars(normalized, i, j - i);
      if (havePrevious) {
        if (count == out.length) out = Arrays.copyOf(out, count * 2);
        out[count++] = pair(previous, h);
      }
      previous = h;
      havePrevious = true;
      i = j;
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * For each pair of {@link #of}, the version it names when it is "version N" ({@code N} a number, e.g. the 2 of
   * "version 2 of the License"), else -1.
   */
  public static int[] versions(String normalized) {
    int[] out = new int[16];
    int count = 0;
    String previous = null;
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (c == SpdxTemplate.GAP) {
        previous = null;
        i++;
        continue;
      }
      int j = normalized.indexOf(' ', i);
      if (j < 0) j = n;
      String word = normalized.substring(i, j);
      if (previous != null) {
        if (count == out.length) out = Arrays.copyOf(out, count * 2);
        out[count++] = previous.equals("version") && word.length() <= 3 && word.chars().allMatch(Character::isDigit)
            ? Integer.parseInt(word) : -1;
      }
      previous = word;
      i = j;
    }
    return Arrays.copyOf(out, count);
  }

  /** For each pair of {@link #of}, whether either of its words is a number. */
  public static boolean[] numeric(String normalized) {
    boolean[] out = new boolean[16];
    int count = 0;
    boolean previousNumeric = false;
    boolean havePrevious = false;
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == ' ' || c == SpdxTemplate.GAP) {
        if (c == SpdxTemplate.GAP) havePrevious = false;
        i++;
        continue;
      }
      int j = normalized.indexOf(' ', i);
      if (j < 0) j = n;
      boolean isNumber = true;
      for (int k = i; k < j && isNumber; k++) isNumber = Character.isDigit(normalized.charAt(k));
      if (havePrevious) {
        if (count == out.length) out = Arrays.copyOf(out, count * 2);
        out[count++] = isNumber || previousNumeric;
      }
      previousNumeric = isNumber;
      havePrevious = true;
      i = j;
    }
    return Arrays.copyOf(out, count);
  }

  /** The words of pairs {@code [fromPair, toPair)} of {@code normalized} (as {@link #of} counts pairs), space-separated. */
  public static String words(String normalized, int fromPair, int toPair) {
    StringBuilder out = new StringBuilder();
    int pairs = 0;
    boolean havePrevious = false;
    String previous = null;
    int n = normalized.length();
    int i = 0;
    while (i < n && pairs < toPair) {
      char c = normalized.charAt(i);
      if (c == ' ' || c == SpdxTemplate.GAP) {
        if (c == SpdxTemplate.GAP) havePrevious = false;
        i++;
        continue;
      }
      int j = normalized.indexOf(' ', i);
      if (j < 0) j = n;
      String word = normalized.substring(i, j);
      if (havePrevious) {
        if (pairs >= fromPair) {
          if (out.length() == 0) out.append(previous);
          out.append(' ').append(word);
        }
        pairs++;
      }
      previous = word;
      havePrevious = true;
      i = j;
    }
    return out.toString();
  }

  /** The hash {@link #of} gives the pair of these two (normalised) words. */
  public static long pairOf(String first, String second) {
    return pair(HASH.hashChars(first), HASH.hashChars(second));
  }

  /** The distinct values of {@code pairs}, sorted. */
  public static long[] distinct(long[] pairs) {
    long[] s = pairs.clone();
    Arrays.sort(s);
    int k = 0;
    for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) s[k++] = s[i];
    return Arrays.copyOf(s, k);
  }

  private static long pair(long a, long b) {
    long h = a * 0x9E3779B97F4A7C15L + Long.rotateLeft(b, 31);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return h;
  }
}
