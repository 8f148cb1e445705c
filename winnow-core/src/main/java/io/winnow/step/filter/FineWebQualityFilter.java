package io.winnow.step.filter;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
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
public final class FineWebQualityFilter implements Step {
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

  private final Config config;

  public FineWebQualityFilter(Config config) {
    this.config = config;
  }

  @Override
  public Verdict apply(Document doc) {
    Config c = config;
    String text = doc.text();
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        String line = text.substring(start, i);
        if (!PyText.isBlank(line)) lines.add(line);
        start = i + 1;
      }
    }
    if (lines.isEmpty()) return Verdict.drop(Reason.EMPTY);

    int punctLines = 0;
    for (String line : lines) if (endsWithStopChar(line)) punctLines++;
    double punctRatio = (double) punctLines / lines.size();
    if (punctRatio < c.linePunctThr && !(punctRatio == 0 && c.linePunctExcludeZero))
      return Verdict.drop(Reason.LINE_PUNCT_RATIO, values("ratio", punctRatio, "min", c.linePunctThr));

    int shortLines = 0;
    for (String line : lines) if (PyText.length(line) <= c.shortLineLength) shortLines++;
    double shortRatio = (double) shortLines / lines.size();
    if (shortRatio > c.shortLineThr)
      return Verdict.drop(Reason.SHORT_LINE_RATIO, values("ratio", shortRatio, "max", c.shortLineThr));

    Set<String> unique = new HashSet<>(lines.size() * 2);
    long dupChars = 0;
    for (String line : lines) if (!unique.add(line)) dupChars += PyText.length(line);
    long charsWithoutNewlines = PyText.length(text) - PyText.count(text, '\n');
    double dupRatio = charsWithoutNewlines == 0 ? 0 : (double) dupChars / charsWithoutNewlines;
    if (dupRatio > c.charDuplicatesRatio)
      return Verdict.drop(Reason.CHAR_DUP_RATIO, values("ratio", dupRatio, "max", c.charDuplicatesRatio));

    int words = doc.words().length;
    double newLines = PyText.count(text, '\n');
    double listRatio = words == 0 ? Double.POSITIVE_INFINITY : newLines / words;
    if (listRatio > c.newLineRatio)
      return Verdict.drop(Reason.LIST_RATIO, values("ratio", listRatio, "max", c.newLineRatio));
    return Verdict.keep();
  }

  private boolean endsWithStopChar(String line) {
    int cp = line.codePointBefore(line.length());
    if (config.stopChars == null) return Punctuation.isTerminal(cp);
    return config.stopChars.indexOf(cp) >= 0;
  }
}
