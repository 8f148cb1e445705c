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
   * "version 2 of the License"), else -1, as {@code 100·N + minor}. A one-digit number right after N is its minor
   * number ("version 2.1" is normalised to "version 2 1"; the day of "Version 3, 29 June 2007" is not one), else
   * the minor is {@link #ANY_MINOR}: the LGPL-2.1 and the LGPL-2.0, the MPL-1.1 and the MPL-1.0 name different
   * versions, and "version 2" is 2.0 ({@link #sameVersion}).
   */
  public static int[] versions(String normalized) {
    java.util.List<String> words = new java.util.ArrayList<>();
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (c == SpdxTemplate.GAP) {
        words.add(null);
        i++;
        continue;
      }
      int j = normalized.indexOf(' ', i);
      if (j < 0) j = n;
      words.add(normalized.substring(i, j));
      i = j;
    }
    int[] out = new int[16];
    int count = 0;
    for (int k = 1; k < words.size(); k++) {
      String previous = words.get(k - 1);
      String word = words.get(k);
      if (previous == null || word == null) continue;
      if (count == out.length) out = Arrays.copyOf(out, count * 2);
      int version = -1;
      if (previous.equals("version") && isSmallNumber(word, 3)) {
        String next = k + 1 < words.size() ? words.get(k + 1) : null;
        version = 100 * Integer.parseInt(word) + (next != null && isSmallNumber(next, 1) ? Integer.parseInt(next) : ANY_MINOR);
      }
      out[count++] = version;
    }
    return Arrays.copyOf(out, count);
  }

  /** The minor number of a version named by its major number alone ("version 2"). */
  static final int ANY_MINOR = 99;

  /**
   * Whether two named versions are one: "version 2" is "version 2.0", never 2.1. A notice's own number decides
   * between the LGPL's versions, not its name: Debian's packagers read "GNU Lesser General Public License ...
   * version 2 of the License" as the LGPL-2.0 (the Lesser name came with 2.1, the notices kept the number), and
   * "GNU Library General Public License ... version 2.1" as the LGPL-2.1.
   */
  static boolean sameVersion(int a, int b) {
    return minorZero(a) == minorZero(b);
  }

  private static int minorZero(int version) {
    return version % 100 == ANY_MINOR ? version - ANY_MINOR : version;
  }

  private static boolean isSmallNumber(String word, int maxDigits) {
    return word.length() <= maxDigits && word.chars().allMatch(Character::isDigit);
  }

  /**
   * The pairs of {@code normalized} that end right before a {@link SpdxTemplate#GAP} ({@code [0]}) and that start
   * right after one ({@code [1]}), each distinct and sorted: where a template's variable begins and ends.
   */
  public static long[][] gapBoundaries(String normalized) {
    it.unimi.dsi.fastutil.longs.LongArrayList before = new it.unimi.dsi.fastutil.longs.LongArrayList();
    it.unimi.dsi.fastutil.longs.LongArrayList after = new it.unimi.dsi.fastutil.longs.LongArrayList();
    long previous = 0;
    long lastPair = 0;
    boolean havePrevious = false;
    boolean havePair = false;
    boolean afterGap = false;
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      if (c == SpdxTemplate.GAP) {
        if (havePair) before.add(lastPair);
        havePrevious = false;
        havePair = false;
        afterGap = true;
        i++;
        continue;
      }
      int j = normalized.indexOf(' ', i);
      if (j < 0) j = n;
      long h = HASH.hashChars(normalized, i, j - i);
      if (havePrevious) {
        lastPair = pair(previous, h);
        if (!havePair && afterGap) after.add(lastPair);
        havePair = true;
      }
      previous = h;
      havePrevious = true;
      i = j;
    }
    return new long[][] {distinct(before.toLongArray()), distinct(after.toLongArray())};
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

  /**
   * The key of two pairs that follow each other, {@code (a b)} then {@code (b c)}: the word triple {@code a b c}.
   * A pair a reference holds may still sit in words it never puts together; its successions tell.
   */
  public static long succession(long first, long second) {
    return first * 0x9E3779B97F4A7C15L + Long.rotateLeft(second, 29);
  }

  /** The distinct successions of consecutive pairs of {@code pairs}, sorted (for binary search: half a hash set's memory). */
  public static long[] successions(long[] pairs) {
    long[] out = new long[Math.max(0, pairs.length - 1)];
    for (int i = 1; i < pairs.length; i++) out[i - 1] = succession(pairs[i - 1], pairs[i]);
    return distinct(out);
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
