package io.winnow.step.slop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the corpus-level estimate needs to know about the detector at one score threshold: how often human text
 * of each kind crosses it (false-positive rate, pooled and its range over the calibration kinds) and how often
 * machine text does (true-positive rate, pooled out-of-fold and its range over held-out generators and
 * domains). The estimate is the adjusted count of Forman (2008): with F the share of a corpus above the
 * threshold, the machine share is (F − FPR) / (TPR − FPR).
 *
 * <p>Its interval is honest about domain shift rather than only about sampling: the low end takes the highest
 * false-positive and true-positive rates seen, the high end the lowest, on top of the binomial interval of F.
 * A detector whose rates vary a lot between kinds of text yields a wide interval, as it should: the share of an
 * unknown corpus is then not known precisely.
 */
public record ShareCalibration(double threshold, double fpr, double fprLow, double fprHigh, double tpr, double tprLow, double tprHigh) {

  /** The estimate for a corpus with {@code above} of {@code scored} documents at or above the threshold. */
  public SyntheticShare estimate(long above, long scored) {
    if (scored == 0) return new SyntheticShare(Double.NaN, Double.NaN, Double.NaN, 0);
    double f = above / (double) scored;
    double[] wilson = wilson(above, scored);
    double share = adjusted(f, fpr, tpr);
    double low = adjusted(wilson[0], fprHigh, tprHigh);
    double high = adjusted(wilson[1], fprLow, tprLow);
    return new SyntheticShare(share, Math.min(low, share), Math.max(high, share), scored);
  }

  static double adjusted(double f, double fpr, double tpr) {
    if (tpr - fpr <= 1e-9) return f > fpr ? 1 : 0;
    return Math.max(0, Math.min(1, (f - fpr) / (tpr - fpr)));
  }

  /** The 95 % Wilson score interval of a binomial proportion. */
  static double[] wilson(long k, long n) {
    double z = 1.959964;
    double p = k / (double) n;
    double denom = 1 + z * z / n;
    double centre = (p + z * z / (2 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("threshold", threshold);
    n.put("fpr", fpr);
    n.put("fpr_low", fprLow);
    n.put("fpr_high", fprHigh);
    n.put("tpr", tpr);
    n.put("tpr_low", tprLow);
    n.put("tpr_high", tprHigh);
    return n;
  }

  /** Null for models trained before the calibration was recorded. */
  static ShareCalibration fromJson(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) return null;
    return new ShareCalibration(n.path("threshold").asDouble(), n.path("fpr").asDouble(), n.path("fpr_low").asDouble(),
        n.path("fpr_high").asDouble(), n.path("tpr").asDouble(), n.path("tpr_low").asDouble(), n.path("tpr_high").asDouble());
  }
}
