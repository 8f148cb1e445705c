package io.winnow.lang;

import static io.winnow.doc.Verdict.values;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import io.winnow.step.chat.TurnFilter;
import io.winnow.step.chat.TurnScope;
import io.winnow.text.PyText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * An answer in another language than its prompt (a teacher that switched to English on a German prompt, or the
 * reverse). Both sides are identified with the {@code language} step's detector (Lingua). Its confidence values
 * are relative (the likeliest language scores 1), so a side is judged only when the runner-up scores at most
 * {@code 1 - min_margin}; a side shorter than {@code min_words} words is not judged either. A prompt that asks for a translation, or
 * names the answer's language ("…in French"), expects the switch and is not flagged.
 */
public final class LanguageMatchFilter extends TurnFilter {
  public static final String TYPE = "language_match";

  public enum Reason implements ReasonCode {
    /** The answer's language is not the prompt's. */
    MISMATCH;
  }

  public record Config(TurnScope turns, LanguageFilter.Config detection, int minWords, double minMargin) {
    public static Config from(Params p) {
      List<String> candidates = p.getStrings("candidates", LanguageFilter.DEFAULT_CANDIDATES);
      LanguageFilter.Config detection = LanguageFilter.Config.from(new Params(p.where(), new java.util.LinkedHashMap<>(Map.of(
          "languages", candidates, "candidates", candidates, "max_chars", p.getInt("max_chars", 2000, 100, Integer.MAX_VALUE)))));
      Config c = new Config(TurnScope.from(p, "response"), detection, p.getInt("min_words", 5, 1, 10_000),
          p.getDouble("min_margin", 0.15, 0, 1));
      p.finish();
      return c;
    }
  }

  private final Config config;
  private final LanguageDetector detector;

  public LanguageMatchFilter(Config config) {
    super(config.turns());
    this.config = config;
    this.detector = config.detection().detector();
  }

  @Override
  protected Finding check(String text, String prompt) {
    if (PyText.countWhitespaceWords(text) < config.minWords() || PyText.countWhitespaceWords(prompt) < config.minWords()) return null;
    Map.Entry<Language, Double> asked = top(prompt);
    Map.Entry<Language, Double> answered = top(text);
    if (asked == null || answered == null || asked.getKey() == answered.getKey()) return null;
    String lowerPrompt = prompt.toLowerCase(Locale.ROOT);
    if (lowerPrompt.contains("translat") || lowerPrompt.contains(answered.getKey().name().toLowerCase(Locale.ROOT))) return null;
    return new Finding(Reason.MISMATCH, values("prompt_language", code(asked.getKey()), "prompt_margin", round(asked.getValue()),
        "answer_language", code(answered.getKey()), "answer_margin", round(answered.getValue())));
  }

  /** The most likely language with its margin over the runner-up, or null when the margin is under min_margin. */
  private Map.Entry<Language, Double> top(String text) {
    if (text.length() > config.detection().maxChars()) text = text.substring(0, config.detection().maxChars());
    SortedMap<Language, Double> scores = detector.computeLanguageConfidenceValues(text);
    Language best = null;
    double first = -1;
    double second = 0;
    for (Map.Entry<Language, Double> e : scores.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    double margin = first - Math.max(0, second);
    return best == null || margin < config.minMargin() ? null : Map.entry(best, margin);
  }

  private static String code(Language l) {
    return l.getIsoCode639_1().toString();
  }

  private static double round(double d) {
    return Math.round(d * 1e4) / 1e4;
  }
}
