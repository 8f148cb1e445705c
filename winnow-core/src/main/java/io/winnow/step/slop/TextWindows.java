package io.winnow.step.slop;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into windows of whole sentences, {@value #MIN_WORDS}–{@value #MAX_WORDS} words each, with lengths
 * drawn from one distribution for every text, human or machine. A detector trained on whole texts learns their
 * lengths (every machine text of the old training set was short, so long text looked human); trained and scored
 * on windows of the same lengths, length carries no signal. Texts shorter than a window are one window.
 *
 * <p>The draw is seeded by the text's group, so cutting is deterministic and the human and machine texts of
 * one prompt are cut alike.
 */
final class TextWindows {
  static final int MIN_WORDS = 100;
  static final int MAX_WORDS = 400;
  /** Windows kept per training text, evenly spread over it, so long texts do not outweigh short ones. */
  static final int MAX_PER_TEXT = 4;

  private TextWindows() {}

  /** Every window of {@code text}, in order (for scoring a long document). */
  static List<String> cut(String text, long seed) {
    List<int[]> sentences = sentences(text);
    List<String> out = new ArrayList<>();
    long state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    int target = MIN_WORDS + (int) Long.remainderUnsigned(state = next(state), MAX_WORDS - MIN_WORDS + 1);
    int start = -1;
    int end = 0;
    int words = 0;
    for (int[] s : sentences) {
      if (start < 0) start = s[0];
      end = s[1];
      words += s[2];
      if (words >= target) {
        out.add(text.substring(start, end).strip());
        start = -1;
        words = 0;
        target = MIN_WORDS + (int) Long.remainderUnsigned(state = next(state), MAX_WORDS - MIN_WORDS + 1);
      }
    }
    if (start >= 0 && (out.isEmpty() || words >= MIN_WORDS)) out.add(text.substring(start, end).strip());
    out.removeIf(String::isEmpty);
    return out;
  }

  /** The windows a document is scored by: itself when it is no longer than a window, else all its windows. */
  static List<String> cutForScoring(String text) {
    if (wordsAtMost(text, MAX_WORDS)) return List.of(text);
    return cut(text, 0);
  }

  private static boolean wordsAtMost(String text, int max) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord && ++words > max) return false;
      inWord = !space;
    }
    return true;
  }

  /** At most {@link #MAX_PER_TEXT} windows, evenly spread: what a training text contributes. */
  static List<String> sample(String text, long seed) {
    List<String> all = cut(text, seed);
    if (all.size() <= MAX_PER_TEXT) return all;
    List<String> out = new ArrayList<>(MAX_PER_TEXT);
    for (int i = 0; i < MAX_PER_TEXT; i++) out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (MAX_PER_TEXT - 1))));
    return out;
  }

  /**
   * Every labelled text as its windows, each keeping the text's labels and group. Texts shorter than the
   * step's {@code min_words} are left out: the step never scores them, so they would only teach noise.
   */
  static List<LabelledText> windows(List<LabelledText> texts) {
    List<LabelledText> out = new ArrayList<>();
    for (LabelledText t : texts) {
      if (wordsAtMost(t.text(), DetectorEvaluation.MIN_WORDS - 1)) continue;
      List<String> w = sample(t.text(), t.group().hashCode());
      for (int i = 0; i < w.size(); i++) {
        out.add(new LabelledText(w.get(i), t.machine(), t.domain(), t.generator(), t.group(), t.source() + (w.size() > 1 ? " window " + i : "")));
      }
    }
    return out;
  }

  /**
   * Sentence spans {start, end, words}: a sentence ends after . ! ? or … (and closing quotes or brackets) before
   * white space, at a blank line, and in any case after {@value #MAX_WORDS} words (text without punctuation).
   */
  static List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean space = Character.isWhitespace(c);
      if (!space && !inWord) words++;
      inWord = !space;
      boolean end = false;
      if (c == '.' || c == '!' || c == '?' || c == '…') {
        int j = i + 1;
        while (j < n && "\"'”’)]»".indexOf(text.charAt(j)) >= 0) j++;
        if (j == n || Character.isWhitespace(text.charAt(j))) {
          i = j - 1;
          end = true;
        }
      } else if (c == '\n' && i + 1 < n && text.charAt(i + 1) == '\n') {
        end = true;
      } else if (space && words >= MAX_WORDS) {
        end = true;
      }
      if (end && words > 0) {
        out.add(new int[] {start, i + 1, words});
        start = i + 1;
        words = 0;
        inWord = false;
      }
    }
    if (words > 0) out.add(new int[] {start, n, words});
    return out;
  }

  private static long next(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    return x ^ (x >>> 33);
  }
}
