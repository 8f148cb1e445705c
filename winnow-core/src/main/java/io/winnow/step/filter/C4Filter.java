package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Measures;
import io.winnow.step.RuleFilter;
import io.winnow.text.EnglishWordSplitter;
import io.winnow.text.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * C4's line-level cleaning rules (Raffel et al. 2020): lines without terminal punctuation, with too few words,
 * with a too-long word, mentioning javascript or a cookie/terms policy are removed; a page with "lorem ipsum" or
 * a curly bracket, or with fewer than 5 sentences left, is dropped. A kept page whose text changed is a MODIFY.
 * The FineWeb variant sets {@code filter_no_terminal_punct: false}.
 */
public final class C4Filter extends RuleFilter {
  public static final String TYPE = "c4";

  public enum Reason implements ReasonCode {
    LOREM_IPSUM, CURLY_BRACKET, TOO_FEW_SENTENCES,
    /** A kept page lost lines (a MODIFY reason, not a drop). */
    LINES_REMOVED;
  }

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");
  private static final String[] POLICY = {
    "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"};

  public record Config(boolean splitParagraph, boolean removeCitations, boolean filterNoTerminalPunct,
      int minNumSentences, int minWordsPerLine, int maxWordLength, boolean filterLoremIpsum,
      boolean filterJavascript, boolean filterCurlyBracket, boolean filterPolicy) {

    public static Config defaults() {
      return from(Params.empty(TYPE));
    }

    public static Config from(Params p) {
      Config c = new Config(
          p.getBool("split_paragraph", true),
          p.getBool("remove_citations", true),
          p.getBool("filter_no_terminal_punct", true),
          p.getInt("min_num_sentences", 5, -1, Integer.MAX_VALUE),
          p.getInt("min_words_per_line", 3, 0, Integer.MAX_VALUE),
          p.getInt("max_word_length", 1000, -1, Integer.MAX_VALUE),
          p.getBool("filter_lorem_ipsum", true),
          p.getBool("filter_javascript", true),
          p.getBool("filter_curly_bracket", true),
          p.getBool("filter_policy", true));
      p.finish();
      return c;
    }
  }

  /** The word splitter is fetched where sentences are counted, not here: refilter builds this filter only to decide. */
  private final Config config;

  public C4Filter(Config config) {
    this(config, false);
  }

  static final String LOREM_IPSUM_LINE = "lorem_ipsum_line", CURLY_BRACKET_LINE = "curly_bracket_line",
      SENTENCES = "sentences", LINES_REMOVED = "lines_removed";
  private static final List<String> MEASURES = List.of(LOREM_IPSUM_LINE, CURLY_BRACKET_LINE, SENTENCES, LINES_REMOVED);
  /** Every other parameter changes which lines survive, so the text the next steps see. */
  private static final Set<String> THRESHOLDS = Set.of("min_num_sentences");

  public C4Filter(Config config, boolean annotate) {
    super(annotate);
    this.config = config;
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
  public Verdict decide(Measures m) {
    Number lorem = m.get(LOREM_IPSUM_LINE);
    if (lorem != null) return Verdict.drop(Reason.LOREM_IPSUM, values("line", lorem));
    Number curly = m.get(CURLY_BRACKET_LINE);
    if (curly != null) return Verdict.drop(Reason.CURLY_BRACKET, values("line", curly));
    int sentences = m.get(SENTENCES).intValue();
    if (sentences < config.minNumSentences)
      return Verdict.drop(Reason.TOO_FEW_SENTENCES, values(SENTENCES, sentences, "min", config.minNumSentences));
    return null;
  }

  @Override
  protected Verdict pass(Document doc, Measures m, Map<String, Object> recorded) {
    Cleaned c = (Cleaned) m;
    if (c.text == null) return Verdict.keep(recorded); // a page rule fired (annotate mode): the text stays as it was
    Verdict v = Verdict.modify(c.text, Reason.LINES_REMOVED,
        recorded != null ? recorded : values(LINES_REMOVED, c.removed, SENTENCES, c.sentences));
    return c.words == null ? v : v.withWords(c.words.toArray(new String[0]));
  }

  /** The cleaning pass's outcome: its figures and the cleaned text (null when a page rule stopped it). */
  private static final class Cleaned implements Measures {
    Integer loremLine;
    Integer curlyLine;
    int sentences;
    int removed;
    String text;
    /** The cleaned text's words (those of its kept lines, in order), or null when not gathered. */
    List<String> words;

    @Override
    public Number get(String name) {
      return switch (name) {
        case LOREM_IPSUM_LINE -> loremLine;
        case CURLY_BRACKET_LINE -> curlyLine;
        case SENTENCES -> sentences;
        case LINES_REMOVED -> removed;
        default -> throw new IllegalArgumentException("c4 measures no '" + name + "'");
      };
    }
  }

  /**
   * Cleans the page line by line, as the reference does, and stops at the first line that condemns the whole page
   * (lorem ipsum, a curly bracket). Sentences are counted when a minimum is set, and always in annotate mode.
   */
  @Override
  protected Measures measure(Document doc, boolean all) {
    Config c = config;
    Cleaned out = new Cleaned();
    boolean countSentences = all || c.minNumSentences != -1;
    // split_paragraph=false works on sentences of the whole text instead of lines, as the reference does
    String text = doc.text();
    List<String> lines = c.splitParagraph ? doc.lines() : EnglishWordSplitter.get().sentences(text);
    int[] spans = c.splitParagraph ? PyText.lineSpans(text) : null;
    int sentences = 0;
    int removed = 0;
    List<String> kept = new ArrayList<>(lines.size());
    // The cleaned text is the kept lines joined by newlines: its words are the kept lines' words, which the
    // document's tokens already hold (tokens never cross a line break), so the next step need not split it.
    List<String> words = c.splitParagraph ? new ArrayList<>() : null;
    for (int li = 0; li < lines.size(); li++) {
      String raw = lines.get(li);
      String line = PyText.strip(raw);
      // Words are counted and measured in place (as line.split() would give them), in one pass for both rules,
      // on the line before citations are removed, as the reference does: copying every word of every line only
      // to count them was a good part of this step's time.
      int wordCount = c.maxWordLength != -1 || c.minWordsPerLine > 0 ? countWords(line, c.maxWordLength) : 0;
      if (c.maxWordLength != -1 && wordCount < 0) {
        removed++;
        continue;
      }
      boolean cited = false;
      if (c.removeCitations && line.indexOf('[') >= 0) {
        String uncited = CITATION.matcher(line).replaceAll("");
        cited = !uncited.equals(line);
        line = uncited;
      }
      if (c.filterNoTerminalPunct && (!endsWithTerminal(line) || line.endsWith("..."))) {
        removed++;
        continue;
      }
      if (c.minWordsPerLine > 0 && wordCount < c.minWordsPerLine) {
        removed++;
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (c.filterLoremIpsum && lower.contains("lorem ipsum")) {
        out.loremLine = kept.size() + removed;
        break;
      }
      if (c.filterJavascript && lower.contains("javascript")) {
        removed++;
        continue;
      }
      if (c.filterCurlyBracket && line.indexOf('{') >= 0) {
        out.curlyLine = kept.size() + removed;
        break;
      }
      if (c.filterPolicy && containsPolicy(lower)) {
        removed++;
        continue;
      }
      if (countSentences) {
        sentences += !c.splitParagraph ? 1 : cited ? EnglishWordSplitter.get().sentenceCount(line) : lineSentences(doc, spans, li);
      }
      if (words != null) {
        if (cited) words.addAll(java.util.Arrays.asList(EnglishWordSplitter.get().words(line)));
        else lineWords(doc, spans, li, words);
      }
      kept.add(line);
    }
    out.sentences = sentences;
    out.removed = removed;
    if (out.loremLine == null && out.curlyLine == null) {
      out.text = PyText.strip(String.join(c.splitParagraph ? "\n" : " ", kept));
      out.words = words;
    }
    return out;
  }

  /**
   * Sentences of the stripped line {@code li}, counted on the document's memoised tokens: tokens never cross a
   * line break, so the line's tokens are the document's tokens inside its bounds.
   */
  private int lineSentences(Document doc, int[] spans, int li) {
    long b = strippedLine(doc.text(), spans, li);
    return EnglishWordSplitter.get().sentenceCount(doc.tokens(), (int) (b >>> 32), (int) b);
  }

  /** Adds the words of the stripped line {@code li}, taken from the document's memoised tokens. */
  private static void lineWords(Document doc, int[] spans, int li, List<String> out) {
    long b = strippedLine(doc.text(), spans, li);
    EnglishWordSplitter.words(doc.tokens(), (int) (b >>> 32), (int) b, out);
  }

  /** Bounds of line {@code li} without its leading and trailing whitespace: start in the high half, end in the low. */
  private static long strippedLine(String text, int[] spans, int li) {
    int from = spans[2 * li];
    int to = spans[2 * li + 1];
    while (from < to && PyText.isSpace(text.charAt(from))) from++;
    while (to > from && PyText.isSpace(text.charAt(to - 1))) to--;
    return ((long) from << 32) | to;
  }

  /**
   * The whitespace-separated words of {@code line} (as {@code line.split()} gives them), or -1 when one is
   * longer than {@code max} code points ({@code max} -1: no limit). One pass serves both line rules.
   */
  private static int countWords(String line, int max) {
    int n = line.length();
    int words = 0;
    int i = 0;
    while (i < n) {
      while (i < n && PyText.isSpace(line.charAt(i))) i++;
      if (i == n) break;
      int start = i;
      while (i < n && !PyText.isSpace(line.charAt(i))) i++;
      words++;
      if (max != -1 && i - start > max && line.codePointCount(start, i) > max) return -1;
    }
    return words;
  }

  private static boolean endsWithTerminal(String line) {
    if (line.isEmpty()) return false;
    char last = line.charAt(line.length() - 1);
    return last == '.' || last == '?' || last == '!' || last == '"' || last == '\'';
  }

  private static boolean containsPolicy(String lower) {
    for (String p : POLICY) if (lower.contains(p)) return true;
    return false;
  }
}
