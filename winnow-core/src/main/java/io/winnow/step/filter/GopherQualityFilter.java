package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
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
public final class GopherQualityFilter implements Step {
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

  private final Config config;

  public GopherQualityFilter(Config config) {
    this.config = config;
  }

  private static boolean on(Number threshold) {
    return threshold != null && threshold.doubleValue() != 0;
  }

  @Override
  public Verdict apply(Document doc) {
    Config c = config;
    String text = doc.text();
    String[] words = doc.words();
    int nWords = words.length;
    int nonSymbol = 0;
    long nonSymbolChars = 0;
    for (String w : words) {
      if (!Punctuation.isAllPunctuationSet(w)) {
        nonSymbol++;
        nonSymbolChars += w.codePointCount(0, w.length());
      }
    }
    if (on(c.minDocWords) && nonSymbol < c.minDocWords)
      return Verdict.drop(Reason.GOPHER_SHORT_DOC, values("non_symbol_words", nonSymbol, "min", c.minDocWords));
    if (on(c.maxDocWords) && nonSymbol > c.maxDocWords)
      return Verdict.drop(Reason.GOPHER_LONG_DOC, values("non_symbol_words", nonSymbol, "max", c.maxDocWords));
    if (nonSymbol > 0) { // the reference's mean of nothing is NaN, which fails no comparison
      double avg = (double) nonSymbolChars / nonSymbol;
      if (on(c.minAvgWordLength) && avg < c.minAvgWordLength)
        return Verdict.drop(Reason.GOPHER_BELOW_AVG_THRESHOLD, values("avg_word_length", avg, "min", c.minAvgWordLength));
      if (on(c.maxAvgWordLength) && avg > c.maxAvgWordLength)
        return Verdict.drop(Reason.GOPHER_ABOVE_AVG_THRESHOLD, values("avg_word_length", avg, "max", c.maxAvgWordLength));
    }
    if (nWords > 0 && on(c.maxSymbolWordRatio)) {
      double hashes = (double) PyText.count(text, '#') / nWords;
      if (hashes > c.maxSymbolWordRatio)
        return Verdict.drop(Reason.GOPHER_TOO_MANY_HASHES, values("hash_word_ratio", hashes, "max", c.maxSymbolWordRatio));
      double ellipsis = (double) (PyText.count(text, "...") + PyText.count(text, '…')) / nWords;
      if (ellipsis > c.maxSymbolWordRatio)
        return Verdict.drop(Reason.GOPHER_TOO_MANY_ELLIPSIS, values("ellipsis_word_ratio", ellipsis, "max", c.maxSymbolWordRatio));
    }
    List<String> lines = doc.lines();
    if (!lines.isEmpty()) {
      if (on(c.maxBulletLinesRatio)) {
        int bullets = 0;
        for (String line : lines) {
          String s = PyText.lstrip(line);
          if (s.startsWith("•") || s.startsWith("-")) bullets++;
        }
        double ratio = (double) bullets / lines.size();
        if (ratio > c.maxBulletLinesRatio)
          return Verdict.drop(Reason.GOPHER_TOO_MANY_BULLETS, values("bullet_lines_ratio", ratio, "max", c.maxBulletLinesRatio));
      }
      if (on(c.maxEllipsisLinesRatio)) {
        int ellipsisLines = 0;
        for (String line : lines) {
          String s = PyText.rstrip(line);
          if (s.endsWith("...") || s.endsWith("…")) ellipsisLines++;
        }
        double ratio = (double) ellipsisLines / lines.size();
        if (ratio > c.maxEllipsisLinesRatio)
          return Verdict.drop(Reason.GOPHER_TOO_MANY_END_ELLIPSIS, values("ellipsis_lines_ratio", ratio, "max", c.maxEllipsisLinesRatio));
      }
    }
    if (nWords > 0 && on(c.maxNonAlphaWordsRatio)) {
      int alpha = 0;
      for (String w : words) if (PyText.hasAlpha(w)) alpha++;
      double ratio = (double) alpha / nWords;
      if (ratio < c.maxNonAlphaWordsRatio)
        return Verdict.drop(Reason.GOPHER_BELOW_ALPHA_THRESHOLD, values("alpha_words_ratio", ratio, "min", c.maxNonAlphaWordsRatio));
    }
    if (on(c.minStopWords)) {
      Set<String> seen = new HashSet<>();
      for (String w : words) {
        if (c.stopWords.contains(w) && seen.add(w) && seen.size() >= c.minStopWords) break;
      }
      if (seen.size() < c.minStopWords)
        return Verdict.drop(Reason.GOPHER_ENOUGH_STOP_WORDS, values("stop_words", seen.size(), "min", c.minStopWords));
    }
    return Verdict.keep();
  }
}
