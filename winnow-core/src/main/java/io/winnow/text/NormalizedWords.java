package io.winnow.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Splits a text into normalised words without building strings: the normalisation of {@link DedupNormalizer}
 * (lower case, digit runs → 0, punctuation → space, whitespace collapsed, accents dropped), applied while
 * scanning, giving each word's 64-bit hash and its span in the original text. Any run of words can then be
 * hashed in O(1) ({@link #hash(int, int)}), so n-gram lookups allocate nothing.
 *
 * <p>Reused per thread: {@link #scan} overwrites the previous results.
 */
public final class NormalizedWords {
  private static final long BASE = 0x100000001B3L * 31 + 7;
  private static final String DIGIT_SEPARATORS = ".,،٫⎖⎗⎘";
  private static final String[] FOLDED = new String[0x10000];

  private long[] words = new long[256];
  private boolean[] numeric = new boolean[256];
  private int[] numericPrefix = new int[257];
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private long[] prefix = new long[257];
  private long[] pow = new long[257];
  private int size;

  /** Number of words of the last scanned text. */
  public int size() {
    return size;
  }

  /** Number of words in [from, from + count) that are only a number (normalised to "0"). */
  public int numericWords(int from, int count) {
    return numericPrefix[from + count] - numericPrefix[from];
  }

  /** Offset in the original text where word {@code i} starts. */
  public int start(int i) {
    return starts[i];
  }

  /** Offset in the original text just after word {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  public NormalizedWords scan(CharSequence text) {
    size = 0;
    int n = text.length();
    long h = 0;
    int wordStart = -1;
    boolean onlyDigits = true;
    int i = 0;
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      int len = Character.charCount(cp);
      if (Character.isDigit(cp)) {
        if (wordStart < 0) {
          wordStart = i;
          h = FNV_OFFSET;
          onlyDigits = true;
        }
        i = skipNumber(text, i);
        h = mixChar(h, '0');
        continue;
      }
      if (PyText.isSpace(cp) || Punctuation.isPunctuation(cp)) {
        if (wordStart >= 0) {
          add(h, wordStart, i, onlyDigits);
          wordStart = -1;
        }
        i += len;
        continue;
      }
      if (wordStart < 0) {
        wordStart = i;
        h = FNV_OFFSET;
      }
      onlyDigits = false;
      int lower = Character.toLowerCase(cp);
      if (lower < 0x80) {
        h = mixChar(h, lower);
      } else {
        String folded = lower < 0x10000 ? fold(lower) : new String(Character.toChars(lower));
        for (int k = 0; k < folded.length(); k++) h = mixChar(h, folded.charAt(k));
      }
      i += len;
    }
    if (wordStart >= 0) add(h, wordStart, n, onlyDigits);
    computePrefix();
    return this;
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;

  private static long mixChar(long h, int c) {
    return (h ^ c) * 0x100000001b3L;
  }

  /** A digit run, optionally followed by one separator and more digits, is one "0" (as the normaliser does). */
  private static int skipNumber(CharSequence text, int i) {
    int n = text.length();
    while (i < n && Character.isDigit(Character.codePointAt(text, i))) i += Character.charCount(Character.codePointAt(text, i));
    if (i + 1 < n && DIGIT_SEPARATORS.indexOf(text.charAt(i)) >= 0 && Character.isDigit(Character.codePointAt(text, i + 1))) {
      i++;
      while (i < n && Character.isDigit(Character.codePointAt(text, i))) i += Character.charCount(Character.codePointAt(text, i));
    }
    return i;
  }

  /** NFD without combining marks, per BMP character, cached. */
  private static String fold(int c) {
    String f = FOLDED[c];
    if (f == null) {
      String nfd = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
      StringBuilder sb = new StringBuilder(nfd.length());
      for (int k = 0; k < nfd.length(); k++) {
        if (Character.getType(nfd.charAt(k)) != Character.NON_SPACING_MARK) sb.append(nfd.charAt(k));
      }
      FOLDED[c] = f = sb.toString();
    }
    return f;
  }

  private void add(long hash, int start, int end, boolean number) {
    if (size == words.length) {
      int cap = size * 2;
      words = Arrays.copyOf(words, cap);
      numeric = Arrays.copyOf(numeric, cap);
      starts = Arrays.copyOf(starts, cap);
      ends = Arrays.copyOf(ends, cap);
    }
    words[size] = hash;
    numeric[size] = number;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  private void computePrefix() {
    if (prefix.length < size + 1) {
      prefix = new long[size + 1];
      pow = new long[size + 1];
      numericPrefix = new int[size + 1];
    }
    prefix[0] = 0;
    pow[0] = 1;
    for (int k = 0; k < size; k++) {
      prefix[k + 1] = prefix[k] * BASE + words[k];
      pow[k + 1] = pow[k] * BASE;
      numericPrefix[k + 1] = numericPrefix[k] + (numeric[k] ? 1 : 0);
    }
  }

  /** Hash of words [from, from + count): equal for equal normalised word sequences, in any text. */
  public long hash(int from, int count) {
    long h = prefix[from + count] - prefix[from] * pow[count];
    h ^= (long) count * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }
}
