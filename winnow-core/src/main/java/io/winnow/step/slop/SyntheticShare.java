package io.winnow.step.slop;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The share of machine-generated text in a corpus, estimated from the histogram of its detector scores as a
 * mixture of known shapes — the machine shape and one human shape per training domain, all measured on held-out
 * data — fitted by maximum likelihood (EM); the machine share is the machine shape's weight. The 95 % interval
 * comes from a parametric bootstrap (200 resamples of the fitted mixture, fixed seed). Far more reliable than
 * counting documents above a threshold: single calls err both ways, but their errors cancel in the fit.
 *
 * <p>It assumes the corpus's human text scores like one of the training domains' (or a blend of them); on a very
 * different domain treat it as an indication, and train on labelled data of that domain.
 */
public record SyntheticShare(double share, double low, double high, long documents) {
  private static final int BOOTSTRAP = 200;
  private static final long SEED = 0x5EED;

  public static SyntheticShare estimate(long[] counts, ScoreHistograms reference) {
    long n = Arrays.stream(counts).sum();
    if (n == 0) return new SyntheticShare(Double.NaN, Double.NaN, Double.NaN, 0);
    List<double[]> shapes = new java.util.ArrayList<>(reference.humanDensities());
    shapes.add(0, reference.machineDensity());
    double[][] f = shapes.toArray(double[][]::new);
    double[] weights = fit(counts, f);
    // parametric bootstrap: corpora drawn from the fitted mixture, refitted
    double[] mixture = new double[counts.length];
    for (int j = 0; j < f.length; j++) for (int b = 0; b < counts.length; b++) mixture[b] += weights[j] * f[j][b];
    Random rnd = new Random(SEED);
    double[] shares = new double[BOOTSTRAP];
    for (int r = 0; r < BOOTSTRAP; r++) shares[r] = fit(multinomial(n, mixture, rnd), f)[0];
    Arrays.sort(shares);
    return new SyntheticShare(weights[0], shares[(int) (0.025 * BOOTSTRAP)], shares[(int) Math.ceil(0.975 * BOOTSTRAP) - 1], n);
  }

  /** EM for the weights of fixed component densities over binned counts. */
  static double[] fit(long[] counts, double[][] f) {
    int k = f.length;
    double[] w = new double[k];
    Arrays.fill(w, 1.0 / k);
    long n = Arrays.stream(counts).sum();
    double[] next = new double[k];
    for (int iter = 0; iter < 5_000; iter++) {
      Arrays.fill(next, 0);
      for (int b = 0; b < counts.length; b++) {
        if (counts[b] == 0) continue;
        double total = 0;
        for (int j = 0; j < k; j++) total += w[j] * f[j][b];
        for (int j = 0; j < k; j++) next[j] += counts[b] * w[j] * f[j][b] / total;
      }
      double change = 0;
      for (int j = 0; j < k; j++) {
        next[j] /= n;
        change = Math.max(change, Math.abs(next[j] - w[j]));
        w[j] = next[j];
      }
      if (change < 1e-9) break;
    }
    return w;
  }

  /** A multinomial draw as a chain of binomials, so its cost depends on the bins, not on the corpus size. */
  private static long[] multinomial(long n, double[] p, Random rnd) {
    long[] out = new long[p.length];
    double rest = 1;
    long left = n;
    for (int b = 0; b < p.length - 1 && left > 0; b++) {
      double q = rest <= 0 ? 0 : Math.min(1, Math.max(0, p[b] / rest));
      out[b] = binomial(left, q, rnd);
      left -= out[b];
      rest -= p[b];
    }
    out[p.length - 1] += left;
    return out;
  }

  private static long binomial(long n, double q, Random rnd) {
    if (q <= 0) return 0;
    if (q >= 1) return n;
    double variance = n * q * (1 - q);
    if (variance > 25) {
      // normal approximation, accurate at this variance
      long k = Math.round(n * q + Math.sqrt(variance) * rnd.nextGaussian());
      return Math.max(0, Math.min(n, k));
    }
    if (n < 1_000) {
      long k = 0;
      for (long i = 0; i < n; i++) if (rnd.nextDouble() < q) k++;
      return k;
    }
    // large n, tiny q (or q near 1): Poisson approximation of the rarer outcome
    boolean flip = q > 0.5;
    double lambda = n * (flip ? 1 - q : q);
    long k = 0;
    double limit = Math.exp(-lambda), product = rnd.nextDouble();
    while (product > limit) {
      k++;
      product *= rnd.nextDouble();
    }
    k = Math.min(k, n);
    return flip ? n - k : k;
  }
}
