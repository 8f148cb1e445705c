package io.winnow.step.slop;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.CounterSummary;
import io.winnow.step.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores how likely each document is machine-generated, with the built-in detector or a model file from
 * {@code winnow train-detector}, and records {@code provenance.synthetic} ({@code score}, {@code model}) on it.
 * Then, by {@code action}: {@code annotate} keeps everything; {@code drop} drops documents scored at or above
 * {@code threshold}; {@code weight} keeps everything and writes a sampling weight {@code 1 − score} to
 * {@code weight_field}. The decision log shows the score and the features that pushed it most.
 *
 * <p>Every scored document is also counted in a score bin; summed over the corpus these give the estimated
 * machine-generated share (see {@link SyntheticShare}) in stats.json.
 *
 * <p>The text is read through {@link ScoringText}: look-alike letters of other scripts inside Latin words are
 * folded to Latin, invisible and bidirectional-control characters removed, NFKC applied. What was undone is recorded
 * as {@code evasion: {homoglyphs, invisible}} in the decision values and in {@code provenance.synthetic} when
 * non-zero: ordinary text has neither, so their presence is itself evidence of tampering. It does not change the
 * score: the model was not trained on it, and a count of disguised letters says that someone disguised the text,
 * not that a machine wrote it.
 *
 * <p>Language guard: the model was trained on English ({@link DetectorModel#languages()}); other text gets scores that
 * mean nothing (a repeated Chinese sentence scored 0.9974 and was dropped). A text is scored only when at least
 * {@link #MIN_LATIN_SHARE} of its letters are Latin and the share of its words that are English markers
 * ({@link Lexicons#ENGLISH_MARKERS}) exceeds the share that are markers of other Latin-script languages
 * ({@link Lexicons#FOREIGN_MARKERS}) by at least {@link #MIN_ENGLISH_MARGIN}; others are kept with {@code scored: false, reason: language},
 * get no provenance score and are not counted in the score histogram.
 */
public final class SlopStep implements Step, CounterSummary {
  public static final String TYPE = "slop";
  static final String BIN_COUNTER = "hist.score_bin:";
  /** Documents at or above the model's estimate threshold, for the adjusted count. */
  static final String ABOVE_ESTIMATE_COUNTER = "count.above_estimate_threshold";
  private static final List<List<String>> BIN_NAMES = binNames(false);
  private static final List<List<String>> BIN_NAMES_COUNTED = binNames(true);

  public enum Reason implements ReasonCode {
    /** Scored at or above the threshold. */
    MACHINE_GENERATED;
  }

  public enum Action { ANNOTATE, DROP, WEIGHT }

  /**
   * Below this share of Latin letters a text is not English. English prose with a quoted name or formula in another
   * script stays far above it.
   */
  static final double MIN_LATIN_SHARE = 0.8;
  /**
   * English marker words minus other languages' marker words, as shares of the words, below which a Latin-script
   * text is not English. Measured on the main texts (Winnow's extractor) of the 871 trafilatura evaluation pages of
   * 30 words or more: English pages at 0.084 and above (a reference-heavy journal page; prose at 0.14 and above),
   * German, French, Spanish, Polish, Finnish and Hungarian pages at 0.034 and below; on the 15,122 Fast-DetectGPT
   * texts, 6 of those of 30 words or more fall below (reference lists, football line-ups, program logs).
   */
  static final double MIN_ENGLISH_MARGIN = 0.05;

  public record Config(String model, Action action, double threshold, int minWords, String weightField, int explain) {
    public static Config from(Params p) {
      String model = p.getString("model", DetectorModel.BUILTIN);
      Action action = Action.valueOf(p.getChoice("action", "annotate", "annotate", "drop", "weight").toUpperCase(java.util.Locale.ROOT));
      Double threshold = p.optDouble("threshold", null, 0, 1);
      int minWords = p.getInt("min_words", 30, 1, Integer.MAX_VALUE);
      String weightField = p.getString("weight_field", "weight");
      int explain = p.getInt("explain", 3, 0, FeatureExtractor.DENSE.size());
      p.finish();
      DetectorModel m;
      try {
        m = DetectorModel.load(model);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw p.invalid("model", e.getMessage());
      }
      return new Config(model, action, threshold == null ? m.thresholdAt1PercentFpr : threshold, minWords, weightField, explain);
    }
  }

  private final Config config;
  private final DetectorModel model;
  private final FeatureExtractor extractor;

  public SlopStep(Config config) {
    this.config = config;
    this.model = DetectorModel.load(config.model());
    this.extractor = model.extractor();
  }

  @Override
  public Verdict apply(Document doc) {
    // a long document is read window by window, as the model was trained; each character is scanned once
    List<String> windows = TextWindows.cutForScoring(doc.text());
    FeatureExtractor.Features f = extractor.extract(windows.get(0));
    FeatureExtractor.Reading r = f.reading();
    int homoglyphs = r.homoglyphs(), invisible = r.invisible();
    if (r.latinShare() < MIN_LATIN_SHARE) return unscoredLanguage(r, evasion(homoglyphs, invisible));
    if (windows.size() == 1 && f.words() < config.minWords()) return Verdict.keep(values("words", f.words(), "scored", false));
    if (r.englishWordRate() - r.foreignWordRate() < MIN_ENGLISH_MARGIN) return unscoredLanguage(r, evasion(homoglyphs, invisible));
    // explained from the first window, before the extractor's buffers serve the others
    Map<String, Double> explanation = config.explain() > 0 ? model.regression.topContributions(f, config.explain()) : null;
    double margin = model.regression.margin(f);
    for (int i = 1; i < windows.size(); i++) {
      FeatureExtractor.Features w = extractor.extract(windows.get(i));
      margin += model.regression.margin(w);
      homoglyphs += w.reading().homoglyphs();
      invisible += w.reading().invisible();
    }
    double score = round(LogisticModel.sigmoid(margin / windows.size()));
    Map<String, Object> evasion = evasion(homoglyphs, invisible);
    recordProvenance(doc, score, evasion);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("score", score);
    if (windows.size() > 1) v.put("windows", windows.size());
    if (evasion != null) v.put("evasion", evasion);
    if (explanation != null) v.put("features", explanation);
    boolean counted = model.calibration != null && score >= model.calibration.threshold();
    List<String> counters = (counted ? BIN_NAMES_COUNTED : BIN_NAMES).get(ScoreHistograms.bin(score));
    if (config.action() == Action.DROP && score >= config.threshold()) {
      v.put("threshold", round(config.threshold()));
      return Verdict.drop(Reason.MACHINE_GENERATED, v).withCounters(counters);
    }
    if (config.action() == Action.WEIGHT) doc.metadata().put(config.weightField(), round(1 - score));
    return Verdict.keep(v).withCounters(counters);
  }

  private static Verdict unscoredLanguage(FeatureExtractor.Reading r, Map<String, Object> evasion) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("scored", false);
    v.put("reason", "language");
    v.put("latin_share", round(r.latinShare()));
    v.put("english_word_rate", round(r.englishWordRate()));
    v.put("foreign_word_rate", round(r.foreignWordRate()));
    if (evasion != null) v.put("evasion", evasion);
    return Verdict.keep(v);
  }

  /** {@code {homoglyphs, invisible}}, or null when the text had neither. */
  private static Map<String, Object> evasion(int homoglyphs, int invisible) {
    if (homoglyphs == 0 && invisible == 0) return null;
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("homoglyphs", homoglyphs);
    e.put("invisible", invisible);
    return e;
  }

  @SuppressWarnings("unchecked")
  private void recordProvenance(Document doc, double score, Map<String, Object> evasion) {
    Object existing = doc.metadata().get("provenance");
    Map<String, Object> provenance = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    if (!(existing instanceof Map<?, ?>)) doc.metadata().put("provenance", provenance);
    Map<String, Object> synthetic = new LinkedHashMap<>();
    synthetic.put("score", score);
    synthetic.put("model", model.version());
    if (evasion != null) synthetic.put("evasion", evasion);
    provenance.put("synthetic", synthetic);
  }

  /**
   * The corpus estimate: the adjusted count of documents at or above the model's estimate threshold when the
   * model carries its calibration ({@link ShareCalibration}), else the score-mixture fit of older models.
   */
  @Override
  public Map<String, Object> summarize(Map<String, Long> counters) {
    long[] bins = new long[ScoreHistograms.BINS];
    long scored = 0;
    for (int b = 0; b < bins.length; b++) scored += bins[b] = counters.getOrDefault(BIN_NAMES.get(b).get(0), 0L);
    SyntheticShare s = model.calibration != null
        ? model.calibration.estimate(counters.getOrDefault(ABOVE_ESTIMATE_COUNTER, 0L), scored)
        : SyntheticShare.estimate(bins, model.histograms());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", model.calibration != null ? "adjusted_count" : "score_mixture");
    out.put("synthetic_share", round(s.share()));
    out.put("synthetic_share_ci95", List.of(round(s.low()), round(s.high())));
    out.put("scored_documents", s.documents());
    out.put("model", model.version());
    return out;
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4;
  }

  private static List<List<String>> binNames(boolean aboveEstimate) {
    List<List<String>> names = new java.util.ArrayList<>();
    for (int b = 0; b < ScoreHistograms.BINS; b++) {
      String bin = String.format(java.util.Locale.ROOT, "%s%02d", BIN_COUNTER, b);
      names.add(aboveEstimate ? List.of(bin, ABOVE_ESTIMATE_COUNTER) : List.of(bin));
    }
    return List.copyOf(names);
  }
}
