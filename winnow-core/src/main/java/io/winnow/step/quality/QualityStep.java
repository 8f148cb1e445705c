package io.winnow.step.quality;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Measures;
import io.winnow.step.RuleFilter;
import java.util.List;
import java.util.Set;

/**
 * The model-based quality filter: scores each document with a {@link QualityModel} (the probability that it is
 * of the positive, "high quality" class), writes the score into the document's metadata ({@code field}) and drops
 * documents that score below {@code threshold}. The step's statistics count the model's version
 * ({@code model:<name>@<sha>}) so a run says which model judged it. For "keep the best share of the corpus" use
 * the corpus step {@code quality_share} ({@link QualityShare}), which fits this step's threshold first.
 */
public final class QualityStep extends RuleFilter {
  public static final String TYPE = "quality";
  static final String SCORE = "score";
  private static final List<String> MEASURES = List.of(SCORE);
  private static final Set<String> THRESHOLDS = Set.of("threshold");

  public enum Reason implements ReasonCode {
    /** The model's probability of the positive class is below the threshold. */
    BELOW_THRESHOLD;
  }

  /**
   * @param model {@code builtin} (the shipped model) or a model file written by {@code train-quality}
   * @param field the metadata key the score is written to; null to write none
   */
  public record Config(String model, double threshold, String field) {
    public Config {
      if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }

    public static Config from(Params p) {
      Config c = common(p, p.getDouble("threshold", 0.5, 0, 1));
      if (p.optDouble("keep_share", null, 0, 1) != null)
        throw p.invalid("keep_share", "keeping a share of the corpus needs the whole corpus first: use the step type quality_share");
      p.finish();
      return c;
    }

    /** The parameters the quality step and the quality_share step share; validates the model once. */
    static Config common(Params p, double threshold) {
      String model = p.getString("model", QualityModel.BUILTIN);
      String field = p.getString("field", "quality_score");
      try {
        QualityModel.load(model);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw p.invalid("model", e.getMessage());
      }
      return new Config(model, threshold, field);
    }
  }

  private final Config config;
  private final QualityModel model;
  private final QualityModel.Scorer scorer;
  private final List<String> counters;

  public QualityStep(Config config, boolean annotate) {
    super(annotate);
    this.config = config;
    this.model = QualityModel.load(config.model());
    this.scorer = model.scorer();
    this.counters = List.of("model:" + model.version());
  }

  public QualityModel model() {
    return model;
  }

  @Override
  public List<String> measureNames() {
    return MEASURES;
  }

  @Override
  public Set<String> thresholdKeys() {
    return THRESHOLDS;
  }

  @Override
  protected Measures measure(Document doc, boolean all) {
    double score = scorer.score(doc.text());
    if (config.field() != null) doc.metadata().put(config.field(), score);
    Double boxed = score;
    return name -> {
      if (!name.equals(SCORE)) throw new IllegalArgumentException("quality measures no '" + name + "'");
      return boxed;
    };
  }

  @Override
  public Verdict decide(Measures m) {
    double score = m.get(SCORE).doubleValue();
    if (score < config.threshold())
      return Verdict.drop(Reason.BELOW_THRESHOLD, values(SCORE, score, "min", config.threshold())).withCounters(counters);
    return null;
  }

  @Override
  protected Verdict pass(Document doc, Measures m, java.util.Map<String, Object> recorded) {
    return Verdict.keep(recorded != null ? recorded : values(SCORE, m.get(SCORE))).withCounters(counters);
  }
}
