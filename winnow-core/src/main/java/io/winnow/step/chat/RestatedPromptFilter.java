package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers that only give the prompt back: the answer's words (lower case, letters and digits) are a run of the
 * prompt's words covering at least {@code min_coverage} of them, with nothing added. An answer that quotes a
 * part of the prompt (an extracted sentence, a multiple-choice option, a corrected copy of a short input) is
 * not a restatement; answers shorter than {@code min_words} words are not judged.
 */
public final class RestatedPromptFilter extends TurnFilter {
  public static final String TYPE = "restated_prompt";

  public enum Reason implements ReasonCode {
    /** The answer is the prompt, or a stretch of it, again. */
    RESTATES_PROMPT;
  }

  public record Config(TurnScope turns, int minWords, double minCoverage) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"), p.getInt("min_words", 5, 1, 10_000),
          p.getDouble("min_coverage", 0.8, 0, 1));
      p.finish();
      return c;
    }
  }

  private final Config config;

  public RestatedPromptFilter(Config config) {
    super(config.turns());
    this.config = config;
  }

  @Override
  protected Finding check(String text, String prompt) {
    if (prompt.isEmpty() || text.length() > prompt.length() * 2 + 16) return null;
    List<String> answer = words(text);
    if (answer.size() < config.minWords()) return null;
    List<String> asked = words(prompt);
    if (answer.size() > asked.size() || answer.size() < config.minCoverage() * asked.size()) return null;
    if (java.util.Collections.indexOfSubList(asked, answer) < 0) return null;
    return new Finding(Reason.RESTATES_PROMPT, values("answer_words", answer.size(), "prompt_words", asked.size()));
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0, n = s.length(); i <= n; i++) {
      char c = i < n ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) w.append(Character.toLowerCase(c));
      else if (w.length() > 0) {
        out.add(w.toString());
        w.setLength(0);
      }
    }
    return out;
  }
}
