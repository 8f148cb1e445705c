package io.winnow.text;

import java.util.Collection;

/**
 * A one-hash Bloom filter of strings, asked about a region of a text without copying it: a clear bit proves
 * the region is none of the strings, a set bit means "look it up". It lets the word splitter skip building a
 * String and probing the special-case map for the plain words that make up most of a text.
 */
final class RegionFilter {
  private final long[] bits;
  private final int mask;

  /** Sized to ~32 bits a string, so about 3 % of other regions pass. */
  RegionFilter(Collection<String> strings) {
    int size = Integer.highestOneBit(Math.max(64, strings.size() * 32 - 1)) << 1;
    bits = new long[size >>> 6];
    mask = size - 1;
    for (String s : strings) {
      int h = hash(s, 0, s.length()) & mask;
      bits[h >>> 6] |= 1L << h;
    }
  }

  boolean mayContain(CharSequence text, int from, int to) {
    int h = hash(text, from, to) & mask;
    return (bits[h >>> 6] & (1L << h)) != 0;
  }

  /** {@link #mayContain(CharSequence, int, int)} for a region of a char array. */
  boolean mayContain(char[] text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) h = 31 * h + text[i];
    h = (h ^ (h >>> 15)) & mask;
    return (bits[h >>> 6] & (1L << h)) != 0;
  }

  private static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) h = 31 * h + s.charAt(i);
    return h ^ (h >>> 15);
  }
}
