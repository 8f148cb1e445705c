package io.winnow.step.slop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the detector's scores fall for known human and known machine text on held-out data, in {@value #BINS}
 * equal bins of the probability. The corpus-level estimate fits a mixture of these two shapes to the histogram
 * of a corpus's scores.
 */
public record ScoreHistograms(long[] human, long[] machine) {
  public static final int BINS = 20;

  public static int bin(double score) {
    return Math.min(BINS - 1, Math.max(0, (int) (score * BINS)));
  }

  /** Bin probabilities with add-half smoothing, so no bin is impossible under either class. */
  double[] humanDensity() {
    return density(human);
  }

  double[] machineDensity() {
    return density(machine);
  }

  private static double[] density(long[] counts) {
    double total = 0;
    for (long c : counts) total += c + 0.5;
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length; i++) p[i] = (counts[i] + 0.5) / total;
    return p;
  }

  JsonNode toJson(ObjectMapper m) {
    ObjectNode n = m.createObjectNode();
    n.putPOJO("human", human);
    n.putPOJO("machine", machine);
    return n;
  }

  static ScoreHistograms fromJson(JsonNode n) {
    long[] h = new long[BINS], mm = new long[BINS];
    for (int i = 0; i < BINS; i++) {
      h[i] = n.path("human").path(i).asLong();
      mm[i] = n.path("machine").path(i).asLong();
    }
    return new ScoreHistograms(h, mm);
  }
}
