package io.winnow.report.diversity;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The figures {@code winnow compare} puts side by side and may give a verdict on: how each is read from a
 * (size-normalised) profile, which direction means less diversity, how a change is measured (relative, in
 * percent; or absolute, in points of a share or in bits) and the default threshold of a verdict.
 *
 * <p>Default thresholds: just above the largest change seen between random halves of real web text (the
 * 697-document Common Crawl sample and the shipped 200-document one, 12 seeds, both directions). Halves of a few
 * hundred web pages differ a lot (a few long, repetitive pages move every vocabulary figure), so the vocabulary
 * and distinct-1..3 thresholds are wide and rarely fire on small corpora; the figures that separate collapse
 * from sampling noise are slop words per 1k (halves: at most +70 %; 30 % machine fiction mixed in: +650 % and
 * more), the near-duplicate rate (halves: at most +2.2 points; a corpus resampled with repeats: +25 points and
 * more), distinct-4 (halves: at most −15 %; a third of the documents repeated: −16.6 % counted exactly, so not
 * flagged; every document repeated: about −50 %) and the compression ratio.
 */
public enum DiversityMetric {
  TYPES("types", "vocabulary types", Change.RELATIVE, false, 45, v -> v.typesAtEqualSize()),
  HAPAX_SHARE("hapax_share", "hapax share", Change.RELATIVE, false, 20, v -> v.hapaxShareAtEqualSize()),
  ENTROPY("entropy", "unigram entropy", Change.BITS, false, 1.6, v -> v.profile().entropyBits()),
  TAIL_1K("tail_1k", "tail mass beyond rank 1,000", Change.RELATIVE, false, 40, v -> v.profile().tailMass1k()),
  TAIL_10K("tail_10k", "tail mass beyond rank 10,000", Change.RELATIVE, false, 95, v -> v.profile().tailMass10k()),
  DISTINCT_1("distinct_1", "distinct-1", Change.RELATIVE, false, 50, v -> v.distinctAtEqualSize(1)),
  DISTINCT_2("distinct_2", "distinct-2", Change.RELATIVE, false, 35, v -> v.distinctAtEqualSize(2)),
  DISTINCT_3("distinct_3", "distinct-3", Change.RELATIVE, false, 25, v -> v.distinctAtEqualSize(3)),
  DISTINCT_4("distinct_4", "distinct-4", Change.RELATIVE, false, 17, v -> v.distinctAtEqualSize(4)),
  REP_DIVERSITY("rep_diversity", "∏(1 − rep-n), n = 2..4", Change.RELATIVE, false, 16, v -> v.profile().repDiversity()),
  MATTR("mattr", "MATTR-500", Change.RELATIVE, false, 17, v -> v.profile().mattr500()),
  COMPRESSION("compression", "zstd compression ratio", Change.RELATIVE, true, 35, v -> v.profile().compressionRatio()),
  NEAR_DUP("near_dup", "near-duplicate rate", Change.POINTS, true, 5, v -> v.profile().nearDuplicateRate()),
  SLOP("slop_per_1k", "slop words per 1k", Change.RELATIVE, true, 100, v -> v.profile().slopWordsPer1k()),
  MACHINE_SHARE("machine_share", "machine share", Change.POINTS, true, 10,
      v -> v.profile().machineShare() == null ? Double.NaN : v.profile().machineShare());

  /** How a change from the first generation is measured. */
  public enum Change {
    /** (value − first) / first, in percent */
    RELATIVE,
    /** value − first, for a share, in percentage points */
    POINTS,
    /** value − first, in bits */
    BITS
  }

  private final String key;
  private final String label;
  private final Change change;
  private final boolean higherIsLessDiverse;
  private final double defaultThreshold;
  private final ToDoubleFunction<ComparableProfile> value;

  DiversityMetric(String key, String label, Change change, boolean higherIsLessDiverse, double defaultThreshold,
      ToDoubleFunction<ComparableProfile> value) {
    this.key = key;
    this.label = label;
    this.change = change;
    this.higherIsLessDiverse = higherIsLessDiverse;
    this.defaultThreshold = defaultThreshold;
    this.value = value;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Change change() {
    return change;
  }

  public boolean higherIsLessDiverse() {
    return higherIsLessDiverse;
  }

  /** In the unit of {@link #change()}: percent, points or bits. */
  public double defaultThreshold() {
    return defaultThreshold;
  }

  double value(ComparableProfile p) {
    return value.applyAsDouble(p);
  }

  /** The change from {@code first} to {@code v} in this metric's unit; NaN when either is unknown. */
  public double changeOf(double first, double v) {
    if (Double.isNaN(first) || Double.isNaN(v)) return Double.NaN;
    return switch (change) {
      case RELATIVE -> first == 0 ? (v == 0 ? 0 : Double.NaN) : 100 * (v - first) / first;
      case POINTS -> 100 * (v - first);
      case BITS -> v - first;
    };
  }

  /** The change as a verdict line writes it: "−31 %", "+9 points", "−0.4 bits". */
  public String formatChange(double c) {
    String sign = c < 0 ? "\u2212" : "+";
    double a = Math.abs(c);
    return switch (change) {
      case RELATIVE -> sign + String.format(Locale.ROOT, a < 10 ? "%.1f" : "%.0f", a) + " %";
      case POINTS -> sign + String.format(Locale.ROOT, a < 10 ? "%.1f" : "%.0f", a) + " points";
      case BITS -> sign + String.format(Locale.ROOT, "%.2f", a) + " bits";
    };
  }

  public static DiversityMetric byKey(String key) {
    for (DiversityMetric m : values()) if (m.key.equals(key)) return m;
    StringBuilder known = new StringBuilder();
    for (DiversityMetric m : values()) known.append(known.length() == 0 ? "" : ", ").append(m.key);
    throw new IllegalArgumentException("unknown diversity metric '" + key + "' (known: " + known + ")");
  }
}
