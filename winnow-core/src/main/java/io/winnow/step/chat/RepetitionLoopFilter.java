package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import java.util.Locale;

/**
 * Generation stuck in a loop: the same line over and over, or a run of words repeating back to back. Choruses
 * and refrains (a line twice or three times, apart) are not loops; code is ignored.
 *
 * <ul>
 *   <li>{@code line_loop}: a line of at least {@code min_line_words} words occurs {@code min_line_repeats} times
 *       in a row (the same line a few times apart is a refrain, a table or a schema, not a loop);
 *   <li>{@code phrase_loop}: a sequence of 1 to {@code max_period} words repeats back to back until the repeats
 *       cover at least {@code min_loop_words} words and four periods.
 * </ul>
 */
public final class RepetitionLoopFilter extends TurnFilter {
  public static final String TYPE = "repetition_loop";

  public enum Reason implements ReasonCode {
    LINE_LOOP, PHRASE_LOOP;
  }

  public record Config(TurnScope turns, int minLineWords, int minLineRepeats, int maxPeriod, int minLoopWords) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"), p.getInt("min_line_words", 4, 1, 1000),
          p.getInt("min_line_repeats", 4, 2, 1000), p.getInt("max_period", 40, 1, 1000), p.getInt("min_loop_words", 24, 2, 100_000));
      p.finish();
      return c;
    }
  }

  private final Config config;
  private int[] hashes = new int[256];

  public RepetitionLoopFilter(Config config) {
    super(config.turns());
    this.config = config;
  }

  @Override
  protected Finding check(String text, String prompt) {
    String prose = text.indexOf('`') >= 0 || text.indexOf("~~~") >= 0 ? CodeFences.prose(text) : text;
    Finding f = lineLoop(prose);
    return f != null ? f : phraseLoop(prose);
  }

  private Finding lineLoop(String prose) {
    if (prose.indexOf('\n') < 0) return null;
    String previous = null;
    int inARow = 0;
    for (String raw : prose.split("\n")) {
      String line = raw.strip().toLowerCase(Locale.ROOT);
      if (line.isEmpty()) continue;
      if (words(line) < config.minLineWords()) {
        previous = null;
        continue;
      }
      inARow = line.equals(previous) ? inARow + 1 : 1;
      previous = line;
      if (inARow >= config.minLineRepeats()) return new Finding(Reason.LINE_LOOP, values("line", cut(raw), "repeats", inARow));
    }
    return null;
  }

  private Finding phraseLoop(String prose) {
    int n = wordHashes(prose);
    int maxPeriod = Math.min(config.maxPeriod(), n / 4);
    for (int p = 1; p <= maxPeriod; p++) {
      int run = 0;
      for (int i = 0; i + p < n; i++) {
        if (hashes[i] == hashes[i + p]) {
          run++;
          // run equal positions = the period repeated (run / p + 1) times over run + p words
          if (run >= 3 * p && run + p >= config.minLoopWords()) {
            return new Finding(Reason.PHRASE_LOOP, values("period_words", p, "loop_words", run + p, "at_word", i + p - run));
          }
        } else {
          run = 0;
        }
      }
    }
    return null;
  }

  /** Hashes of the lower-cased words (letters and digits) into {@link #hashes}; returns their count. */
  private int wordHashes(String s) {
    int n = 0;
    int h = 0;
    boolean in = false;
    for (int i = 0, len = s.length(); i <= len; i++) {
      char c = i < len ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        h = 31 * h + Character.toLowerCase(c);
        in = true;
      } else if (in) {
        if (n == hashes.length) hashes = java.util.Arrays.copyOf(hashes, n * 2);
        hashes[n++] = h;
        h = 0;
        in = false;
      }
    }
    return n;
  }

  private static int words(String line) {
    int w = 0;
    boolean in = false;
    for (int i = 0; i < line.length(); i++) {
      boolean space = Character.isWhitespace(line.charAt(i));
      if (!space && !in) w++;
      in = !space;
    }
    return w;
  }
}
