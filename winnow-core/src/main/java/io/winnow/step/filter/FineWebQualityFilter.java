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
import java.util.ArrayList;
import java.util.HashSet;
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

  /** The non-blank lines, split once; each ratio computed when first asked for (all undefined without lines). */
  private final class DocMeasures implements Measures {
    private final Document doc;
    private final List<String> lines = new ArrayList<>();

    DocMeasures(Document doc) {
      this.doc = doc;
      String text = doc.text();
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == '\n') {
          String line = text.substring(start, i);
          if (!PyText.isBlank(line)) lines.add(line);
          start = i + 1;
        }
      }
    }

    @Override
    public Number get(String name) {
      if (name.equals(LINES)) return lines.size();
      if (lines.isEmpty()) {
        if (MEASURES.contains(name)) return null;
      }
      String text = doc.text();
      switch (name) {
        case LINE_PUNCT_RATIO -> {
          int punctLines = 0;
          for (String line : lines) if (endsWithStopChar(line)) punctLines++;
          return (double) punctLines / lines.size();
        }
        case SHORT_LINE_RATIO -> {
          int shortLines = 0;
          for (String line : lines) if (PyText.length(line) <= config.shortLineLength) shortLines++;
          return (double) shortLines / lines.size();
        }
        case CHAR_DUP_RATIO -> {
          Set<String> unique = new HashSet<>(lines.size() * 2);
          long dupChars = 0;
          for (String line : lines) if (!unique.add(line)) dupChars += PyText.length(line);
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

  private boolean endsWithStopChar(String line) {
    int cp = line.codePointBefore(line.length());
    if (config.stopChars == null) return Punctuation.isTerminal(cp);
    return config.stopChars.indexOf(cp) >= 0;
  }
}
