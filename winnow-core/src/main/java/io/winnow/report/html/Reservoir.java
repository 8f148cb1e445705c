package io.winnow.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform sample of {@code k} items from a stream of unknown length (Vitter's algorithm R), seeded so the
 * same stream and seed give the same sample. Memory: {@code k} items.
 */
public final class Reservoir<T> {
  private final int k;
  private final SplittableRandom random;
  private final List<T> items;
  private final List<Long> arrivals;
  private long seen;

  public Reservoir(int k, long seed) {
    if (k < 0) throw new IllegalArgumentException("sample size must be at least 0, got " + k);
    this.k = k;
    this.random = new SplittableRandom(seed);
    this.items = new ArrayList<>(Math.min(k, 1024));
    this.arrivals = new ArrayList<>(Math.min(k, 1024));
  }

  public void offer(T item) {
    offer(() -> item);
  }

  /** Offers an item that is built only if the sample takes it (most are not, once the reservoir is full). */
  public void offer(java.util.function.Supplier<T> item) {
    seen++;
    if (items.size() < k) {
      items.add(item.get());
      arrivals.add(seen);
      return;
    }
    long j = random.nextLong(seen);
    if (j < k) {
      items.set((int) j, item.get());
      arrivals.set((int) j, seen);
    }
  }

  /** How many items were offered. */
  public long seen() {
    return seen;
  }

  /** The sample, in the order items came in the stream. */
  public List<T> items() {
    Integer[] order = new Integer[items.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong(arrivals::get));
    List<T> out = new ArrayList<>(order.length);
    for (int i : order) out.add(items.get(i));
    return out;
  }
}
