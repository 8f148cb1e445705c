package io.winnow.report.diversity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Generations side by side: each figure of each profile (size-normalised, see {@link ComparableProfile}), its
 * change from the first profile, and a verdict wherever diversity fell by at least the metric's threshold.
 */
public record DiversityComparison(List<ComparableProfile> profiles, Map<DiversityMetric, Double> thresholds,
    List<Verdict> verdicts) {

  /** Diversity fell: {@code metric} changed by {@code change} (its unit) from the first profile to {@code profile}. */
  public record Verdict(String profile, DiversityMetric metric, double change, double threshold) {
    /** e.g. "vocabulary types −31 %" */
    public String line() {
      return metric.label() + " " + metric.formatChange(change);
    }
  }

  /** The thresholds in force: the defaults, overridden by {@code overrides}. */
  public static Map<DiversityMetric, Double> thresholds(Map<DiversityMetric, Double> overrides) {
    Map<DiversityMetric, Double> t = new EnumMap<>(DiversityMetric.class);
    for (DiversityMetric m : DiversityMetric.values()) t.put(m, m.defaultThreshold());
    t.putAll(overrides);
    return t;
  }

  public static DiversityComparison of(List<DiversityProfile> profiles, Map<DiversityMetric, Double> overrides) {
    if (profiles.size() < 2) throw new IllegalArgumentException("compare needs at least two profiles, got " + profiles.size());
    Map<DiversityMetric, Double> thresholds = thresholds(overrides);
    long equalWords = Long.MAX_VALUE;
    for (DiversityProfile p : profiles) equalWords = Math.min(equalWords, p.spectrum().tokens());
    int checkpoint = Integer.MAX_VALUE;
    for (DiversityProfile p : profiles) {
      int last = p.checkpoints().isEmpty() ? -1 : p.checkpoints().get(p.checkpoints().size() - 1).index();
      checkpoint = Math.min(checkpoint, last);
    }
    List<ComparableProfile> cps = new ArrayList<>();
    for (DiversityProfile p : profiles) cps.add(ComparableProfile.of(p, equalWords, checkpoint));
    List<Verdict> verdicts = new ArrayList<>();
    ComparableProfile first = cps.get(0);
    for (int i = 1; i < cps.size(); i++) {
      for (DiversityMetric m : DiversityMetric.values()) {
        double c = m.changeOf(m.value(first), m.value(cps.get(i)));
        if (Double.isNaN(c)) continue;
        double worse = m.higherIsLessDiverse() ? c : -c;
        double t = thresholds.get(m);
        if (worse >= t) verdicts.add(new Verdict(cps.get(i).profile().name(), m, c, t));
      }
    }
    return new DiversityComparison(List.copyOf(cps), thresholds, List.copyOf(verdicts));
  }

  public double value(int profile, DiversityMetric m) {
    return m.value(profiles.get(profile));
  }

  public double change(int profile, DiversityMetric m) {
    return m.changeOf(m.value(profiles.get(0)), m.value(profiles.get(profile)));
  }
}
