package io.winnow.step.slop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Trains a detector: features of every labelled text (the language model is trained first, on the reference
 * corpus), out-of-fold scores for the score histograms and the false-positive thresholds, then the final
 * regression on everything. Deterministic: the same data and settings give the same model bytes.
 */
public final class DetectorTrainer {
  static final int FOLDS = 5;

  /**
   * What to train from and how. {@code reference}: human text from before language models for the n-gram model
   * (several files are pooled); empty reuses the language model of the built-in detector. {@code calibration}:
   * human text of many kinds, never trained on, on which the thresholds are chosen and the corpus estimate's
   * false-positive rates measured (labelled JSONL, one {@code domain} per kind); empty uses the training texts'
   * out-of-fold scores alone.
   */
  public record Request(List<Path> data, List<Path> reference, List<Path> calibration, List<HoldOut> holdOut, String name, int hashBits,
      int epochs, long seed, boolean caseFold) {}

  /** The trained model and what training measured on the way (thresholds, rates per kind), for the user. */
  public record Trained(DetectorModel model, List<String> report) {}

  private DetectorTrainer() {}

  static NgramLanguageModel referenceModel(List<Path> reference) throws IOException {
    if (reference == null || reference.isEmpty()) return DetectorModel.load(DetectorModel.BUILTIN).lm;
    List<String[]> sentences = new ArrayList<>();
    for (Path p : reference) sentences.addAll(ReferenceCorpus.read(p));
    return NgramLanguageModel.train(sentences);
  }

  public static Trained train(Request r) throws IOException {
    List<LabelledText> texts = new ArrayList<>(LabelledCorpus.read(r.data()));
    texts.removeIf(t -> HoldOut.any(r.holdOut(), t));
    List<LabelledText> calibration = r.calibration() == null || r.calibration().isEmpty() ? List.of() : LabelledCorpus.read(r.calibration());
    for (LabelledText t : calibration) {
      if (t.machine()) throw new IOException(t.source() + ": calibration data must be human text");
    }
    NgramLanguageModel lm = referenceModel(r.reference());
    return train(texts, calibration, lm, r.name(), settings(r));
  }

  /** Cross-validated and transfer evaluation of the detector this request would train. */
  public static DetectorEvaluation.Report crossValidate(Request r) throws IOException {
    List<LabelledText> texts = new ArrayList<>(LabelledCorpus.read(r.data()));
    texts.removeIf(t -> HoldOut.any(r.holdOut(), t));
    return DetectorEvaluation.crossValidate(TextWindows.windows(texts), referenceModel(r.reference()), settings(r));
  }

  static LogisticModel.Settings settings(Request r) {
    LogisticModel.Settings d = LogisticModel.Settings.defaults();
    return new LogisticModel.Settings(r.epochs(), d.learningRate(), d.l2Dense(), d.l2Hashed(), r.hashBits(), r.seed(), r.caseFold());
  }

  /** False-positive rate aimed at by the default drop threshold, on every kind of human text measured. */
  static final double DROP_FPR = 0.01;
  /** False-positive rate of the threshold the corpus estimate counts at: lower thresholds catch more machine text. */
  static final double ESTIMATE_FPR = 0.05;

  static Trained train(List<LabelledText> texts, List<LabelledText> calibrationTexts, NgramLanguageModel lm, String name,
      LogisticModel.Settings s) {
    List<LabelledText> data = TextWindows.windows(texts);
    Featurized f = Featurized.of(data, lm, s.hashBits(), s.caseFold());
    if (f.count(t -> t.machine()) == 0 || f.count(t -> !t.machine()) == 0) {
      throw new IllegalArgumentException("training needs both human and machine texts");
    }
    double[] oof = f.outOfFoldScores(s, FOLDS);
    long[] machine = new long[ScoreHistograms.BINS];
    java.util.Map<String, long[]> humanBins = new java.util.TreeMap<>();
    java.util.Map<String, List<Double>> humanByKind = new java.util.TreeMap<>();
    List<Double> machineOof = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i).machine()) {
        machine[ScoreHistograms.bin(oof[i])]++;
        machineOof.add(oof[i]);
      } else {
        humanBins.computeIfAbsent(data.get(i).domain(), d -> new long[ScoreHistograms.BINS])[ScoreHistograms.bin(oof[i])]++;
        humanByKind.computeIfAbsent(data.get(i).domain(), d -> new ArrayList<>()).add(oof[i]);
      }
    }
    java.util.Map<String, double[]> heldOutMachine = heldOutMachineScores(f, s);
    LogisticModel lr = f.fit(i -> true, s);
    long[] trained = io.winnow.step.TrainingTexts.of(texts.stream().map(LabelledText::text).toList());
    DetectorModel provisional = new DetectorModel(lm, lr, s.hashBits(), s.caseFold(), new ScoreHistograms(machine, humanBins), 0.5, 0.5, name, null, trained);
    FeatureExtractor fx = provisional.extractor();
    java.util.Map<String, List<Double>> calibrationByKind = new java.util.TreeMap<>();
    for (LabelledText t : calibrationTexts) {
      double p = provisional.scoreIfLongEnough(fx, t.text(), DetectorEvaluation.MIN_WORDS);
      if (!Double.isNaN(p)) calibrationByKind.computeIfAbsent("calibration " + t.domain(), d -> new ArrayList<>()).add(p);
    }
    java.util.Map<String, List<Double>> allHuman = new java.util.TreeMap<>(humanByKind);
    allHuman.putAll(calibrationByKind);
    double drop = strictestThreshold(allHuman, DROP_FPR);
    double estimate = strictestThreshold(allHuman, ESTIMATE_FPR);
    ShareCalibration calibration = shareCalibration(estimate, allHuman, machineOof, heldOutMachine);
    DetectorModel model = new DetectorModel(lm, lr, s.hashBits(), s.caseFold(), new ScoreHistograms(machine, humanBins), drop, estimate, name,
        calibration, trained);
    List<String> report = new ArrayList<>();
    report.add(String.format(java.util.Locale.ROOT, "trained on %,d texts (%,d windows); drop threshold %.4f (<= %.0f %% false positives on every kind below), estimate threshold %.4f",
        texts.size(), data.size(), drop, 100 * DROP_FPR, estimate));
    report.add(String.format(java.util.Locale.ROOT, "%-34s %7s %12s %12s", "human kind (out-of-fold | calibration)", "texts", "FPR@drop", "FPR@estimate"));
    allHuman.forEach((kind, scores) -> report.add(String.format(java.util.Locale.ROOT, "%-34s %7d %11.2f%% %11.2f%%", kind, scores.size(),
        100 * above(scores, drop), 100 * above(scores, estimate))));
    report.add(String.format(java.util.Locale.ROOT, "machine windows above the estimate threshold: %.3f out-of-fold; %.3f to %.3f held out by generator or domain",
        calibration.tpr(), calibration.tprLow(), calibration.tprHigh()));
    return new Trained(model, report);
  }

  /**
   * Scores of machine windows from models that did not see their generator (each generator in turn) or their
   * domain (each domain in turn): how the rate of caught machine text varies on what the model has not seen.
   */
  static java.util.Map<String, double[]> heldOutMachineScores(Featurized f, LogisticModel.Settings s) {
    java.util.Map<String, double[]> out = new java.util.TreeMap<>();
    java.util.TreeSet<String> generators = new java.util.TreeSet<>(), domains = new java.util.TreeSet<>();
    for (LabelledText t : f.data) {
      if (!t.machine()) continue;
      generators.add(t.generator());
      domains.add(t.domain());
    }
    if (generators.size() > 1) {
      for (String g : generators) out.put("generator " + g, heldOut(f, s, t -> t.machine() && t.generator().equals(g)));
    }
    if (domains.size() > 1) {
      for (String d : domains) out.put("domain " + d, heldOut(f, s, t -> t.domain().equals(d)));
    }
    return out;
  }

  private static double[] heldOut(Featurized f, LogisticModel.Settings s, Predicate<LabelledText> left) {
    LogisticModel m = f.fit(i -> !left.test(f.data.get(i)), s);
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < f.data.size(); i++) {
      if (f.data.get(i).machine() && left.test(f.data.get(i))) scores.add(m.probability(f.features.get(i)));
    }
    return scores.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static ShareCalibration shareCalibration(double t, java.util.Map<String, List<Double>> humanByKind, List<Double> machineOof,
      java.util.Map<String, double[]> heldOutMachine) {
    double fprLow = 1, fprHigh = 0;
    long humanAbove = 0, humans = 0;
    for (List<Double> scores : humanByKind.values()) {
      double rate = above(scores, t);
      humans += scores.size();
      humanAbove += Math.round(rate * scores.size());
      if (scores.size() < MIN_RATE_TEXTS) continue;
      fprLow = Math.min(fprLow, rate);
      fprHigh = Math.max(fprHigh, rate);
    }
    double fpr = humans == 0 ? 0 : humanAbove / (double) humans;
    if (fprLow > fprHigh) fprLow = fprHigh = fpr;
    double tpr = above(machineOof, t);
    List<Double> rates = new ArrayList<>();
    for (double[] scores : heldOutMachine.values()) {
      if (scores.length < MIN_RATE_TEXTS) continue;
      int k = 0;
      for (double x : scores) if (x >= t) k++;
      rates.add(k / (double) scores.length);
    }
    rates.sort(null);
    double tprLow = rates.isEmpty() ? tpr : Math.min(tpr, rates.get((int) Math.floor(0.1 * (rates.size() - 1))));
    double tprHigh = rates.isEmpty() ? tpr : Math.max(tpr, rates.get((int) Math.ceil(0.9 * (rates.size() - 1))));
    return new ShareCalibration(t, fpr, Math.min(fprLow, fpr), Math.max(fprHigh, fpr), tpr, tprLow, tprHigh);
  }

  /** Kinds or groups with fewer texts than this give too noisy a rate to bound the estimate with. */
  static final int MIN_RATE_TEXTS = 50;

  static double above(List<Double> scores, double t) {
    if (scores.isEmpty()) return 0;
    int k = 0;
    for (double x : scores) if (x >= t) k++;
    return k / (double) scores.size();
  }

  /**
   * The threshold that keeps the false-positive rate at or below {@code fpr} on every kind of human text (among
   * kinds with enough of them to measure it), not just on their pooled mix: a corpus is usually one kind.
   */
  static double strictestThreshold(java.util.Map<String, List<Double>> humanByDomain, double fpr) {
    double t = Double.NEGATIVE_INFINITY;
    List<Double> all = new ArrayList<>();
    for (List<Double> scores : humanByDomain.values()) {
      all.addAll(scores);
      if (scores.size() * fpr < 2) continue;
      t = Math.max(t, Metrics.thresholdAtFpr(scores.stream().mapToDouble(Double::doubleValue).toArray(), fpr));
    }
    if (t == Double.NEGATIVE_INFINITY) t = Metrics.thresholdAtFpr(all.stream().mapToDouble(Double::doubleValue).toArray(), fpr);
    return t;
  }

  /** Labelled texts with their features, computed once and shared by every split. */
  static final class Featurized {
    final List<LabelledText> data;
    final List<FeatureExtractor.Features> features;

    private Featurized(List<LabelledText> data, List<FeatureExtractor.Features> features) {
      this.data = data;
      this.features = features;
    }

    static Featurized of(List<LabelledText> data, NgramLanguageModel lm, int hashBits, boolean caseFold) {
      ThreadLocal<FeatureExtractor> extractors = ThreadLocal.withInitial(() -> new FeatureExtractor(lm, hashBits, caseFold));
      FeatureExtractor.Features[] out = new FeatureExtractor.Features[data.size()];
      IntStream.range(0, data.size()).parallel().forEach(i -> out[i] = extractors.get().extract(data.get(i).text()));
      return new Featurized(data, List.of(out));
    }

    long count(Predicate<LabelledText> p) {
      return data.stream().filter(p).count();
    }

    LogisticModel fit(java.util.function.IntPredicate train, LogisticModel.Settings s) {
      List<FeatureExtractor.Features> xs = new ArrayList<>();
      List<Boolean> ys = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (!train.test(i)) continue;
        xs.add(features.get(i));
        ys.add(data.get(i).machine());
      }
      boolean[] y = new boolean[ys.size()];
      for (int i = 0; i < y.length; i++) y[i] = ys.get(i);
      return LogisticModel.train(xs, y, cellBalance(train), s);
    }

    /**
     * Weights that give every (domain, label) cell of the training texts the same total, within a factor of
     * {@value #MAX_CELL_BOOST} of an even weight: a domain with many machine texts and few human ones (machine
     * fiction beside human fiction) would otherwise teach that the domain itself is machine-made, and a large
     * source would drown the small ones.
     */
    double[] cellBalance(java.util.function.IntPredicate train) {
      java.util.Map<String, Integer> cells = new java.util.HashMap<>();
      int n = 0;
      for (int i = 0; i < data.size(); i++) {
        if (!train.test(i)) continue;
        cells.merge(cell(data.get(i)), 1, Integer::sum);
        n++;
      }
      double even = n / (double) cells.size();
      double[] w = new double[n];
      int k = 0;
      for (int i = 0; i < data.size(); i++) {
        if (!train.test(i)) continue;
        double boost = even / cells.get(cell(data.get(i)));
        w[k++] = Math.max(1 / MAX_CELL_BOOST, Math.min(MAX_CELL_BOOST, boost));
      }
      // the clipping may leave the classes unequal: restore their balance
      double pos = 0, neg = 0;
      k = 0;
      for (int i = 0; i < data.size(); i++) {
        if (!train.test(i)) continue;
        if (data.get(i).machine()) pos += w[k];
        else neg += w[k];
        k++;
      }
      k = 0;
      for (int i = 0; i < data.size(); i++) {
        if (!train.test(i)) continue;
        w[k] *= data.get(i).machine() ? (pos + neg) / (2 * pos) : (pos + neg) / (2 * neg);
        k++;
      }
      return w;
    }

    static final double MAX_CELL_BOOST = 10;

    private static String cell(LabelledText t) {
      return t.domain() + (t.machine() ? "\u0000m" : "\u0000h");
    }

    /** Scores of every text from a model that did not see its group. */
    double[] outOfFoldScores(LogisticModel.Settings s, int folds) {
      double[] scores = new double[data.size()];
      for (int k = 0; k < folds; k++) {
        int fold = k;
        LogisticModel m = fit(i -> fold(i, folds) != fold, s);
        for (int i = 0; i < data.size(); i++) if (fold(i, folds) == fold) scores[i] = m.probability(features.get(i));
      }
      return scores;
    }

    int fold(int i, int folds) {
      return Math.floorMod(mix(data.get(i).group().hashCode()), folds);
    }

    private static int mix(int h) {
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      return h;
    }
  }
}
