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
   * (several files are pooled); empty reuses the language model of the built-in detector.
   */
  public record Request(List<Path> data, List<Path> reference, String name, int hashBits, int epochs, long seed, boolean caseFold) {
    /** Without case folding: the features of models trained before the option existed. */
    public Request(List<Path> data, List<Path> reference, String name, int hashBits, int epochs, long seed) {
      this(data, reference, name, hashBits, epochs, seed, false);
    }
  }

  private DetectorTrainer() {}

  static NgramLanguageModel referenceModel(List<Path> reference) throws IOException {
    if (reference == null || reference.isEmpty()) return DetectorModel.load(DetectorModel.BUILTIN).lm;
    List<String[]> sentences = new ArrayList<>();
    for (Path p : reference) sentences.addAll(ReferenceCorpus.read(p));
    return NgramLanguageModel.train(sentences);
  }

  public static DetectorModel train(Request r) throws IOException {
    List<LabelledText> data = LabelledCorpus.read(r.data());
    NgramLanguageModel lm = referenceModel(r.reference());
    return train(data, lm, r.name(), settings(r));
  }

  /** Cross-validated and transfer evaluation of the detector this request would train. */
  public static DetectorEvaluation.Report crossValidate(Request r) throws IOException {
    return DetectorEvaluation.crossValidate(LabelledCorpus.read(r.data()), referenceModel(r.reference()), settings(r));
  }

  static LogisticModel.Settings settings(Request r) {
    LogisticModel.Settings d = LogisticModel.Settings.defaults();
    return new LogisticModel.Settings(r.epochs(), d.learningRate(), d.l2Dense(), d.l2Hashed(), r.hashBits(), r.seed(), r.caseFold());
  }

  static DetectorModel train(List<LabelledText> data, NgramLanguageModel lm, String name, LogisticModel.Settings s) {
    Featurized f = Featurized.of(data, lm, s.hashBits(), s.caseFold());
    if (f.count(t -> t.machine()) == 0 || f.count(t -> !t.machine()) == 0) {
      throw new IllegalArgumentException("training needs both human and machine texts");
    }
    double[] oof = f.outOfFoldScores(s, FOLDS);
    long[] machine = new long[ScoreHistograms.BINS];
    java.util.Map<String, long[]> humanBins = new java.util.TreeMap<>();
    java.util.Map<String, List<Double>> humanByDomain = new java.util.TreeMap<>();
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i).machine()) {
        machine[ScoreHistograms.bin(oof[i])]++;
      } else {
        humanBins.computeIfAbsent(data.get(i).domain(), d -> new long[ScoreHistograms.BINS])[ScoreHistograms.bin(oof[i])]++;
        humanByDomain.computeIfAbsent(data.get(i).domain(), d -> new ArrayList<>()).add(oof[i]);
      }
    }
    LogisticModel lr = f.fit(i -> true, s);
    return new DetectorModel(lm, lr, s.hashBits(), s.caseFold(), new ScoreHistograms(machine, humanBins), strictestThreshold(humanByDomain, 0.01),
        strictestThreshold(humanByDomain, 0.05), name);
  }

  /**
   * The threshold that keeps the false-positive rate at or below {@code fpr} on every domain's human texts (among
   * domains with enough of them to measure it), not just on their pooled mix: a corpus is usually one domain.
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
      return LogisticModel.train(xs, y, s);
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
