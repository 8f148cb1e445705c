package io.winnow.report.diversity;

import java.util.Arrays;

/**
 * Counts distinct 64-bit hashes in bounded memory: the k-minimum-values sketch. It keeps the {@code k} smallest
 * distinct hashes (read as unsigned); while fewer than {@code k} distinct values were seen the count is exact,
 * afterwards it is (k − 1) / x, x being the k-th smallest hash scaled to [0, 1). The relative standard error of
 * the estimate is about 1 / √(k − 2): 0.55 % for the default k = 32,768. Memory: 10·k longs (candidates are
 * buffered, sorted and merged into the kept values in batches of 8·k) and a hash set of up to 9·k longs holding the
 * kept and buffered values, so that a value seen again (corpora repeat their n-grams) is not buffered twice: only
 * new values below the threshold reach a sort, some k·ln(n/k) of n distinct values.
 *
 * <p>Hashes must be well mixed (uniform over 64 bits). Not thread-safe.
 */
public final class KmvSketch {
  private final int k;
  /** kept values, sorted and distinct, in [0, kept) after a compaction; new candidates appended after them */
  private long[] values;
  private long[] merged;
  /** While fewer than k distinct values were seen: them, in a hash set (repeats cost a lookup, not a sort). */
  private it.unimi.dsi.fastutil.longs.LongOpenHashSet exact = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
  private int size;
  private int kept;
  /** unsigned: a value at or above it cannot be among the k smallest */
  private long threshold = -1L;
  private boolean full;
  /** after the exact phase: the kept and buffered values, so that a repeat is not buffered again */
  private final it.unimi.dsi.fastutil.longs.LongOpenHashSet present = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();

  public KmvSketch(int k) {
    if (k < 16) throw new IllegalArgumentException("k must be at least 16, got " + k);
    this.k = k;
    this.values = new long[9 * k];
    this.merged = new long[k];
  }

  public void add(long hash) {
    if (exact != null) {
      if (exact.add(hash) && exact.size() > k) spill();
      return;
    }
    if (full && Long.compareUnsigned(hash, threshold) >= 0) return;
    if (!present.add(hash)) return;
    values[size++] = hash;
    if (size == values.length) compact();
  }

  /** Past k distinct values: the sketch proper takes over from the exact set. */
  private void spill() {
    var it = exact.iterator();
    while (it.hasNext()) values[size++] = it.nextLong();
    exact = null;
    compact();
  }

  /** The number of distinct hashes seen, exact below k, estimated above. */
  public double estimate() {
    if (exact != null) return exact.size();
    compact();
    if (!full) return kept;
    double x = (threshold >>> 11) * 0x1.0p-53; // the k-th smallest value, scaled to [0, 1)
    return (k - 1) / x;
  }

  /** Whether the count is exact (fewer than k distinct hashes seen). */
  public boolean exact() {
    if (exact != null) return true;
    compact();
    return !full;
  }

  private void compact() {
    if (size == kept) return;
    // sort the new candidates as unsigned (flip the sign bit, sort signed), then merge them with the kept values
    // (still sorted from the last compaction), keeping the k smallest distinct
    for (int i = kept; i < size; i++) values[i] ^= Long.MIN_VALUE;
    Arrays.sort(values, kept, size);
    int a = 0, b = kept, d = 0;
    long last = 0;
    while (d < k && (a < kept || b < size)) {
      long v;
      if (b >= size || (a < kept && (values[a] ^ Long.MIN_VALUE) <= values[b])) v = values[a++] ^ Long.MIN_VALUE;
      else v = values[b++];
      if (d > 0 && v == last) continue;
      merged[d++] = last = v;
    }
    for (int i = 0; i < d; i++) values[i] = merged[i] ^ Long.MIN_VALUE;
    if (d >= k) {
      full = true;
      d = k;
      threshold = values[k - 1];
    }
    size = kept = d;
    present.clear();
    for (int i = 0; i < d; i++) present.add(values[i]);
  }
}
