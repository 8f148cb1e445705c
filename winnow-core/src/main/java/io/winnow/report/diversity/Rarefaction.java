package io.winnow.report.diversity;

/**
 * Expected vocabulary figures of a random sample of {@code m} tokens drawn without replacement from a corpus of
 * {@code N} tokens with type counts n_i (Hurlbert's rarefaction): types E[V_m] = Σ 1 − C(N − n_i, m) / C(N, m),
 * types seen once E[V1_m] = Σ n_i · C(N − n_i, m − 1) / C(N, m). Both are exact for m = N (the observed figures)
 * and depend on the counts only, not on document order, so corpora of different sizes compare at m = the
 * smaller size. Types with the same count are computed once.
 */
final class Rarefaction {
  private Rarefaction() {}

  record Expected(double types, double hapax) {
    double hapaxShare() {
      return types == 0 ? 0 : hapax / types;
    }
  }

  /** @param spectrum how many types have each count (the corpus has N = Σ count · types tokens) */
  static Expected at(Spectrum spectrum, long m) {
    long n = spectrum.tokens();
    if (m > n) throw new IllegalArgumentException("cannot rarefy " + n + " tokens to " + m);
    if (m <= 0) return new Expected(0, 0);
    double logAll = logChoose(n, m);
    double types = 0;
    double hapax = 0;
    for (int i = 0; i < spectrum.counts().length; i++) {
      long c = spectrum.counts()[i];
      long same = spectrum.types()[i];
      double absent = n - c >= m ? Math.exp(logChoose(n - c, m) - logAll) : 0;
      double once = n - c >= m - 1 ? c * Math.exp(logChoose(n - c, m - 1) - logAll) : 0;
      types += same * (1 - absent);
      hapax += same * once;
    }
    return new Expected(types, hapax);
  }

  static double logChoose(long n, long k) {
    if (k < 0 || k > n) return Double.NEGATIVE_INFINITY;
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  /** ln(x!) by Stirling's series with terms to x⁻⁷ (error below 1e-15 relative for x ≥ 16), exact sums below. */
  static double logFactorial(long x) {
    if (x < 16) {
      double s = 0;
      for (long i = 2; i <= x; i++) s += Math.log(i);
      return s;
    }
    double v = x;
    double inv = 1 / v;
    double inv2 = inv * inv;
    return v * Math.log(v) - v + 0.5 * Math.log(2 * Math.PI * v)
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
  }
}
