package io.winnow.collapse;

import io.winnow.report.diversity.DiversityComparison;
import io.winnow.report.diversity.DiversityLimits;
import io.winnow.report.diversity.DiversityMetric;
import io.winnow.report.diversity.DiversityProfile;
import io.winnow.report.diversity.DiversityProfiler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code winnow compare --fail-on} as a gate: a candidate training corpus is profiled ({@link DiversityProfiler})
 * and compared with the profile of the pipeline's human baseline ({@link DiversityComparison}); the candidate
 * passes when no verdict fires. Thresholds: compare's defaults, with every relative figure (vocabulary types,
 * hapax share, tail mass beyond rank 1,000 and 10,000, distinct-1..4, ∏(1 − rep-n), MATTR, compression ratio,
 * slop words per 1k) set to {@code tolerance} percent, the operator's tolerance; the figures measured in points
 * or bits keep their defaults. Texts are profiled in a seeded random order, as a training pipeline shuffles, so
 * that compare's equal-size prefix figures (distinct-n) read a sample of the whole corpus, not its first part.
 */
final class DiversityGate {
  private final Map<DiversityMetric, Double> thresholds = new EnumMap<>(DiversityMetric.class);
  private final DiversityProfile baseline;
  private final long seed;

  DiversityGate(List<String> baselineTexts, double tolerance, long seed) {
    this.seed = seed;
    for (DiversityMetric m : DiversityMetric.values()) {
      if (m.change() == DiversityMetric.Change.RELATIVE) thresholds.put(m, tolerance);
    }
    this.baseline = profile("generation 0", baselineTexts);
  }

  /** The verdict lines of the candidate against the baseline; empty when it passes. */
  List<String> verdicts(String name, List<String> texts) {
    DiversityComparison c = DiversityComparison.of(List.of(baseline, profile(name, texts)), thresholds);
    List<String> out = new ArrayList<>();
    for (DiversityComparison.Verdict v : c.verdicts()) out.add(v.line());
    return out;
  }

  private DiversityProfile profile(String name, List<String> texts) {
    int[] order = new int[texts.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    SplittableRandom r = World.random(seed, 7);
    for (int i = order.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int x = order[i];
      order[i] = order[j];
      order[j] = x;
    }
    DiversityProfiler p = new DiversityProfiler(name, DiversityLimits.defaults());
    for (int i : order) p.add(texts.get(i));
    return p.profile();
  }
}
