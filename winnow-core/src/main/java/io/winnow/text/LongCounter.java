package io.winnow.text;

import java.util.Arrays;

/**
 * Counts 64-bit keys (n-gram hashes) in an open-addressing table of primitives: 16 bytes a slot (key, count
 * and first position; a zero count marks an empty slot) at load ≤ 1/2 (linear probing slows down fast above),
 * so ≤ 32 bytes a key, where boxed keys in a HashMap cost ~80. The table is sized to the keys expected, not to
 * a power of two, and is reused by a step for all its documents; {@link #reset} empties it in time
 * proportional to its size, which stays proportional to the document (a table much larger than needed is
 * replaced by a smaller one).
 */
public final class LongCounter {
  private static final int MIN_CAPACITY = 1024;
  /** Tables larger than this are dropped by {@link #release}. */
  private static final int KEEP_CAPACITY = 1 << 17;

  private long[] keys = new long[MIN_CAPACITY];
  private int[] counts = new int[MIN_CAPACITY];
  /** Per slot, the position given with the key's first {@link #increment(long, int)}. */
  private int[] firsts = new int[MIN_CAPACITY];

  /** Empties the counter and makes room for {@code expectedKeys} keys at load ≤ 1/2. */
  public void reset(int expectedKeys) {
    long wanted = Math.max(MIN_CAPACITY, 2L * expectedKeys + 1);
    if (wanted > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many keys: " + expectedKeys);
    int capacity = (int) wanted;
    if (keys.length < capacity || keys.length > 4L * capacity) {
      // Allocated into locals first: if one allocation fails, the fields stay a consistent pair.
      long[] k = new long[capacity];
      int[] c = new int[capacity];
      int[] f = new int[capacity];
      keys = k;
      counts = c;
      firsts = f;
    } else {
      Arrays.fill(counts, 0);
    }
  }

  /** Gives back a table grown for a large document (the next {@link #reset} sizes it again). */
  public void release() {
    if (keys.length > KEEP_CAPACITY) {
      keys = new long[MIN_CAPACITY];
      counts = new int[MIN_CAPACITY];
      firsts = new int[MIN_CAPACITY];
    }
  }

  /** A slot in [0, capacity) from the key's high bits (multiply-shift: no power-of-two size needed). */
  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (((h >>> 32) * keys.length) >>> 32);
  }

  /** Adds one to the key's count and returns the new count. */
  public int increment(long key) {
    int n = keys.length;
    int i = slot(key);
    while (counts[i] != 0) {
      if (keys[i] == key) return ++counts[i];
      if (++i == n) i = 0;
    }
    keys[i] = key;
    counts[i] = 1;
    return 1;
  }

  /**
   * Adds one to the key's count, remembering {@code position} if the key is new: returns the new count in
   * the high 32 bits and the key's first position in the low ones. It lets a caller find the most frequent
   * key seen first in one pass, instead of a second pass of lookups.
   */
  public long increment(long key, int position) {
    int n = keys.length;
    int i = slot(key);
    while (counts[i] != 0) {
      if (keys[i] == key) return ((long) ++counts[i] << 32) | firsts[i];
      if (++i == n) i = 0;
    }
    keys[i] = key;
    counts[i] = 1;
    firsts[i] = position;
    return (1L << 32) | position;
  }

  /** The key's count (0 when absent). */
  public int count(long key) {
    int n = keys.length;
    int i = slot(key);
    while (counts[i] != 0) {
      if (keys[i] == key) return counts[i];
      if (++i == n) i = 0;
    }
    return 0;
  }
}
