package io.winnow.step.slop;

/**
 * The share of machine-generated text in a corpus, estimated from the histogram of its detector scores as a
 * mixture of the human and machine score shapes seen on held-out data (maximum likelihood by EM), with a 95 %
 * profile-likelihood interval. Far more reliable than counting documents above a threshold: single calls err
 * both ways, but their errors cancel in the mixture fit.
 *
 * <p>It assumes the corpus's human and machine texts score like those of the detector's held-out data; on a very
 * different domain treat it as an indication, and fit a model on labelled data of that domain.
 */
public record SyntheticShare(double share, double low, double high, long documents) {
  private static final double CHI2_95_HALF = 1.920729;

  public static SyntheticShare estimate(long[] counts, ScoreHistograms reference) {
    double[] h = reference.humanDensity(), m = reference.machineDensity();
    long n = 0;
    for (long c : counts) n += c;
    if (n == 0) return new SyntheticShare(Double.NaN, Double.NaN, Double.NaN, 0);
    double pi = 0.5;
    for (int iter = 0; iter < 10_000; iter++) {
      double next = 0;
      for (int b = 0; b < counts.length; b++) {
        if (counts[b] == 0) continue;
        double mm = pi * m[b], hh = (1 - pi) * h[b];
        next += counts[b] * mm / (mm + hh);
      }
      next /= n;
      boolean done = Math.abs(next - pi) < 1e-10;
      pi = next;
      if (done) break;
    }
    double best = logLikelihood(pi, counts, h, m);
    double low = pi <= 0 ? 0 : bisect(0, pi, best, counts, h, m, true);
    double high = pi >= 1 ? 1 : bisect(pi, 1, best, counts, h, m, false);
    return new SyntheticShare(pi, low, high, n);
  }

  private static double logLikelihood(double pi, long[] counts, double[] h, double[] m) {
    double ll = 0;
    for (int b = 0; b < counts.length; b++) if (counts[b] > 0) ll += counts[b] * Math.log(pi * m[b] + (1 - pi) * h[b]);
    return ll;
  }

  /** The point in [lo, hi] where the log-likelihood is {@code best} − χ²(1, 95 %)/2; an end if it never drops so far. */
  private static double bisect(double lo, double hi, double best, long[] counts, double[] h, double[] m, boolean lower) {
    double target = best - CHI2_95_HALF;
    double end = lower ? lo : hi;
    if (logLikelihood(end, counts, h, m) >= target) return end;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      boolean inside = logLikelihood(mid, counts, h, m) >= target;
      if (lower == inside) hi = mid;
      else lo = mid;
    }
    return (lo + hi) / 2;
  }
}
