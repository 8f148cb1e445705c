package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Measures;
import io.winnow.step.RuleFilter;
import io.winnow.text.IntBuffer;
import io.winnow.text.LongCounter;
import io.winnow.text.PyText;
import io.winnow.text.SpanDuplicates;
import io.winnow.text.WordSequenceHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gopher repetition rules: duplicated paragraphs and lines (by count and by characters), the most frequent
 * 2–4-gram's share of the text, and the share of characters in repeated 5–10-grams.
 *
 * <p>Nothing is copied out of the text, so the working set stays a small multiple of the document (a 30 MB
 * document used to need 45–50 times its size): paragraphs and lines are spans compared in place
 * ({@link SpanDuplicates}), and n-grams are never built as strings: {@link WordSequenceHashes} hashes any run
 * of words in O(1).
 */
public final class GopherRepetitionFilter extends RuleFilter {
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

  static final String PARAGRAPHS = "paragraphs", DUP_PARAGRAPHS = "dup_paragraphs",
      DUP_PARAGRAPH_CHARS = "dup_paragraph_chars", LINES = "lines", DUP_LINES = "dup_lines",
      DUP_LINE_CHARS = "dup_line_chars", CHARS = "chars";
  private static final Set<String> THRESHOLDS = Set.of("dup_line_frac", "dup_para_frac", "dup_line_char_frac",
      "dup_para_char_frac", "top_n_grams", "dup_n_grams");

  /** The figure of the most frequent n-gram rule, e.g. {@code top_2_gram_char_ratio}. */
  static String topNGramMeasure(int n) {
    return "top_" + n + "_gram_char_ratio";
  }

  /** The figure of the repeated n-grams rule, e.g. {@code dup_5_gram_char_ratio}. */
  static String dupNGramMeasure(int n) {
    return "dup_" + n + "_gram_char_ratio";
  }

  private final Config config;
  private final int[] topSizes;
  private final int[] dupSizes;
  /** The measures' names by index of topSizes and dupSizes, built once: they were concatenated at every lookup. */
  private final String[] topNames;
  private final String[] dupNames;
  private final List<String> measures;
  private final WordSequenceHashes hashes = new WordSequenceHashes();
  private final LongCounter counts = new LongCounter();
  private final SpanDuplicates duplicates = new SpanDuplicates();
  private final IntBuffer starts = new IntBuffer();
  private final IntBuffer ends = new IntBuffer();

  public GopherRepetitionFilter(Config config) {
    this(config, false);
  }

  public GopherRepetitionFilter(Config config, boolean annotate) {
    super(annotate);
    this.config = config;
    this.topSizes = config.topNGrams().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.dupSizes = config.dupNGrams().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    List<String> m = new ArrayList<>(List.of(PARAGRAPHS, DUP_PARAGRAPHS, DUP_PARAGRAPH_CHARS, CHARS, LINES, DUP_LINES, DUP_LINE_CHARS));
    topNames = java.util.Arrays.stream(topSizes).mapToObj(GopherRepetitionFilter::topNGramMeasure).toArray(String[]::new);
    dupNames = java.util.Arrays.stream(dupSizes).mapToObj(GopherRepetitionFilter::dupNGramMeasure).toArray(String[]::new);
    m.addAll(List.of(topNames));
    m.addAll(List.of(dupNames));
    this.measures = List.copyOf(m);
  }

  private static boolean on(Double threshold) {
    return threshold != null && threshold != 0;
  }

  @Override
  public List<String> measureNames() {
    return measures;
  }

  @Override
  public Set<String> thresholdKeys() {
    return THRESHOLDS;
  }

  @Override
  protected void afterDocument() {
    starts.release();
    ends.release();
    hashes.release();
    counts.release();
  }

  @Override
  protected Measures measure(Document doc, boolean all) {
    return new DocMeasures(doc);
  }

  @Override
  public Verdict decide(Measures m) {
    Config c = config;
    if (on(c.dupParaFrac) || on(c.dupParaCharFrac)) {
      long dupParas = m.get(DUP_PARAGRAPHS).longValue();
      int paragraphs = m.get(PARAGRAPHS).intValue();
      if (on(c.dupParaFrac) && (double) dupParas / paragraphs > c.dupParaFrac)
        return Verdict.drop(Reason.DUP_PARA_FRAC, values(DUP_PARAGRAPHS, dupParas, PARAGRAPHS, paragraphs));
      int textLen = m.get(CHARS).intValue();
      long dupChars = m.get(DUP_PARAGRAPH_CHARS).longValue();
      if (on(c.dupParaCharFrac) && textLen > 0 && (double) dupChars / textLen > c.dupParaCharFrac)
        return Verdict.drop(Reason.DUP_PARA_CHAR_FRAC, values(DUP_PARAGRAPH_CHARS, dupChars, CHARS, textLen));
    }
    if (on(c.dupLineFrac) || on(c.dupLineCharFrac)) {
      long dupLines = m.get(DUP_LINES).longValue();
      int lines = m.get(LINES).intValue();
      if (on(c.dupLineFrac) && (double) dupLines / lines > c.dupLineFrac)
        return Verdict.drop(Reason.DUP_LINE_FRAC, values(DUP_LINES, dupLines, LINES, lines));
      int textLen = m.get(CHARS).intValue();
      long dupChars = m.get(DUP_LINE_CHARS).longValue();
      if (on(c.dupLineCharFrac) && textLen > 0 && (double) dupChars / textLen > c.dupLineCharFrac)
        return Verdict.drop(Reason.DUP_LINE_CHAR_FRAC, values(DUP_LINE_CHARS, dupChars, CHARS, textLen));
    }
    for (int k = 0; k < topSizes.length; k++) {
      int n = topSizes[k];
      Number ratio = m.get(topNames[k]); // null for an empty text or fewer than n words
      if (ratio != null && ratio.doubleValue() > c.topNGrams.get(n))
        return Verdict.drop(topNGram(n), values("top_ngram_char_ratio", ratio, "max", c.topNGrams.get(n)));
    }
    for (int k = 0; k < dupSizes.length; k++) {
      int n = dupSizes[k];
      Number ratio = m.get(dupNames[k]);
      if (ratio != null && ratio.doubleValue() > c.dupNGrams.get(n))
        return Verdict.drop(duplicatedNGrams(n), values("dup_ngram_char_ratio", ratio, "max", c.dupNGrams.get(n)));
    }
    return null;
  }

  /** Paragraph and line figures are computed together when first asked for; each n-gram figure on its own. */
  private final class DocMeasures implements Measures {
    private final Document doc;
    private final String text;
    private final int textLen;
    private long[] paragraphs;
    private long[] lines;
    private boolean hashed;

    DocMeasures(Document doc) {
      this.doc = doc;
      this.text = doc.text();
      this.textLen = PyText.length(text);
    }

    @Override
    public Number get(String name) {
      switch (name) {
        case CHARS:
          return textLen;
        case PARAGRAPHS, DUP_PARAGRAPHS, DUP_PARAGRAPH_CHARS: {
          if (paragraphs == null) {
            int b = 0;
            int e = text.length();
            while (b < e && PyText.isSpace(text.charAt(b))) b++; // the stripped text's bounds: no copy of it
            while (e > b && PyText.isSpace(text.charAt(e - 1))) e--;
            int count = splitOnNewlineRuns(text, b, e, 2);
            long[] dup = duplicates.count(text, starts.array(), ends.array(), count);
            paragraphs = new long[] {count, dup[0], dup[1]};
          }
          return name.equals(PARAGRAPHS) ? (Number) (int) paragraphs[0] : name.equals(DUP_PARAGRAPHS) ? paragraphs[1] : paragraphs[2];
        }
        case LINES, DUP_LINES, DUP_LINE_CHARS: {
          if (lines == null) {
            int count = splitOnNewlineRuns(text, 0, text.length(), 1);
            long[] dup = duplicates.count(text, starts.array(), ends.array(), count);
            lines = new long[] {count, dup[0], dup[1]};
          }
          return name.equals(LINES) ? (Number) (int) lines[0] : name.equals(DUP_LINES) ? lines[1] : lines[2];
        }
        default:
          return ngrams(name);
      }
    }

    private Double ngrams(String name) {
      if (textLen == 0) return null;
      String[] words = doc.words();
      if (!hashed) {
        hashes.reset(words);
        hashed = true;
      }
      for (int k = 0; k < topSizes.length; k++) {
        int n = topSizes[k];
        if (!name.equals(topNames[k])) continue;
        return words.length < n ? null : (double) topNGramChars(words.length, n) / textLen;
      }
      for (int k = 0; k < dupSizes.length; k++) {
        if (name.equals(dupNames[k])) return (double) repeatedNGramChars(words.length, dupSizes[k]) / textLen;
      }
      throw new IllegalArgumentException("gopher_repetition measures no '" + name + "'");
    }
  }

  /**
   * Characters of the most frequent n-gram times its count; ties go to the n-gram seen first. One pass: the
   * counter remembers where each n-gram first occurred, so the leader is known when the pass ends.
   */
  private long topNGramChars(int nWords, int n) {
    int grams = nWords - n + 1;
    counts.reset(grams);
    int best = 0;
    int bestFirst = -1;
    for (int i = 0; i < grams; i++) {
      long countAndFirst = counts.increment(hashes.spaced(i, n), i);
      int count = (int) (countAndFirst >>> 32);
      int first = (int) countAndFirst;
      if (count > best || (count == best && first < bestFirst)) {
        best = count;
        bestFirst = first;
      }
    }
    return bestFirst < 0 ? 0 : (long) hashes.spacedLength(bestFirst, n) * best;
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
