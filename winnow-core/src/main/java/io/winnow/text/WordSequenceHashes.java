package io.winnow.text;

import java.util.Arrays;

/**
 * Constant-time hashes of any run of consecutive words, as if the run were joined into one string, without
 * building that string. Two modes match the reference's two joins: with a single space between words
 * ({@code " ".join}) and with no separator ({@code "".join}, where "ab"+"c" equals "a"+"bc" — the hash is of
 * the characters, so such runs collide exactly as the joined strings do).
 *
 * <p>Polynomial hashing modulo 2^64 over UTF-16 units, mixed with the run's length. Reused per thread: call
 * {@link #reset} for each document, {@link #release} after it.
 *
 * <p>Memory is 20 bytes a word (two prefix hashes and one prefix length; code points only when the text has
 * surrogates), and the table of powers of the base only grows to the longest word or n-gram asked for, with
 * powers beyond a cap computed by squaring: a table as long as the document cost 8 bytes a character.
 */
public final class WordSequenceHashes {
  private static final long BASE = 0x9E3779B97F4A7C15L | 1L;
  private static final long BASE_SQUARED = BASE * BASE;
  /** Powers above this are computed, not tabled (only giant words or n-grams need them). */
  private static final int MAX_TABLED_POW = 1 << 16;
  /** Arrays larger than this (in words) are dropped by {@link #release}. */
  private static final int KEEP_WORDS = 1 << 16;

  private long[] pow = new long[1024];
  private int powSize = 1;
  private long[] prefixSpaced = new long[256];
  private long[] prefixPlain = new long[256];
  private int[] charsPlain = new int[256];
  /** Code points before each word, or null when every word is free of surrogates (then it equals charsPlain). */
  private int[] codePoints;
  private int words;

  public WordSequenceHashes() {
    pow[0] = 1;
  }

  public void reset(String[] w) {
    int n = w.length;
    words = 0;
    if (prefixSpaced.length < n + 1) {
      // Allocated into locals first: if one allocation fails, the fields stay a consistent (smaller) set.
      long[] spaced = new long[n + 1];
      long[] plain = new long[n + 1];
      int[] chars = new int[n + 1];
      prefixSpaced = spaced;
      prefixPlain = plain;
      charsPlain = chars;
    }
    codePoints = null;
    long ps = 0;
    long pp = 0;
    int cp = 0;
    for (int i = 0; i < n; i++) {
      String s = w[i];
      int len = s.length();
      // two characters a step: h·B² + a·B + b is (h·B + a)·B + b modulo 2^64, with half the chain of dependent
      // multiplications; the surrogate check rides along instead of a second pass over the word
      long h = 0;
      int surrogates = 0;
      int k = 0;
      for (; k + 1 < len; k += 2) {
        char a = s.charAt(k);
        char b = s.charAt(k + 1);
        h = h * BASE_SQUARED + a * BASE + b;
        surrogates |= surrogateBit(a) | surrogateBit(b);
      }
      if (k < len) {
        char a = s.charAt(k);
        h = h * BASE + a;
        surrogates |= surrogateBit(a);
      }
      long p = pow(len);
      pp = pp * p + h;
      ps = (ps * p + h) * BASE + ' ';
      cp += len;
      prefixPlain[i + 1] = pp;
      prefixSpaced[i + 1] = ps;
      charsPlain[i + 1] = cp;
      if (codePoints == null && surrogates != 0) codePoints = codePointPrefix(w, i, n);
    }
    words = n;
  }

  /** Code points before each word, counted from word {@code from} (the first with a surrogate) on. */
  private int[] codePointPrefix(String[] w, int from, int n) {
    int[] c = new int[n + 1];
    System.arraycopy(charsPlain, 0, c, 0, from + 1); // no surrogates before: code points = chars
    for (int i = from; i < n; i++) c[i + 1] = c[i] + w[i].codePointCount(0, w[i].length());
    return c;
  }

  /** 1 for a surrogate (U+D800..U+DFFF), else 0. */
  private static int surrogateBit(char c) {
    return ((c & 0xF800) == 0xD800) ? 1 : 0;
  }

  /** Drops arrays grown for a large document, so a step does not keep them between documents. */
  public void release() {
    codePoints = null;
    if (prefixSpaced.length > KEEP_WORDS) {
      prefixSpaced = new long[256];
      prefixPlain = new long[256];
      charsPlain = new int[256];
      words = 0;
    }
  }

  /** BASE^e mod 2^64. */
  private long pow(int e) {
    if (e < powSize) return pow[e];
    if (e < MAX_TABLED_POW) {
      if (pow.length <= e) pow = Arrays.copyOf(pow, Math.min(MAX_TABLED_POW, Math.max(e + 1, pow.length * 2)));
      for (int i = powSize; i <= e; i++) pow[i] = pow[i - 1] * BASE;
      powSize = e + 1;
      return pow[e];
    }
    long result = 1;
    long b = BASE;
    for (int x = e; x != 0; x >>>= 1, b *= b) if ((x & 1) != 0) result *= b;
    return result;
  }

  private int charsSpaced(int i) {
    return charsPlain[i] + i; // one space after every word
  }

  /** Hash of words [from, from+n) joined by single spaces. */
  public long spaced(int from, int n) {
    int to = from + n;
    int len = charsSpaced(to) - charsSpaced(from);
    return mix(prefixSpaced[to] - prefixSpaced[from] * pow(len), len);
  }

  /** Hash of words [from, from+n) concatenated with no separator. */
  public long plain(int from, int n) {
    int to = from + n;
    int len = charsPlain[to] - charsPlain[from];
    return mix(prefixPlain[to] - prefixPlain[from] * pow(len), len);
  }

  /** Length in code points of words [from, from+n) concatenated with no separator. */
  public int plainLength(int from, int n) {
    int[] c = codePoints == null ? charsPlain : codePoints;
    return c[from + n] - c[from];
  }

  /** Length in code points of words [from, from+n) joined by single spaces. */
  public int spacedLength(int from, int n) {
    return plainLength(from, n) + n - 1;
  }

  public int size() {
    return words;
  }

  private static long mix(long h, int len) {
    h ^= (long) len * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return h;
  }
}
