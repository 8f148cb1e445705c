package io.winnow.lang;

import static io.winnow.doc.Verdict.values;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Language identification with Lingua (its models ship inside its jars: nothing is downloaded). Only the
 * candidate languages are loaded. A document is kept when its most likely language is one of {@code languages}
 * with a confidence of at least {@code min_score} (FineWeb: English, 0.65); it is annotated with
 * {@code language} and {@code language_score} either way.
 */
public final class LanguageFilter implements Step {
  public static final String TYPE = "language";

  /** Common web languages: what a document is compared against when no candidates are given. */
  static final List<String> DEFAULT_CANDIDATES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "zh", "ja", "ar");

  /** Detectors are large and slow to load: one per candidate set and accuracy mode, per process. */
  private static final Map<String, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  public enum Reason implements ReasonCode {
    /** The most likely language is not a kept one. */
    OTHER_LANGUAGE,
    /** A kept language, but below the confidence threshold. */
    LOW_CONFIDENCE,
    /** No letters to judge by. */
    UNKNOWN;
  }

  public record Config(Set<Language> keep, Set<Language> candidates, double minScore, boolean lowAccuracy, int maxChars) {
    public static Config from(Params p) {
      Set<Language> keep = languages(p.getStrings("languages", List.of("en")), "languages");
      Set<Language> candidates = languages(p.getStrings("candidates", DEFAULT_CANDIDATES), "candidates");
      candidates.addAll(keep);
      if (candidates.size() < 2) throw new IllegalArgumentException("'candidates' must name at least two languages: with one, every text is that language");
      Config c = new Config(keep, candidates, p.getDouble("min_score", 0.65, 0, 1), p.getBool("low_accuracy", false),
          p.getInt("max_chars", 10_000, 100, Integer.MAX_VALUE));
      p.finish();
      return c;
    }

    private static Set<Language> languages(List<String> codes, String key) {
      EnumSet<Language> out = EnumSet.noneOf(Language.class);
      for (String code : codes) {
        try {
          out.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("'" + key + "' entries must be ISO 639-1 codes such as en, de, zh; got \"" + code + "\"");
        }
      }
      return out;
    }

    LanguageDetector detector() {
      String key = candidates + "/" + lowAccuracy;
      return DETECTORS.computeIfAbsent(key, k -> {
        LanguageDetectorBuilder b = LanguageDetectorBuilder.fromLanguages(candidates.toArray(Language[]::new));
        if (lowAccuracy) b = b.withLowAccuracyMode();
        return b.withPreloadedLanguageModels().build();
      });
    }
  }

  private final Config config;
  private final LanguageDetector detector;

  public LanguageFilter(Config config) {
    this.config = config;
    this.detector = config.detector();
  }

  @Override
  public Verdict apply(Document doc) {
    String text = doc.text();
    // long documents: a prefix decides as well and bounds the cost
    if (text.length() > config.maxChars()) text = text.substring(0, config.maxChars());
    SortedMap<Language, Double> scores = detector.computeLanguageConfidenceValues(text);
    if (scores.isEmpty()) {
      doc.metadata().put("language", "unknown");
      return Verdict.drop(Reason.UNKNOWN);
    }
    Map.Entry<Language, Double> top = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    String code = top.getKey().getIsoCode639_1().toString();
    double score = Math.round(top.getValue() * 1e4) / 1e4;
    doc.metadata().put("language", code);
    doc.metadata().put("language_score", score);
    if (!config.keep().contains(top.getKey())) return Verdict.drop(Reason.OTHER_LANGUAGE, values("language", code, "score", score));
    if (score < config.minScore()) return Verdict.drop(Reason.LOW_CONFIDENCE, values("language", code, "score", score, "min", config.minScore()));
    return Verdict.keep(values("language", code, "score", score));
  }
}
