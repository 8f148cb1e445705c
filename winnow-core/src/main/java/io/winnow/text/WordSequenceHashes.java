package io.winnow.text;

import java.util.Arrays;

/**
 * Constant-time hashes of any run of consecutive words, as if the run were joined into one string, without
 * building that string. Two modes match the reference's two joins: with a single space between words
 * ({@code " ".join}) and with no separator ({@code "".join}, where "ab"+"c" equals "a"+"bc" — the hash is of
 * the characters, so such runs collide exactly as the joined strings do).
 *
 * <p>Polynomial hashing modulo 2^64 over UTF-16 units, mixed with the run's length. Reused per thread: call
 * {@link #reset} for each document; arrays grow and are kept.
 */
public final class WordSequenceHashes {
  private static final long BASE = 0x9E3779B97F4A7C15L | 1L;
  private long[] pow = new long[1024];
  private int powSize = 1;
  private long[] prefixSpaced = new long[256];
  private long[] prefixPlain = new long[256];
  private int[] charsSpaced = new int[256];
  private int[] charsPlain = new int[256];
  private int[] codePoints = new int[256];
  private int words;

  public WordSequenceHashes() {
    pow[0] = 1;
  }

  public void reset(String[] w) {
    int n = w.length;
    words = n;
    if (prefixSpaced.length < n + 1) {
      int size = Math.max(n + 1, prefixSpaced.length * 2);
      prefixSpaced = new long[size];
      prefixPlain = new long[size];
      charsSpaced = new int[size];
      charsPlain = new int[size];
      codePoints = new int[size];
    }
    long ps = 0;
    long pp = 0;
    int cs = 0;
    int cp = 0;
    int cps = 0;
    for (int i = 0; i < n; i++) {
      String s = w[i];
      int len = s.length();
      long h = 0;
      for (int k = 0; k < len; k++) h = h * BASE + s.charAt(k);
      ensurePow(len + 1);
      pp = pp * pow[len] + h;
      ps = (ps * pow[len] + h) * BASE + ' ';
      cp += len;
      cs += len + 1;
      cps += s.codePointCount(0, len);
      prefixPlain[i + 1] = pp;
      prefixSpaced[i + 1] = ps;
      charsPlain[i + 1] = cp;
      charsSpaced[i + 1] = cs;
      codePoints[i + 1] = cps;
    }
    ensurePow(cs + 1);
  }

  private void ensurePow(int needed) {
    if (needed <= powSize) return;
    if (pow.length < needed) pow = Arrays.copyOf(pow, Math.max(needed, pow.length * 2));
    for (int i = powSize; i < needed; i++) pow[i] = pow[i - 1] * BASE;
    powSize = needed;
  }

  /** Hash of words [from, from+n) joined by single spaces. */
  public long spaced(int from, int n) {
    int to = from + n;
    int len = charsSpaced[to] - charsSpaced[from];
    return mix(prefixSpaced[to] - prefixSpaced[from] * pow[len], len);
  }

  /** Hash of words [from, from+n) concatenated with no separator. */
  public long plain(int from, int n) {
    int to = from + n;
    int len = charsPlain[to] - charsPlain[from];
    return mix(prefixPlain[to] - prefixPlain[from] * pow[len], len);
  }

  /** Length in code points of words [from, from+n) concatenated with no separator. */
  public int plainLength(int from, int n) {
    return codePoints[from + n] - codePoints[from];
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
