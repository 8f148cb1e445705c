package io.winnow.step.filter;

import java.util.Arrays;

/**
 * A first pass over a document's n-gram hashes that proves most n-grams unique: each hash marks a bucket of a
 * bit set (about 8 buckets an n-gram), and a bucket marked twice is "shared". An n-gram whose bucket is not
 * shared has no equal anywhere in the document (equal n-grams have equal hashes, so equal buckets), so it is
 * neither a repeat nor worth remembering, and only the n-grams of shared buckets go to the exact table. On
 * distinct text that is a small fraction, and the bit sets (2 bits an n-gram) stay in the CPU cache where the
 * table would not.
 */
final class SharedBuckets {
  private static final int MIN_BITS = 1 << 9;
  /** Bit sets larger than this (in bits) are dropped by {@link #release}. */
  private static final int KEEP_BITS = 1 << 21;

  private long[] once = new long[MIN_BITS >>> 6];
  private long[] twice = new long[MIN_BITS >>> 6];
  private int mask;
  private int inShared;

  /** Empties the sets, sized for {@code grams} hashes. */
  void reset(int grams) {
    long wanted = Math.max(MIN_BITS, Long.highestOneBit(Math.max(1, (long) grams) * 8 - 1) << 1);
    if (wanted > 1L << 31) wanted = 1L << 31;
    int words = (int) (wanted >>> 6);
    if (once.length < words || once.length > 4 * words && once.length > MIN_BITS >>> 6) {
      long[] o = new long[words];
      long[] t = new long[words];
      once = o;
      twice = t;
    } else {
      Arrays.fill(once, 0, words, 0);
      Arrays.fill(twice, 0, words, 0);
    }
    mask = (int) (wanted - 1);
    inShared = 0;
  }

  void add(long hash) {
    int bucket = (int) hash & mask;
    int w = bucket >>> 6;
    long bit = 1L << bucket;
    if ((once[w] & bit) != 0) {
      inShared += (twice[w] & bit) == 0 ? 2 : 1; // the bucket's first hash becomes shared with this one
      twice[w] |= bit;
    } else {
      once[w] |= bit;
    }
  }

  /** Whether another added hash fell in this hash's bucket (always true for a hash added twice). */
  boolean shared(long hash) {
    int bucket = (int) hash & mask;
    return (twice[bucket >>> 6] & (1L << bucket)) != 0;
  }

  /** How many of the added hashes fell in shared buckets: at most that many go to the exact table. */
  int hashesInShared() {
    return inShared;
  }

  void release() {
    if ((long) once.length << 6 > KEEP_BITS) {
      once = new long[MIN_BITS >>> 6];
      twice = new long[MIN_BITS >>> 6];
    }
  }
}
