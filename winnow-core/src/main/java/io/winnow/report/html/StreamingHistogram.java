package io.winnow.report.html;

import java.util.Arrays;

/**
 * A histogram of a stream of numbers in a fixed number of equal bins, whatever the stream's length: the
 * first {@link #BUFFERED} values are held to choose the range, after that a value outside the range doubles
 * the bin width (adjacent bins merge) until it fits. Counts stay exact; only the bin edges coarsen. Memory is
 * {@code BUFFERED + bins} numbers, independent of the number of values.
 */
public final class StreamingHistogram {
  /** Values held before the range is fixed. */
  static final int BUFFERED = 1024;

  private final int bins;
  private final double[] buffer = new double[BUFFERED];
  private int buffered;
  private long[] counts;
  private double lo;
  private double width;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;

  public StreamingHistogram(int bins) {
    if (bins < 2 || bins % 2 != 0) throw new IllegalArgumentException("bins must be even and at least 2, got " + bins);
    this.bins = bins;
  }

  /** Non-finite values are not counted: a histogram has no bin for them. */
  public void add(double v) {
    if (!Double.isFinite(v)) return;
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (counts == null) {
      buffer[buffered++] = v;
      if (buffered == BUFFERED) fixRange();
      return;
    }
    place(v);
  }

  private void fixRange() {
    double bmin = Double.POSITIVE_INFINITY;
    double bmax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < buffered; i++) {
      bmin = Math.min(bmin, buffer[i]);
      bmax = Math.max(bmax, buffer[i]);
    }
    width = niceWidth((bmax - bmin) / bins);
    lo = Math.floor(bmin / width) * width;
    counts = new long[bins];
    for (int i = 0; i < buffered; i++) place(buffer[i]);
    buffered = 0;
  }

  /** A width of 1, 2 or 5 times a power of ten, at least {@code raw}, so bin edges read well. */
  static double niceWidth(double raw) {
    if (!(raw > 0)) return 1e-9;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) if (m * p >= raw) return m * p;
    return 10 * p;
  }

  private void place(double v) {
    while (v < lo) grow(true);
    while (v >= lo + width * bins) grow(false);
    int i = (int) ((v - lo) / width);
    counts[Math.min(bins - 1, Math.max(0, i))]++;
  }

  /** Doubles the width; the range extends down (old bins move to the upper half) or up. */
  private void grow(boolean down) {
    long[] merged = new long[bins];
    int offset = down ? bins / 2 : 0;
    for (int i = 0; i < bins; i++) merged[offset + i / 2] += counts[i];
    if (down) lo -= width * bins;
    width *= 2;
    counts = merged;
  }

  /** The histogram as it stands: fixes the range first if fewer than {@link #BUFFERED} values came. */
  public Snapshot snapshot() {
    if (count == 0) return new Snapshot(0, 0, new long[0], 0, 0, 0, 0);
    if (counts == null) fixRange();
    int first = 0;
    int last = bins - 1;
    while (first < last && counts[first] == 0) first++;
    while (last > first && counts[last] == 0) last--;
    return new Snapshot(lo + first * width, width, Arrays.copyOfRange(counts, first, last + 1), count, min, max, sum / count);
  }

  /** Bins {@code [lo + i * width, lo + (i + 1) * width)}, with the empty bins at both ends left out. */
  public record Snapshot(double lo, double width, long[] counts, long count, double min, double max, double mean) {}
}
