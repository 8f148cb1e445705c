package io.winnow.step.slop;

import java.util.Arrays;

/** Detector quality figures: AUROC, and the share of machine text caught at a fixed false-positive rate. */
public final class Metrics {
  private Metrics() {}

  /** Area under the ROC curve (Mann-Whitney U with ties counted half); NaN without both classes. */
  public static double auroc(double[] human, double[] machine) {
    if (human.length == 0 || machine.length == 0) return Double.NaN;
    double[] h = human.clone();
    Arrays.sort(h);
    double wins = 0;
    for (double m : machine) {
      int below = lowerBound(h, m);
      int notAbove = upperBound(h, m);
      wins += below + 0.5 * (notAbove - below);
    }
    return wins / ((double) human.length * machine.length);
  }

  /**
   * The score above which at most {@code fpr} of human texts fall: the threshold that gives that false-positive
   * rate on these texts.
   */
  public static double thresholdAtFpr(double[] human, double fpr) {
    if (human.length == 0) return Double.NaN;
    double[] h = human.clone();
    Arrays.sort(h);
    int allowed = (int) Math.floor(fpr * h.length);
    return h[h.length - 1 - allowed];
  }

  /** Share of machine texts scored strictly above the threshold that gives {@code fpr} on the human texts. */
  public static double tprAtFpr(double[] human, double[] machine, double fpr) {
    if (human.length == 0 || machine.length == 0) return Double.NaN;
    double t = thresholdAtFpr(human, fpr);
    long caught = Arrays.stream(machine).filter(m -> m > t).count();
    return (double) caught / machine.length;
  }

  private static int lowerBound(double[] a, double x) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static int upperBound(double[] a, double x) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
