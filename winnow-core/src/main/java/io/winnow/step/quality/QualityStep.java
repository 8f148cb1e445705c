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
 *
 * <p>Language guard: a model judges the languages it was trained on. The shipped one reads line and token shapes
 * only (layout and word classes, see {@link LineShapes} and {@link TokenShapes}) and was trained on prose in 30
 * languages, so it scores every document by
 * default ({@code languages: all}); a model trained on one language's words (say English positives only) scores
 * other languages low whatever their quality, and dropping them by score would be a language filter in disguise.
 * For such a model list its languages: a document whose metadata {@code language} (set by the {@code language}
 * step of winnow-lang) is not in {@code languages} is kept unscored, with {@code score: null, scored: false, reason:
 * language, language: <code>} in the decision log and the counter {@code unscored:language}; it gets no
 * score field. {@code languages: all} scores every document. A document without a {@code language} field is
 * scored: nothing says it is in another language.
 */
public final class QualityStep extends RuleFilter {
  public static final String TYPE = "quality";
  static final String SCORE = "score";
  private static final List<String> MEASURES = List.of(SCORE);
  private static final Set<String> THRESHOLDS = Set.of("threshold");
  /** The metadata key the {@code language} step (winnow-lang) writes its detected ISO 639-1 code to. */
  static final String LANGUAGE_FIELD = "language";
  static final String UNSCORED_COUNTER = "unscored:language";

  public enum Reason implements ReasonCode {
    /** The model's probability of the positive class is below the threshold. */
    BELOW_THRESHOLD;
  }

  /**
   * @param model {@code builtin} (the shipped model) or a model file written by {@code train-quality}
   * @param field the metadata key the score is written to; null to write none
   */
  public record Config(String model, double threshold, String field, Set<String> languages) {
    /** The value of {@code languages} that scores every document. */
    static final String ALL_LANGUAGES = "all";

    public Config {
      if (!(threshold >= 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
      languages = languages == null ? null : Set.copyOf(languages);
    }

    /** The same parameters with another threshold (a fitted one). */
    Config withThreshold(double t) {
      return new Config(model, t, field, languages);
    }

    /** The document's language when the guard leaves it unscored (a {@code language} not in the list), else null. */
    String unscoredLanguage(Document doc) {
      if (languages == null) return null;
      Object l = doc.metadata().get(LANGUAGE_FIELD);
      if (l == null) return null;
      String code = l.toString().toLowerCase(java.util.Locale.ROOT);
      return languages.contains(code) ? null : code;
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
      List<String> codes = p.getStrings("languages", List.of(ALL_LANGUAGES));
      Set<String> languages = null;
      if (!codes.equals(List.of(ALL_LANGUAGES))) {
        languages = new java.util.HashSet<>();
        for (String c : codes) {
          if (c.equals(ALL_LANGUAGES)) throw p.invalid("languages", "'all' scores every language and cannot be listed with codes");
          languages.add(c.toLowerCase(java.util.Locale.ROOT));
        }
        if (languages.isEmpty()) throw p.invalid("languages", "an empty list would score nothing; use 'all' to score every language");
      }
      try {
        QualityModel.load(model);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw p.invalid("model", e.getMessage());
      }
      return new Config(model, threshold, field, languages);
    }
  }

  private final Config config;
  private final QualityModel model;
  private final QualityModel.Scorer scorer;
  private final List<String> counters;
  private final List<String> unscoredCounters;

  public QualityStep(Config config, boolean annotate) {
    super(annotate);
    this.config = config;
    this.model = QualityModel.load(config.model());
    this.scorer = model.scorer();
    this.counters = List.of("model:" + model.version());
    this.unscoredCounters = List.of("model:" + model.version(), UNSCORED_COUNTER);
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
    String other = config.unscoredLanguage(doc);
    if (other != null) return new Score(null, other);
    double score = scorer.score(doc.text());
    if (config.field() != null) doc.metadata().put(config.field(), score);
    return new Score(score, null);
  }

  /** The step's one figure; null, with the document's language, when the language guard left it unscored. */
  private record Score(Double score, String unscoredLanguage) implements Measures {
    @Override
    public Number get(String name) {
      if (!name.equals(SCORE)) throw new IllegalArgumentException("quality measures no '" + name + "'");
      return score;
    }
  }

  @Override
  public Verdict decide(Measures m) {
    Number score = m.get(SCORE);
    if (score == null) return null; // not scored (another language): kept
    if (score.doubleValue() < config.threshold())
      return Verdict.drop(Reason.BELOW_THRESHOLD, values(SCORE, score.doubleValue(), "min", config.threshold())).withCounters(counters);
    return null;
  }

  @Override
  protected Verdict pass(Document doc, Measures m, java.util.Map<String, Object> recorded) {
    if (m instanceof Score s && s.unscoredLanguage() != null)
      return Verdict.keep(values(SCORE, null, "scored", false, "reason", "language", "language", s.unscoredLanguage())).withCounters(unscoredCounters);
    return Verdict.keep(recorded != null ? recorded : values(SCORE, m.get(SCORE))).withCounters(counters);
  }
}
