package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import io.winnow.text.IntBuffer;
import io.winnow.text.LongCounter;
import io.winnow.text.PyText;
import io.winnow.text.SpanDuplicates;
import io.winnow.text.WordSequenceHashes;
import java.util.Map;

/**
 * Gopher repetition rules: duplicated paragraphs and lines (by count and by characters), the most frequent
 * 2–4-gram's share of the text, and the share of characters in repeated 5–10-grams.
 *
 * <p>Nothing is copied out of the text, so the working set stays a small multiple of the document (a 30 MB
 * document used to need 45–50 times its size): paragraphs and lines are spans compared in place
 * ({@link SpanDuplicates}), and n-grams are never built as strings: {@link WordSequenceHashes} hashes any run
 * of words in O(1).
 */
public final class GopherRepetitionFilter implements Step {
  public static final String TYPE = "gopher_repetition";

  public enum Reason implements ReasonCode {
    DUP_PARA_FRAC, DUP_PARA_CHAR_FRAC, DUP_LINE_FRAC, DUP_LINE_CHAR_FRAC;
  }

  /** Reason for the most frequent n-gram rule, e.g. {@code top_2_gram}. */
  public static ReasonCode topNGram(int n) {
    return ReasonCode.of("top_" + n + "_gram");
  }

  /** Reason for the repeated n-grams rule, e.g. {@code duplicated_5_n_grams}. */
  public static ReasonCode duplicatedNGrams(int n) {
    return ReasonCode.of("duplicated_" + n + "_n_grams");
  }

  public record Config(Double dupLineFrac, Double dupParaFrac, Double dupLineCharFrac, Double dupParaCharFrac,
      Map<Integer, Double> topNGrams, Map<Integer, Double> dupNGrams) {
    public Config {
      topNGrams = Map.copyOf(topNGrams);
      dupNGrams = Map.copyOf(dupNGrams);
    }

    public static Config defaults() {
      return from(Params.empty(TYPE));
    }

    public static Config from(Params p) {
      Config c = new Config(
          p.optDouble("dup_line_frac", 0.3, 0, 1),
          p.optDouble("dup_para_frac", 0.3, 0, 1),
          p.optDouble("dup_line_char_frac", 0.2, 0, 1),
          p.optDouble("dup_para_char_frac", 0.2, 0, 1),
          p.getIntDoubleMap("top_n_grams", Map.of(2, 0.2, 3, 0.18, 4, 0.16), 1, 100),
          p.getIntDoubleMap("dup_n_grams", Map.of(5, 0.15, 6, 0.14, 7, 0.13, 8, 0.12, 9, 0.11, 10, 0.10), 1, 100));
      p.finish();
      return c;
    }
  }

  private final Config config;
  private final int[] topSizes;
  private final int[] dupSizes;
  private final WordSequenceHashes hashes = new WordSequenceHashes();
  private final LongCounter counts = new LongCounter();
  private final SpanDuplicates duplicates = new SpanDuplicates();
  private final IntBuffer starts = new IntBuffer();
  private final IntBuffer ends = new IntBuffer();

  public GopherRepetitionFilter(Config config) {
    this.config = config;
    this.topSizes = config.topNGrams().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.dupSizes = config.dupNGrams().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static boolean on(Double threshold) {
    return threshold != null && threshold != 0;
  }

  @Override
  public Verdict apply(Document doc) {
    try {
      return judge(doc);
    } finally {
      starts.release();
      ends.release();
      hashes.release();
      counts.release();
    }
  }

  private Verdict judge(Document doc) {
    Config c = config;
    String text = doc.text();
    int textLen = PyText.length(text);

    int b = 0;
    int e = text.length();
    while (b < e && PyText.isSpace(text.charAt(b))) b++; // the stripped text's bounds: no copy of it
    while (e > b && PyText.isSpace(text.charAt(e - 1))) e--;
    int paragraphs = splitOnNewlineRuns(text, b, e, 2);
    long[] dup = duplicates.count(text, starts.array(), ends.array(), paragraphs);
    if (on(c.dupParaFrac) && (double) dup[0] / paragraphs > c.dupParaFrac)
      return Verdict.drop(Reason.DUP_PARA_FRAC, values("dup_paragraphs", dup[0], "paragraphs", paragraphs));
    if (on(c.dupParaCharFrac) && textLen > 0 && (double) dup[1] / textLen > c.dupParaCharFrac)
      return Verdict.drop(Reason.DUP_PARA_CHAR_FRAC, values("dup_paragraph_chars", dup[1], "chars", textLen));

    int lines = splitOnNewlineRuns(text, 0, text.length(), 1);
    dup = duplicates.count(text, starts.array(), ends.array(), lines);
    if (on(c.dupLineFrac) && (double) dup[0] / lines > c.dupLineFrac)
      return Verdict.drop(Reason.DUP_LINE_FRAC, values("dup_lines", dup[0], "lines", lines));
    if (on(c.dupLineCharFrac) && textLen > 0 && (double) dup[1] / textLen > c.dupLineCharFrac)
      return Verdict.drop(Reason.DUP_LINE_CHAR_FRAC, values("dup_line_chars", dup[1], "chars", textLen));

    if (textLen == 0) return Verdict.keep();
    String[] words = doc.words();
    hashes.reset(words);
    for (int n : topSizes) {
      if (words.length < n) continue;
      long top = topNGramChars(words.length, n);
      double ratio = (double) top / textLen;
      if (ratio > c.topNGrams.get(n))
        return Verdict.drop(topNGram(n), values("top_ngram_char_ratio", ratio, "max", c.topNGrams.get(n)));
    }
    for (int n : dupSizes) {
      long repeated = repeatedNGramChars(words.length, n);
      double ratio = (double) repeated / textLen;
      if (ratio > c.dupNGrams.get(n))
        return Verdict.drop(duplicatedNGrams(n), values("dup_ngram_char_ratio", ratio, "max", c.dupNGrams.get(n)));
    }
    return Verdict.keep();
  }

  /** Characters of the most frequent n-gram times its count; ties go to the n-gram seen first. */
  private long topNGramChars(int nWords, int n) {
    int grams = nWords - n + 1;
    counts.reset(grams);
    int best = 0;
    for (int i = 0; i < grams; i++) best = Math.max(best, counts.increment(hashes.spaced(i, n)));
    for (int i = 0; i < grams; i++) {
      if (counts.count(hashes.spaced(i, n)) == best) return (long) hashes.spacedLength(i, n) * best;
    }
    return 0;
  }

  /** Characters in n-grams (joined without separator) that repeat an earlier one, skipping past each repeat. */
  private long repeatedNGramChars(int nWords, int n) {
    counts.reset(Math.max(0, nWords - n + 1));
    long repeated = 0;
    int i = 0;
    while (i < nWords - n + 1) {
      long h = hashes.plain(i, n);
      if (counts.increment(h) > 1) {
        repeated += hashes.plainLength(i, n);
        i += n;
      } else {
        i++;
      }
    }
    return repeated;
  }

  /**
   * {@code re.split("\n{min,}", text[from, to))} into {@link #starts}/{@link #ends}, returning the number of
   * parts: keeps empty leading and trailing parts, as Python does.
   */
  private int splitOnNewlineRuns(String s, int from, int to, int minRun) {
    starts.clear();
    ends.clear();
    int start = from;
    int i = from;
    while (i < to) {
      if (s.charAt(i) == '\n') {
        int j = i;
        while (j < to && s.charAt(j) == '\n') j++;
        if (j - i >= minRun) {
          starts.add(start);
          ends.add(i);
          start = j;
        }
        i = j;
      } else {
        i++;
      }
    }
    starts.add(start);
    ends.add(to);
    return starts.size();
  }
}
