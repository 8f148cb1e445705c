package io.winnow.step.filter;

import java.util.Arrays;

/**
 * Counts the n-grams of one size in one document, exactly: keyed by their 64-bit hash, and a hash match counts
 * only when the words, joined as the reference joins them, are the same ({@link JoinedWords}); a collision
 * takes a slot of its own. Each slot keeps the n-gram's first position (its representative for the
 * comparison, and the tie-break of the most frequent n-gram) and its count.
 *
 * <p>16 bytes a slot at load ≤ 1/2, sized to the n-grams expected (not to a power of two) and reused for all
 * the documents of a step; a table grown for a large document is given back by {@link #release}.
 */
final class GramTable {
  private static final int MIN_CAPACITY = 64;
  private static final int KEEP_CAPACITY = 1 << 17;

  private long[] keys = new long[MIN_CAPACITY];
  /** First position + 1 of the slot's n-gram; 0 marks an empty slot. */
  private int[] firsts = new int[MIN_CAPACITY];
  private int[] counts = new int[MIN_CAPACITY];
  private int capacity = MIN_CAPACITY;
  private String[] words;
  private int n;
  private boolean spaced;

  /** Empties the table for at most {@code expected} distinct n-grams of {@code n} words of {@code words}. */
  void reset(int expected, String[] words, int n, boolean spaced) {
    long wanted = Math.max(MIN_CAPACITY, 2L * expected + 1);
    if (wanted > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many n-grams: " + expected);
    int c = (int) wanted;
    if (keys.length < c) {
      // Allocated into locals first: if one allocation fails, the fields stay a consistent set.
      long[] k = new long[c];
      int[] f = new int[c];
      int[] n2 = new int[c];
      keys = k;
      firsts = f;
      counts = n2;
    } else {
      Arrays.fill(firsts, 0, c, 0);
    }
    capacity = c;
    this.words = words;
    this.n = n;
    this.spaced = spaced;
  }

  /**
   * Adds the n-gram at {@code position} (of hash {@code key}): returns its count so far, this one included, in
   * the high 32 bits and its first position in the low ones.
   */
  long add(long key, int position) {
    int c = capacity;
    int i = (int) (((key >>> 32) * c) >>> 32); // the hash is mixed already: its high bits pick the slot
    for (int f; (f = firsts[i]) != 0; ) {
      if (keys[i] == key && JoinedWords.same(words, f - 1, position, n, spaced))
        return ((long) ++counts[i] << 32) | (f - 1);
      if (++i == c) i = 0;
    }
    keys[i] = key;
    firsts[i] = position + 1;
    counts[i] = 1;
    return (1L << 32) | position;
  }

  void release() {
    words = null;
    if (keys.length > KEEP_CAPACITY) {
      keys = new long[MIN_CAPACITY];
      firsts = new int[MIN_CAPACITY];
      counts = new int[MIN_CAPACITY];
    }
  }
}
