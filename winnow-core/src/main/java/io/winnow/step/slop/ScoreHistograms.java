package io.winnow.step.slop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the detector's scores fall for known human and known machine text on held-out data, in {@value #BINS}
 * equal bins of the probability: machine text pooled, human text per training domain (news, stories, web pages,
 * e-mail... score differently). The corpus-level estimate fits a mixture of these shapes to the histogram of a
 * corpus's scores.
 */
public record ScoreHistograms(long[] machine, Map<String, long[]> humanByDomain) {
  public static final int BINS = 20;
  /** Domains with fewer held-out human texts than this join the pooled "other" shape: too few for their own. */
  static final int MIN_DOMAIN_TEXTS = 100;

  public static int bin(double score) {
    return Math.min(BINS - 1, Math.max(0, (int) (score * BINS)));
  }

  /** The human shapes the mixture may use: one per domain with enough texts, the rest pooled. */
  List<double[]> humanDensities() {
    List<double[]> out = new ArrayList<>();
    long[] rest = new long[BINS];
    boolean anyRest = false;
    for (long[] h : humanByDomain.values()) {
      long n = 0;
      for (long c : h) n += c;
      if (n >= MIN_DOMAIN_TEXTS) {
        out.add(density(h));
      } else if (n > 0) {
        for (int b = 0; b < BINS; b++) rest[b] += h[b];
        anyRest = true;
      }
    }
    if (anyRest || out.isEmpty()) out.add(density(rest));
    return out;
  }

  double[] machineDensity() {
    return density(machine);
  }

  /** Bin probabilities with add-half smoothing, so no bin is impossible under any shape. */
  private static double[] density(long[] counts) {
    double total = 0;
    for (long c : counts) total += c + 0.5;
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length; i++) p[i] = (counts[i] + 0.5) / total;
    return p;
  }

  JsonNode toJson(ObjectMapper m) {
    ObjectNode n = m.createObjectNode();
    n.putPOJO("machine", machine);
    ObjectNode h = n.putObject("human_by_domain");
    humanByDomain.forEach(h::putPOJO);
    return n;
  }

  static ScoreHistograms fromJson(JsonNode n) {
    Map<String, long[]> human = new TreeMap<>();
    n.path("human_by_domain").fields().forEachRemaining(e -> human.put(e.getKey(), bins(e.getValue())));
    if (human.isEmpty() && n.has("human")) human.put("all", bins(n.get("human")));
    return new ScoreHistograms(bins(n.path("machine")), human);
  }

  private static long[] bins(JsonNode a) {
    long[] out = new long[BINS];
    for (int i = 0; i < BINS; i++) out[i] = a.path(i).asLong();
    return out;
  }
}
