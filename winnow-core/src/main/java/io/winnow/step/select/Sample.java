package io.winnow.step.select;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed-size, seeded reservoir sample of (score, response words) pairs, summarised as quantiles: the
 * distributions of the report in bounded memory, the same on every run.
 */
final class Sample {
  private static final int SIZE = 10_000;
  private final double[] scores = new double[SIZE];
  private final double[] words = new double[SIZE];
  private final SplittableRandom random = new SplittableRandom(15);
  private long seen;

  void add(double score, long responseWords) {
    int slot;
    if (seen < SIZE) slot = (int) seen;
    else {
      long r = random.nextLong(seen + 1);
      slot = r < SIZE ? (int) r : -1;
    }
    seen++;
    if (slot < 0) return;
    scores[slot] = score;
    words[slot] = responseWords;
  }

  /** min, p10, p50, p90, max and mean of the scores (or of the response word counts). */
  Map<String, Object> summary(boolean ofScores) {
    int n = (int) Math.min(seen, SIZE);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", seen);
    if (n == 0) return m;
    double[] v = Arrays.stream(ofScores ? scores : words, 0, n).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) return m;
    m.put("min", SelectionFit.round(v[0]));
    m.put("p10", SelectionFit.round(v[(int) (0.1 * (v.length - 1))]));
    m.put("p50", SelectionFit.round(v[(int) (0.5 * (v.length - 1))]));
    m.put("p90", SelectionFit.round(v[(int) (0.9 * (v.length - 1))]));
    m.put("max", SelectionFit.round(v[v.length - 1]));
    m.put("mean", SelectionFit.round(Arrays.stream(v).average().orElse(0)));
    return m;
  }
}
