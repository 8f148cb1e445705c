package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Measures;
import io.winnow.step.RuleFilter;
import io.winnow.text.PyText;
import io.winnow.text.Punctuation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gopher quality rules (Rae et al. 2021, as in the FineWeb pipeline): document length in words, mean word
 * length, hash and ellipsis ratios, bullet and trailing-ellipsis line ratios, share of words with a letter, and
 * stop words. The first failing rule decides. See docs/STEPS.md and the conformance spec.
 */
public final class GopherQualityFilter extends RuleFilter {
  public static final String TYPE = "gopher_quality";

  public enum Reason implements ReasonCode {
    GOPHER_SHORT_DOC, GOPHER_LONG_DOC, GOPHER_BELOW_AVG_THRESHOLD, GOPHER_ABOVE_AVG_THRESHOLD,
    GOPHER_TOO_MANY_HASHES, GOPHER_TOO_MANY_ELLIPSIS, GOPHER_TOO_MANY_BULLETS, GOPHER_TOO_MANY_END_ELLIPSIS,
    GOPHER_BELOW_ALPHA_THRESHOLD,
    /** Too FEW distinct stop words; the name is the reference's, kept so counts compare one to one. */
    GOPHER_ENOUGH_STOP_WORDS;
  }

  /** Thresholds; a null threshold disables its rule (as does 0, as in the reference). */
  public record Config(Integer minDocWords, Integer maxDocWords, Double minAvgWordLength,
      Double maxAvgWordLength, Double maxSymbolWordRatio, Double maxBulletLinesRatio,
      Double maxEllipsisLinesRatio, Double maxNonAlphaWordsRatio, Integer minStopWords, Set<String> stopWords) {
    public Config {
      stopWords = Set.copyOf(stopWords);
      if (minDocWords != null && maxDocWords != null && minDocWords > maxDocWords)
        throw new IllegalArgumentException("min_doc_words (" + minDocWords + ") > max_doc_words (" + maxDocWords + ")");
    }

    public static Config defaults() {
      return from(Params.empty(TYPE));
    }

    public static Config from(Params p) {
      Config c = new Config(
          p.optInt("min_doc_words", 50, 0, Integer.MAX_VALUE),
          p.optInt("max_doc_words", 100_000, 0, Integer.MAX_VALUE),
          p.optDouble("min_avg_word_length", 3.0, 0, 1000),
          p.optDouble("max_avg_word_length", 10.0, 0, 1000),
          p.optDouble("max_symbol_word_ratio", 0.1, 0, 1e9),
          p.optDouble("max_bullet_lines_ratio", 0.9, 0, 1),
          p.optDouble("max_ellipsis_lines_ratio", 0.3, 0, 1),
          p.optDouble("max_non_alpha_words_ratio", 0.8, 0, 1),
          p.optInt("min_stop_words", 2, 0, Integer.MAX_VALUE),
          Set.copyOf(p.getStrings("stop_words", List.of("the", "be", "to", "of", "and", "that", "have", "with"))));
      p.finish();
      return c;
    }
  }

  static final String NON_SYMBOL_WORDS = "non_symbol_words", AVG_WORD_LENGTH = "avg_word_length",
      HASH_WORD_RATIO = "hash_word_ratio", ELLIPSIS_WORD_RATIO = "ellipsis_word_ratio",
      BULLET_LINES_RATIO = "bullet_lines_ratio", ELLIPSIS_LINES_RATIO = "ellipsis_lines_ratio",
      ALPHA_WORDS_RATIO = "alpha_words_ratio", STOP_WORDS = "stop_words";
  private static final List<String> MEASURES = List.of(NON_SYMBOL_WORDS, AVG_WORD_LENGTH, HASH_WORD_RATIO,
      ELLIPSIS_WORD_RATIO, BULLET_LINES_RATIO, ELLIPSIS_LINES_RATIO, ALPHA_WORDS_RATIO, STOP_WORDS);
  private static final Set<String> THRESHOLDS = Set.of("min_doc_words", "max_doc_words", "min_avg_word_length",
      "max_avg_word_length", "max_symbol_word_ratio", "max_bullet_lines_ratio", "max_ellipsis_lines_ratio",
      "max_non_alpha_words_ratio", "min_stop_words");

  private final Config config;

  public GopherQualityFilter(Config config) {
    this(config, false);
  }

  public GopherQualityFilter(Config config, boolean annotate) {
    super(annotate);
    this.config = config;
  }

  private static boolean on(Number threshold) {
    return threshold != null && threshold.doubleValue() != 0;
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
    return new DocMeasures(doc, all);
  }

  @Override
  public Verdict decide(Measures m) {
    Config c = config;
    if (on(c.minDocWords) || on(c.maxDocWords)) {
      int nonSymbol = m.get(NON_SYMBOL_WORDS).intValue();
      if (on(c.minDocWords) && nonSymbol < c.minDocWords)
        return Verdict.drop(Reason.GOPHER_SHORT_DOC, values(NON_SYMBOL_WORDS, nonSymbol, "min", c.minDocWords));
      if (on(c.maxDocWords) && nonSymbol > c.maxDocWords)
        return Verdict.drop(Reason.GOPHER_LONG_DOC, values(NON_SYMBOL_WORDS, nonSymbol, "max", c.maxDocWords));
    }
    if (on(c.minAvgWordLength) || on(c.maxAvgWordLength)) {
      Number avgWords = m.get(AVG_WORD_LENGTH); // the reference's mean of nothing is NaN, which fails no comparison
      if (avgWords != null) {
        double avg = avgWords.doubleValue();
        if (on(c.minAvgWordLength) && avg < c.minAvgWordLength)
          return Verdict.drop(Reason.GOPHER_BELOW_AVG_THRESHOLD, values(AVG_WORD_LENGTH, avg, "min", c.minAvgWordLength));
        if (on(c.maxAvgWordLength) && avg > c.maxAvgWordLength)
          return Verdict.drop(Reason.GOPHER_ABOVE_AVG_THRESHOLD, values(AVG_WORD_LENGTH, avg, "max", c.maxAvgWordLength));
      }
    }
    if (on(c.maxSymbolWordRatio)) {
      Number hashes = m.get(HASH_WORD_RATIO); // null without words
      if (hashes != null && hashes.doubleValue() > c.maxSymbolWordRatio)
        return Verdict.drop(Reason.GOPHER_TOO_MANY_HASHES, values(HASH_WORD_RATIO, hashes, "max", c.maxSymbolWordRatio));
      Number ellipsis = m.get(ELLIPSIS_WORD_RATIO);
      if (ellipsis != null && ellipsis.doubleValue() > c.maxSymbolWordRatio)
        return Verdict.drop(Reason.GOPHER_TOO_MANY_ELLIPSIS, values(ELLIPSIS_WORD_RATIO, ellipsis, "max", c.maxSymbolWordRatio));
    }
    if (on(c.maxBulletLinesRatio)) {
      Number ratio = m.get(BULLET_LINES_RATIO); // null without lines
      if (ratio != null && ratio.doubleValue() > c.maxBulletLinesRatio)
        return Verdict.drop(Reason.GOPHER_TOO_MANY_BULLETS, values(BULLET_LINES_RATIO, ratio, "max", c.maxBulletLinesRatio));
    }
    if (on(c.maxEllipsisLinesRatio)) {
      Number ratio = m.get(ELLIPSIS_LINES_RATIO);
      if (ratio != null && ratio.doubleValue() > c.maxEllipsisLinesRatio)
        return Verdict.drop(Reason.GOPHER_TOO_MANY_END_ELLIPSIS, values(ELLIPSIS_LINES_RATIO, ratio, "max", c.maxEllipsisLinesRatio));
    }
    if (on(c.maxNonAlphaWordsRatio)) {
      Number ratio = m.get(ALPHA_WORDS_RATIO);
      if (ratio != null && ratio.doubleValue() < c.maxNonAlphaWordsRatio)
        return Verdict.drop(Reason.GOPHER_BELOW_ALPHA_THRESHOLD, values(ALPHA_WORDS_RATIO, ratio, "min", c.maxNonAlphaWordsRatio));
    }
    if (on(c.minStopWords)) {
      int stop = m.get(STOP_WORDS).intValue();
      if (stop < c.minStopWords)
        return Verdict.drop(Reason.GOPHER_ENOUGH_STOP_WORDS, values(STOP_WORDS, stop, "min", c.minStopWords));
    }
    return null;
  }

  /** The figures of one document, each computed when first asked for. */
  private final class DocMeasures implements Measures {
    private final Document doc;
    private final boolean all;
    private Integer nonSymbol;
    private Double avgWordLength;

    DocMeasures(Document doc, boolean all) {
      this.doc = doc;
      this.all = all;
    }

    @Override
    public Number get(String name) {
      String[] words = doc.words();
      int nWords = words.length;
      switch (name) {
        case NON_SYMBOL_WORDS, AVG_WORD_LENGTH -> {
          if (nonSymbol == null) countNonSymbol(words);
          return name.equals(NON_SYMBOL_WORDS) ? (Number) nonSymbol : (Number) avgWordLength;
        }
        case HASH_WORD_RATIO -> {
          return nWords == 0 ? null : (Double) ((double) PyText.count(doc.text(), '#') / nWords);
        }
        case ELLIPSIS_WORD_RATIO -> {
          String text = doc.text();
          return nWords == 0 ? null : (Double) ((double) (PyText.count(text, "...") + PyText.count(text, '\u2026')) / nWords);
        }
        case BULLET_LINES_RATIO -> {
          List<String> lines = doc.lines();
          if (lines.isEmpty()) return null;
          int bullets = 0;
          for (String line : lines) {
            String s = PyText.lstrip(line);
            if (s.startsWith("\u2022") || s.startsWith("-")) bullets++;
          }
          return (double) bullets / lines.size();
        }
        case ELLIPSIS_LINES_RATIO -> {
          List<String> lines = doc.lines();
          if (lines.isEmpty()) return null;
          int ellipsisLines = 0;
          for (String line : lines) {
            String s = PyText.rstrip(line);
            if (s.endsWith("...") || s.endsWith("\u2026")) ellipsisLines++;
          }
          return (double) ellipsisLines / lines.size();
        }
        case ALPHA_WORDS_RATIO -> {
          if (nWords == 0) return null;
          int alpha = 0;
          for (String w : words) if (PyText.hasAlpha(w)) alpha++;
          return (double) alpha / nWords;
        }
        case STOP_WORDS -> {
          // judging needs only to know whether min_stop_words are reached; annotate mode counts them all
          int enough = all || config.minStopWords == null ? Integer.MAX_VALUE : config.minStopWords;
          Set<String> seen = new HashSet<>();
          for (String w : words) {
            if (config.stopWords.contains(w) && seen.add(w) && seen.size() >= enough) break;
          }
          return seen.size();
        }
        default -> throw new IllegalArgumentException("gopher_quality measures no '" + name + "'");
      }
    }

    private void countNonSymbol(String[] words) {
      int n = 0;
      long chars = 0;
      for (String w : words) {
        if (!Punctuation.isAllPunctuationSet(w)) {
          n++;
          chars += w.codePointCount(0, w.length());
        }
      }
      nonSymbol = n;
      avgWordLength = n > 0 ? (double) chars / n : null;
    }
  }
}
