package io.winnow.text;

/**
 * Counts 64-bit keys (n-gram hashes) in an open-addressing table that is emptied in O(1): every slot carries
 * the stamp of the round that wrote it, and {@link #reset} starts a new round. A step reuses one counter for
 * all its documents; the table grows to the largest document and is never cleared slot by slot.
 */
public final class LongCounter {
  private long[] keys = new long[1024];
  private int[] counts = new int[1024];
  private int[] stamps = new int[1024];
  private int mask = 1023;
  private int stamp = 1;

  /** Empties the counter and makes room for {@code expectedKeys} keys at load ≤ 1/2. */
  public void reset(int expectedKeys) {
    int needed = Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1;
    if (needed > keys.length) {
      keys = new long[needed];
      counts = new int[needed];
      stamps = new int[needed];
      mask = needed - 1;
      stamp = 1;
      return;
    }
    if (++stamp == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stamps, 0);
      stamp = 1;
    }
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Adds one to the key's count and returns the new count. */
  public int increment(long key) {
    int i = slot(key) & mask;
    while (stamps[i] == stamp) {
      if (keys[i] == key) return ++counts[i];
      i = (i + 1) & mask;
    }
    stamps[i] = stamp;
    keys[i] = key;
    counts[i] = 1;
    return 1;
  }

  /** The key's count (0 when absent). */
  public int count(long key) {
    int i = slot(key) & mask;
    while (stamps[i] == stamp) {
      if (keys[i] == key) return counts[i];
      i = (i + 1) & mask;
    }
    return 0;
  }
}
