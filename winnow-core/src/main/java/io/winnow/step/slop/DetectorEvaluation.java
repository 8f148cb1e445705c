package io.winnow.step.slop;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * How well a detector separates human from machine text, measured the honest way: every score comes from a
 * model that never saw the text, its prompt group, and (in the transfer splits) its generator or its domain.
 * <ul>
 *   <li>{@code cross-validation}: 5 folds by prompt group; then broken down per domain and per generator (each
 *       generator against the human texts of its domains);</li>
 *   <li>{@code leave-one-generator-out}: train without generator G, test on G's texts against human texts;
 *       prompt groups are split in two halves (train on one, test on the other, then swapped) so neither a human
 *       text nor a prompt is seen in both;</li>
 *   <li>{@code leave-one-domain-out}: train on the other domains, test on D.</li>
 * </ul>
 */
public final class DetectorEvaluation {
  /** One line of the report. */
  public record Row(String split, String name, int humans, int machines, double auroc, double tprAt1, double tprAt5) {}

  public record Report(List<Row> rows) {
    public double meanAuroc(String split) {
      return rows.stream().filter(r -> r.split().equals(split) && !Double.isNaN(r.auroc())).mapToDouble(Row::auroc).average().orElse(Double.NaN);
    }

    public void print(PrintWriter out) {
      String split = null;
      for (Row r : rows) {
        if (!r.split().equals(split)) {
          split = r.split();
          out.printf(Locale.ROOT, "%n%s%n%-28s %7s %8s %7s %9s %9s%n", split, "", "human", "machine", "AUROC", "TPR@1%FPR", "TPR@5%FPR");
        }
        if (r.machines() == 0) out.printf(Locale.ROOT, "%-28s %7d %8d   (human text only: no AUROC)%n", r.name(), r.humans(), 0);
        else if (r.humans() == 0) out.printf(Locale.ROOT, "%-28s %7d %8d   (machine text only: no AUROC)%n", r.name(), 0, r.machines());
        else out.printf(Locale.ROOT, "%-28s %7d %8d %7.4f %9.3f %9.3f%n", r.name(), r.humans(), r.machines(), r.auroc(), r.tprAt1(), r.tprAt5());
      }
      for (String s : List.of(LOGO, LODO)) {
        if (rows.stream().anyMatch(r -> r.split().equals(s))) out.printf(Locale.ROOT, "%nmean AUROC %s: %.4f%n", s, meanAuroc(s));
      }
    }
  }

  public static final String CV = "cross-validation";
  public static final String LOGO = "leave-one-generator-out";
  public static final String LODO = "leave-one-domain-out";

  private DetectorEvaluation() {}

  /** Cross-validated and transfer evaluation, retraining the regression for every split. */
  public static Report crossValidate(List<LabelledText> data, NgramLanguageModel lm, LogisticModel.Settings s) {
    DetectorTrainer.Featurized f = DetectorTrainer.Featurized.of(data, lm, s.hashBits(), s.caseFold());
    List<Row> rows = new ArrayList<>();
    double[] oof = f.outOfFoldScores(s, DetectorTrainer.FOLDS);
    rows.add(row(CV, "all", data, oof, i -> true));
    TreeSet<String> domains = new TreeSet<>(), generators = new TreeSet<>();
    for (LabelledText t : data) {
      domains.add(t.domain());
      if (t.machine()) generators.add(t.generator());
    }
    for (String d : domains) rows.add(row(CV, "domain " + d, data, oof, i -> data.get(i).domain().equals(d)));
    for (String g : generators) {
      TreeSet<String> itsDomains = new TreeSet<>();
      for (LabelledText t : data) if (t.machine() && t.generator().equals(g)) itsDomains.add(t.domain());
      rows.add(row(CV, "generator " + g, data, oof, i -> itsDomains.contains(data.get(i).domain())
          && (!data.get(i).machine() || data.get(i).generator().equals(g))));
    }
    if (generators.size() > 1) {
      for (String g : generators) {
        double[] scores = new double[data.size()];
        for (int half = 0; half < 2; half++) {
          int h = half;
          LogisticModel m = f.fit(i -> f.fold(i, 2) != h && !isGenerator(data.get(i), g), s);
          for (int i = 0; i < data.size(); i++) if (f.fold(i, 2) == h) scores[i] = m.probability(f.features.get(i));
        }
        TreeSet<String> itsDomains = new TreeSet<>();
        for (LabelledText t : data) if (isGenerator(t, g)) itsDomains.add(t.domain());
        rows.add(row(LOGO, g, data, scores, i -> itsDomains.contains(data.get(i).domain())
            && (!data.get(i).machine() || isGenerator(data.get(i), g))));
      }
    }
    if (domains.size() > 1) {
      for (String d : domains) {
        LogisticModel m = f.fit(i -> !data.get(i).domain().equals(d), s);
        double[] scores = new double[data.size()];
        for (int i = 0; i < data.size(); i++) if (data.get(i).domain().equals(d)) scores[i] = m.probability(f.features.get(i));
        rows.add(row(LODO, d, data, scores, i -> data.get(i).domain().equals(d)));
      }
    }
    return new Report(rows);
  }

  /**
   * Scores labelled data with a trained model, as the step scores documents (texts shorter than
   * {@value #MIN_WORDS} words are left out, longer ones scored by windows). Texts the model was trained on are
   * reported apart, as training figures; the rest are held out.
   */
  public static Report score(List<LabelledText> all, DetectorModel model) {
    FeatureExtractor fx = model.extractor();
    List<LabelledText> data = new ArrayList<>();
    List<Boolean> seen = new ArrayList<>();
    List<Double> scoreList = new ArrayList<>();
    for (LabelledText t : all) {
      double p = model.scoreIfLongEnough(fx, t.text(), MIN_WORDS);
      if (Double.isNaN(p)) continue;
      data.add(t);
      seen.add(model.trainedOn(t.text()));
      scoreList.add(p);
    }
    double[] scores = scoreList.stream().mapToDouble(Double::doubleValue).toArray();
    List<Row> rows = new ArrayList<>();
    for (boolean training : new boolean[] {false, true}) {
      String split = training ? "training data (the model saw these texts: training figures)" : "held out (texts the model did not see)";
      IntPredicate part = i -> seen.get(i) == training;
      if (java.util.stream.IntStream.range(0, data.size()).noneMatch(part)) continue;
      rows.add(row(split, "all", data, scores, part));
      TreeSet<String> domains = new TreeSet<>(), generators = new TreeSet<>();
      for (int i = 0; i < data.size(); i++) {
        if (!part.test(i)) continue;
        domains.add(data.get(i).domain());
        if (data.get(i).machine()) generators.add(data.get(i).generator());
      }
      for (String d : domains) rows.add(row(split, "domain " + d, data, scores, i -> part.test(i) && data.get(i).domain().equals(d)));
      for (String g : generators) {
        rows.add(row(split, "generator " + g, data, scores, i -> part.test(i) && (!data.get(i).machine() || isGenerator(data.get(i), g))));
      }
    }
    return new Report(rows);
  }

  /** How a detector behaves on text known to be human (e.g. a crawl from before chat models). */
  public record HumanOnly(int documents, int scored, int trainedOn, double above05, double aboveFpr1, double aboveFpr5, SyntheticShare share) {
    public void print(PrintWriter out, DetectorModel model) {
      out.printf(Locale.ROOT, "model %s%n", model.version());
      out.printf(Locale.ROOT, "documents %,d, scored %,d (shorter than %d words are not)%n", documents, scored, MIN_WORDS);
      if (trainedOn > 0) {
        out.printf(Locale.ROOT, "WARNING: %,d of the scored texts were in the model's training data: these are training figures%n", trainedOn);
      }
      out.printf(Locale.ROOT, "flagged as machine: %.2f %% at score >= 0.5, %.2f %% at the drop threshold (%.4f), %.2f %% at the estimate threshold (%.4f)%n",
          100 * above05, 100 * aboveFpr1, model.thresholdAt1PercentFpr, 100 * aboveFpr5, model.thresholdAt5PercentFpr);
      out.printf(Locale.ROOT, "estimated machine share %.4f (95 %% CI %.4f to %.4f)%n", share.share(), share.low(), share.high());
    }
  }

  static final int MIN_WORDS = 30;

  /** False-positive rates on human-only text at the model's thresholds, and the corpus-level estimate. */
  public static HumanOnly humanOnly(List<String> texts, DetectorModel model) {
    FeatureExtractor fx = model.extractor();
    int scored = 0, a05 = 0, a1 = 0, a5 = 0, seen = 0;
    long[] bins = new long[ScoreHistograms.BINS];
    for (String t : texts) {
      double p = model.scoreIfLongEnough(fx, t, MIN_WORDS);
      if (Double.isNaN(p)) continue;
      scored++;
      if (model.trainedOn(t)) seen++;
      bins[ScoreHistograms.bin(p)]++;
      if (p >= 0.5) a05++;
      if (p >= model.thresholdAt1PercentFpr) a1++;
      if (p >= (model.calibration != null ? model.calibration.threshold() : model.thresholdAt5PercentFpr)) a5++;
    }
    double n = Math.max(1, scored);
    SyntheticShare share = model.calibration != null ? model.calibration.estimate(a5, scored) : SyntheticShare.estimate(bins, model.histograms());
    return new HumanOnly(texts.size(), scored, seen, a05 / n, a1 / n, a5 / n, share);
  }

  /** One mixture test: the truth, and the mean estimate, its mean absolute error and how often the interval held it. */
  public record MixtureRow(double truth, int corpora, int size, double meanEstimate, double meanAbsError, double coverage, double meanWidth) {}

  /**
   * Corpora of {@code size} documents with a known machine share, drawn (seeded) from held-out machine and human
   * documents, each estimated as the step estimates a corpus: how far the estimate falls from the truth, and
   * whether its 95 % interval holds it.
   */
  public static List<MixtureRow> mixtures(List<String> machine, List<String> human, DetectorModel model, double[] truths,
      int size, int corpora, long seed) {
    if (model.calibration == null) throw new IllegalArgumentException("model " + model.version() + " has no share calibration (train it again)");
    FeatureExtractor fx = model.extractor();
    boolean[] machineAbove = above(machine, model, fx);
    boolean[] humanAbove = above(human, model, fx);
    if (machineAbove.length == 0 || humanAbove.length == 0) throw new IllegalArgumentException("mixtures need scored human and machine documents");
    java.util.Random rnd = new java.util.Random(seed);
    List<MixtureRow> rows = new ArrayList<>();
    for (double truth : truths) {
      double sumEst = 0, sumErr = 0, sumWidth = 0;
      int covered = 0;
      for (int c = 0; c < corpora; c++) {
        int m = (int) Math.round(truth * size);
        long hits = 0;
        for (int i = 0; i < m; i++) if (machineAbove[rnd.nextInt(machineAbove.length)]) hits++;
        for (int i = m; i < size; i++) if (humanAbove[rnd.nextInt(humanAbove.length)]) hits++;
        SyntheticShare e = model.calibration.estimate(hits, size);
        double real = m / (double) size;
        sumEst += e.share();
        sumErr += Math.abs(e.share() - real);
        sumWidth += e.high() - e.low();
        if (e.low() <= real + 1e-12 && real <= e.high() + 1e-12) covered++;
      }
      rows.add(new MixtureRow(truth, corpora, size, sumEst / corpora, sumErr / corpora, covered / (double) corpora, sumWidth / corpora));
    }
    return rows;
  }

  private static boolean[] above(List<String> texts, DetectorModel model, FeatureExtractor fx) {
    List<Boolean> out = new ArrayList<>();
    for (String t : texts) {
      double p = model.scoreIfLongEnough(fx, t, MIN_WORDS);
      if (!Double.isNaN(p)) out.add(p >= model.calibration.threshold());
    }
    boolean[] b = new boolean[out.size()];
    for (int i = 0; i < b.length; i++) b[i] = out.get(i);
    return b;
  }

  public static void printMixtures(List<MixtureRow> rows, PrintWriter out) {
    out.printf(Locale.ROOT, "%-8s %8s %6s %10s %10s %9s %10s%n", "truth", "corpora", "docs", "estimate", "abs error", "coverage", "CI width");
    for (MixtureRow r : rows) {
      out.printf(Locale.ROOT, "%-8.2f %8d %6d %10.4f %10.4f %8.0f%% %10.4f%n", r.truth(), r.corpora(), r.size(), r.meanEstimate(),
          r.meanAbsError(), 100 * r.coverage(), r.meanWidth());
    }
  }

  private static boolean isGenerator(LabelledText t, String g) {
    return t.machine() && t.generator().equals(g);
  }

  private static Row row(String split, String name, List<LabelledText> data, double[] scores, IntPredicate in) {
    List<Double> h = new ArrayList<>(), m = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (!in.test(i)) continue;
      (data.get(i).machine() ? m : h).add(scores[i]);
    }
    double[] hs = h.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ms = m.stream().mapToDouble(Double::doubleValue).toArray();
    return new Row(split, name, hs.length, ms.length, Metrics.auroc(hs, ms), Metrics.tprAtFpr(hs, ms, 0.01), Metrics.tprAtFpr(hs, ms, 0.05));
  }
}
