package io.winnow.step.quality;

import java.util.Arrays;

/**
 * The threshold that keeps the best {@code keepShare} of a set of scores: the score of the k-th best document,
 * k = ceil(keepShare × n), so "score ≥ threshold" keeps at least that share (more only on ties at the threshold).
 * Shared by the quality_share step's fit and by {@code refilter}, so both keep the same documents.
 */
public final class ScoreQuantile {
  private ScoreQuantile() {}

  /** @return the threshold; 1.0 + a hair above every score when nothing is to be kept or nothing was scored */
  public static double threshold(double[] scores, int count, double keepShare) {
    if (!(keepShare >= 0 && keepShare <= 1)) throw new IllegalArgumentException("keep_share must be in [0, 1], got " + keepShare);
    if (count == 0) return 0;
    long k = (long) Math.ceil(keepShare * count);
    if (k <= 0) return Math.nextUp(1.0);
    double[] sorted = Arrays.copyOf(scores, count);
    Arrays.sort(sorted);
    return sorted[(int) (count - k)];
  }
}
