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
 */
public final class SlopStep implements Step, CounterSummary {
  public static final String TYPE = "slop";
  static final String BIN_COUNTER = "hist.score_bin:";
  private static final List<List<String>> BIN_NAMES = binNames();

  public enum Reason implements ReasonCode {
    /** Scored at or above the threshold. */
    MACHINE_GENERATED;
  }

  public enum Action { ANNOTATE, DROP, WEIGHT }

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
    FeatureExtractor.Features f = extractor.extract(doc.text());
    if (f.words() < config.minWords()) return Verdict.keep(values("words", f.words(), "scored", false));
    double score = round(model.regression.probability(f));
    recordProvenance(doc, score);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("score", score);
    if (config.explain() > 0) v.put("features", model.regression.topContributions(f, config.explain()));
    List<String> counters = BIN_NAMES.get(ScoreHistograms.bin(score));
    if (config.action() == Action.DROP && score >= config.threshold()) {
      v.put("threshold", round(config.threshold()));
      return Verdict.drop(Reason.MACHINE_GENERATED, v).withCounters(counters);
    }
    if (config.action() == Action.WEIGHT) doc.metadata().put(config.weightField(), round(1 - score));
    return Verdict.keep(v).withCounters(counters);
  }

  @SuppressWarnings("unchecked")
  private void recordProvenance(Document doc, double score) {
    Object existing = doc.metadata().get("provenance");
    Map<String, Object> provenance = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    if (!(existing instanceof Map<?, ?>)) doc.metadata().put("provenance", provenance);
    Map<String, Object> synthetic = new LinkedHashMap<>();
    synthetic.put("score", score);
    synthetic.put("model", model.version());
    provenance.put("synthetic", synthetic);
  }

  @Override
  public Map<String, Object> summarize(Map<String, Long> counters) {
    long[] bins = new long[ScoreHistograms.BINS];
    for (int b = 0; b < bins.length; b++) bins[b] = counters.getOrDefault(BIN_NAMES.get(b).get(0), 0L);
    SyntheticShare s = SyntheticShare.estimate(bins, model.histograms());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("synthetic_share", round(s.share()));
    out.put("synthetic_share_ci95", List.of(round(s.low()), round(s.high())));
    out.put("scored_documents", s.documents());
    out.put("model", model.version());
    return out;
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4;
  }

  private static List<List<String>> binNames() {
    List<List<String>> names = new java.util.ArrayList<>();
    for (int b = 0; b < ScoreHistograms.BINS; b++) names.add(List.of(String.format(java.util.Locale.ROOT, "%s%02d", BIN_COUNTER, b)));
    return List.copyOf(names);
  }
}
