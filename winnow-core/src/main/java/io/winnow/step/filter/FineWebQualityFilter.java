package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Measures;
import io.winnow.step.RuleFilter;
import io.winnow.text.IntBuffer;
import io.winnow.text.PyText;
import io.winnow.text.Punctuation;
import io.winnow.text.SpanDuplicates;
import java.util.List;
import java.util.Set;

/**
 * FineWeb's own quality rules: share of lines ending in terminal punctuation, share of short lines, characters
 * in duplicated lines, and newlines per word (list-like pages).
 */
public final class FineWebQualityFilter extends RuleFilter {
  public static final String TYPE = "fineweb_quality";

  public enum Reason implements ReasonCode {
    EMPTY, LINE_PUNCT_RATIO, SHORT_LINE_RATIO, CHAR_DUP_RATIO, LIST_RATIO;
  }

  /** {@code stopChars} null means TERMINAL_PUNCTUATION. */
  public record Config(double linePunctThr, boolean linePunctExcludeZero, String stopChars,
      double shortLineThr, int shortLineLength, double charDuplicatesRatio, double newLineRatio) {

    public static Config defaults() {
      return from(Params.empty(TYPE));
    }

    public static Config from(Params p) {
      Config c = new Config(
          p.getDouble("line_punct_thr", 0.12, 0, 1),
          p.getBool("line_punct_exclude_zero", false),
          p.getString("stop_chars", null),
          p.getDouble("short_line_thr", 0.67, 0, 1),
          p.getInt("short_line_length", 30, 0, Integer.MAX_VALUE),
          p.getDouble("char_duplicates_ratio", 0.01, 0, 1),
          p.getDouble("new_line_ratio", 0.3, 0, 1e9));
      p.finish();
      return c;
    }
  }

  static final String LINES = "lines", LINE_PUNCT_RATIO = "line_punct_ratio", SHORT_LINE_RATIO = "short_line_ratio",
      CHAR_DUP_RATIO = "char_dup_ratio", LIST_RATIO = "list_ratio";
  private static final List<String> MEASURES = List.of(LINES, LINE_PUNCT_RATIO, SHORT_LINE_RATIO, CHAR_DUP_RATIO, LIST_RATIO);
  private static final Set<String> THRESHOLDS = Set.of("line_punct_thr", "line_punct_exclude_zero", "short_line_thr",
      "char_duplicates_ratio", "new_line_ratio");

  private final Config config;
  /** Bounds of the current document's non-blank lines, reused from one document to the next. */
  private final IntBuffer starts = new IntBuffer();
  private final IntBuffer ends = new IntBuffer();
  private final SpanDuplicates duplicates = new SpanDuplicates();

  public FineWebQualityFilter(Config config) {
    this(config, false);
  }

  public FineWebQualityFilter(Config config, boolean annotate) {
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
  protected void afterDocument() {
    starts.release();
    ends.release();
  }

  @Override
  protected Measures measure(Document doc, boolean all) {
    return new DocMeasures(doc);
  }

  @Override
  public Verdict decide(Measures m) {
    Config c = config;
    if (m.get(LINES).intValue() == 0) return Verdict.drop(Reason.EMPTY);
    double punctRatio = m.get(LINE_PUNCT_RATIO).doubleValue();
    if (punctRatio < c.linePunctThr && !(punctRatio == 0 && c.linePunctExcludeZero))
      return Verdict.drop(Reason.LINE_PUNCT_RATIO, values("ratio", punctRatio, "min", c.linePunctThr));
    double shortRatio = m.get(SHORT_LINE_RATIO).doubleValue();
    if (shortRatio > c.shortLineThr)
      return Verdict.drop(Reason.SHORT_LINE_RATIO, values("ratio", shortRatio, "max", c.shortLineThr));
    double dupRatio = m.get(CHAR_DUP_RATIO).doubleValue();
    if (dupRatio > c.charDuplicatesRatio)
      return Verdict.drop(Reason.CHAR_DUP_RATIO, values("ratio", dupRatio, "max", c.charDuplicatesRatio));
    double listRatio = m.get(LIST_RATIO).doubleValue();
    if (listRatio > c.newLineRatio)
      return Verdict.drop(Reason.LIST_RATIO, values("ratio", listRatio, "max", c.newLineRatio));
    return null;
  }

  /**
   * The non-blank lines, found once as spans of the text (not copied out); each ratio computed when first asked
   * for (all undefined without lines).
   */
  private final class DocMeasures implements Measures {
    private final Document doc;
    private final String text;
    private final int lines;

    DocMeasures(Document doc) {
      this.doc = doc;
      this.text = doc.text();
      starts.clear();
      ends.clear();
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == '\n') {
          if (!isBlank(text, start, i)) {
            starts.add(start);
            ends.add(i);
          }
          start = i + 1;
        }
      }
      lines = starts.size();
    }

    @Override
    public Number get(String name) {
      if (name.equals(LINES)) return lines;
      if (lines == 0) {
        if (MEASURES.contains(name)) return null;
      }
      int[] from = starts.array();
      int[] to = ends.array();
      switch (name) {
        case LINE_PUNCT_RATIO -> {
          int punctLines = 0;
          for (int i = 0; i < lines; i++) if (endsWithStopChar(text.codePointBefore(to[i]))) punctLines++;
          return (double) punctLines / lines;
        }
        case SHORT_LINE_RATIO -> {
          int shortLines = 0;
          for (int i = 0; i < lines; i++) if (text.codePointCount(from[i], to[i]) <= config.shortLineLength) shortLines++;
          return (double) shortLines / lines;
        }
        case CHAR_DUP_RATIO -> {
          // each line equal to an earlier one adds its characters, as a walk with a set of seen lines does
          long dupChars = duplicates.count(text, from, to, lines)[1];
          long charsWithoutNewlines = PyText.length(text) - PyText.count(text, '\n');
          return charsWithoutNewlines == 0 ? 0.0 : (double) dupChars / charsWithoutNewlines;
        }
        case LIST_RATIO -> {
          int words = doc.words().length;
          double newLines = PyText.count(text, '\n');
          return words == 0 ? Double.POSITIVE_INFINITY : newLines / words;
        }
        default -> throw new IllegalArgumentException("fineweb_quality measures no '" + name + "'");
      }
    }
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!PyText.isSpace(s.charAt(i))) return false;
    return true;
  }

  /** Whether the line's last code point is a stop character. */
  private boolean endsWithStopChar(int cp) {
    if (config.stopChars == null) return Punctuation.isTerminal(cp);
    return config.stopChars.indexOf(cp) >= 0;
  }
}
