package io.winnow.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.AtomicFiles;
import io.winnow.log.Outcome;
import io.winnow.report.RunStats;
import io.winnow.report.StatsTable;
import io.winnow.report.StepStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report of a finished run: one self-contained file (inline CSS and SVG, no script, no network) with
 * the funnel, drop reasons per step, a histogram of every logged value, per-file and per-group tables, the
 * corpus estimates and sample records per reason with the {@code winnow explain} command for each.
 *
 * <p>Built from stats.json and one streaming pass over the decision log ({@link DecisionLogScan}, bounded
 * memory), plus one read of the input files that hold sampled records.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Characters of a sampled document shown in the report. */
  static final int EXCERPT_CHARS = 700;

  private final Path runDir;
  private final JsonNode statsJson;
  private final RunStats stats;
  private final DecisionLogScan scan;
  private final Map<String, SampleTexts.Text> texts;

  private RunReport(Path runDir, JsonNode statsJson, DecisionLogScan scan, Map<String, SampleTexts.Text> texts) {
    this.runDir = runDir;
    this.statsJson = statsJson;
    this.stats = RunStats.fromJson(statsJson);
    this.scan = scan;
    this.texts = texts;
  }

  public static RunReport of(Path runDir, DecisionLogScan.Limits limits) throws IOException {
    Path statsFile = runDir.resolve("stats.json");
    if (!Files.exists(statsFile)) throw new IOException(runDir + ": no stats.json (is the run finished? resume it with `winnow run --resume`)");
    JsonNode statsJson = JSON.readTree(statsFile.toFile());
    DecisionLogScan scan = DecisionLogScan.of(runDir, limits);
    List<SampledRecord> all = new ArrayList<>();
    scan.samples().values().forEach(r -> all.addAll(r.items()));
    return new RunReport(runDir, statsJson, scan, SampleTexts.find(runDir, all));
  }

  public DecisionLogScan scan() {
    return scan;
  }

  public void write(Path file) throws IOException {
    AtomicFiles.write(file, html().getBytes(StandardCharsets.UTF_8));
  }

  public String html() {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Winnow report: ")
        .append(Html.escape(runDir.toString())).append("</title><style>").append(CSS).append("</style></head><body>");
    sb.append("<h1>Winnow run report</h1><p class=\"muted\">").append(Html.escape(runDir.toString())).append("</p>");
    summary(sb);
    funnel(sb);
    dropReasons(sb);
    histograms(sb);
    files(sb);
    groups(sb);
    estimates(sb);
    samples(sb);
    sb.append("<footer class=\"muted\">").append(bounds()).append("</footer></body></html>\n");
    return sb.toString();
  }

  private void summary(StringBuilder sb) {
    sb.append("<section id=\"summary\"><table class=\"kv\">");
    row(sb, "records", String.format(Locale.ROOT, "%,d = kept %,d + dropped %,d + rejected %,d", stats.records(), stats.kept(), stats.dropped(), stats.rejected()));
    row(sb, "bytes", "in " + human(stats.bytesIn()) + ", out " + human(stats.bytesOut()) + pct(stats.bytesOut(), stats.bytesIn()));
    row(sb, "words", String.format(Locale.ROOT, "in %,d, out %,d", stats.wordsIn(), stats.wordsOut()) + pct(stats.wordsOut(), stats.wordsIn()));
    if (stats.tokensIn() >= 0) row(sb, "tokens", String.format(Locale.ROOT, "in %,d, out %,d", stats.tokensIn(), Math.max(0, stats.tokensOut())) + pct(Math.max(0, stats.tokensOut()), stats.tokensIn()));
    row(sb, "shards", String.valueOf(stats.shards()));
    sb.append("</table></section>");
  }

  private void funnel(StringBuilder sb) {
    sb.append("<section id=\"funnel\"><h2>Funnel</h2><p class=\"muted\">Documents and bytes kept after each step");
    if (stats.tokensIn() >= 0) sb.append("; tokens are counted at input and output only");
    sb.append(".</p>");
    List<Svg.Bar> docs = new ArrayList<>();
    List<Svg.Bar> bytes = new ArrayList<>();
    docs.add(new Svg.Bar("input", stats.documents(), String.format(Locale.ROOT, "%,d docs", stats.documents())));
    bytes.add(new Svg.Bar("input", stats.bytesIn(), human(stats.bytesIn())));
    sb.append("<table><tr><th>after step</th><th>documents</th><th>share</th><th>bytes</th><th>words</th><th>dropped</th><th>modified</th></tr>");
    sb.append(String.format(Locale.ROOT, "<tr><td>input</td><td>%,d</td><td>100 %%</td><td>%s</td><td>%,d</td><td></td><td></td></tr>", stats.documents(), human(stats.bytesIn()), stats.wordsIn()));
    for (Map.Entry<String, StepStats> e : stats.steps().entrySet()) {
      StepStats s = e.getValue();
      docs.add(new Svg.Bar(e.getKey(), s.kept(), String.format(Locale.ROOT, "%,d%s", s.kept(), pct(s.kept(), stats.documents()))));
      bytes.add(new Svg.Bar(e.getKey(), s.bytesOut(), human(s.bytesOut()) + pct(s.bytesOut(), stats.bytesIn())));
      sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td><td>%s</td><td>%s</td><td>%,d</td><td>%,d</td><td>%,d</td></tr>", Html.escape(e.getKey()),
          s.kept(), pct(s.kept(), stats.documents()).replace(" (", "").replace(")", ""), human(s.bytesOut()), s.wordsOut(), s.dropped(), s.modified()));
    }
    if (stats.tokensIn() >= 0) sb.append(String.format(Locale.ROOT, "<tr><td>tokens</td><td colspan=\"6\">in %,d, out %,d</td></tr>", stats.tokensIn(), Math.max(0, stats.tokensOut())));
    sb.append("</table><div class=\"charts\"><figure><figcaption>documents</figcaption>").append(Svg.bars("funnel", docs, 0))
        .append("</figure><figure><figcaption>bytes</figcaption>").append(Svg.bars("funnel-bytes", bytes, 1)).append("</figure></div></section>");
  }

  private void dropReasons(StringBuilder sb) {
    sb.append("<section id=\"reasons\"><h2>Drop reasons per step</h2>");
    int colour = 2;
    for (Map.Entry<String, StepStats> e : stats.steps().entrySet()) {
      StepStats s = e.getValue();
      if (s.droppedByReason().isEmpty() && s.modifiedByReason().isEmpty()) continue;
      List<Svg.Bar> bars = new ArrayList<>();
      s.droppedByReason().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(r -> bars.add(new Svg.Bar(r.getKey(), r.getValue(), String.format(Locale.ROOT, "%,d%s", r.getValue(), pct(r.getValue(), s.docsIn())))));
      s.modifiedByReason().forEach((r, n) -> bars.add(new Svg.Bar(r + " (modified)", n, String.format(Locale.ROOT, "%,d modified", n))));
      sb.append("<h3>").append(Html.escape(e.getKey())).append(String.format(Locale.ROOT, " <span class=\"muted\">%,d in, %,d dropped</span></h3>", s.docsIn(), s.dropped()));
      sb.append(Svg.bars("reasons", bars, colour++));
    }
    if (!stats.rejectedByReason().isEmpty()) {
      List<Svg.Bar> bars = new ArrayList<>();
      stats.rejectedByReason().forEach((r, n) -> bars.add(new Svg.Bar(r, n, String.format(Locale.ROOT, "%,d", n))));
      sb.append("<h3>rejected input records</h3>").append(Svg.bars("rejections", bars, 7));
    }
    sb.append("</section>");
  }

  private void histograms(StringBuilder sb) {
    sb.append("<section id=\"histograms\"><h2>Measured values</h2><p class=\"muted\">Every numeric value the steps logged, "
        + "as <code>step.value</code>; a dashed line marks the rule's threshold where the step logged one. A step logs the values behind its decision, so a value appears for the documents that reached that step "
        + "(for many rules only for the documents it dropped).</p><div class=\"charts\">");
    int colour = 0;
    for (Map.Entry<String, StreamingHistogram> e : scan.histograms().entrySet()) {
      StreamingHistogram.Snapshot s = e.getValue().snapshot();
      if (s.count() == 0) continue;
      sb.append("<figure><figcaption>").append(Html.escape(e.getKey())).append("</figcaption>").append(Svg.histogram(e.getKey(), s, scan.thresholds(e.getKey()), colour++)).append("</figure>");
    }
    if (scan.histograms().isEmpty()) sb.append("<p>No step logged a numeric value.</p>");
    sb.append("</div></section>");
  }

  private void files(StringBuilder sb) {
    sb.append("<section id=\"sources\"><h2>Per input file</h2><table><tr><th>file</th><th>records</th><th>kept</th><th>dropped</th><th>rejected</th><th>kept share</th></tr>");
    scan.files().forEach((f, c) -> sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td><td>%,d</td><td>%,d</td><td>%,d</td><td>%s</td></tr>",
        Html.escape(f), c.records(), c.kept(), c.dropped(), c.rejected(), pct(c.kept(), c.records()).replace(" (", "").replace(")", ""))));
    sb.append("</table>");
    if (scan.filesOverCap() > 0) sb.append(String.format(Locale.ROOT, "<p class=\"muted\">%,d records of further files not tabulated (file cap).</p>", scan.filesOverCap()));
    sb.append("</section>");
  }

  private void groups(StringBuilder sb) {
    JsonNode groups = statsJson.path("groups");
    sb.append("<section id=\"groups\"><h2>Per group</h2>");
    if (!groups.isObject() || groups.isEmpty()) {
      sb.append("<p class=\"muted\">No <code>run.group_by</code> in this run's pipeline: add e.g. <code>group_by: [metadata.source, language]</code> for per-source and per-language figures.</p></section>");
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = groups.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> g = fields.next();
      sb.append("<h3>by ").append(Html.escape(g.getKey())).append("</h3>");
      sb.append("<table><tr><th>value</th><th>documents</th><th>kept</th><th>kept share</th><th>bytes in</th><th>bytes out</th><th>dropped by step</th></tr>");
      List<Svg.Bar> bars = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> values = g.getValue().fields();
      while (values.hasNext()) {
        Map.Entry<String, JsonNode> v = values.next();
        JsonNode n = v.getValue();
        long docs = n.path("documents").asLong();
        long kept = n.path("kept").asLong();
        StringBuilder by = new StringBuilder();
        n.path("dropped_by_step").fields().forEachRemaining(x -> by.append(Html.escape(x.getKey())).append(' ').append(String.format(Locale.ROOT, "%,d", x.getValue().asLong())).append("; "));
        sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%,d</td><td>%,d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", Html.escape(v.getKey()), docs, kept,
            pct(kept, docs).replace(" (", "").replace(")", ""), human(n.path("bytes_in").asLong()), human(n.path("bytes_out").asLong()), by));
        bars.add(new Svg.Bar(v.getKey(), kept, String.format(Locale.ROOT, "%,d of %,d kept", kept, docs)));
      }
      sb.append("</table>").append(Svg.bars("groups", bars, 4));
    }
    sb.append("</section>");
  }

  private void estimates(StringBuilder sb) {
    if (stats.estimates().isEmpty() && stats.corpusSteps().isEmpty()) return;
    sb.append("<section id=\"estimates\"><h2>Corpus estimates</h2><table><tr><th>step</th><th>figures</th></tr>");
    stats.estimates().forEach((k, v) -> sb.append("<tr><td>").append(Html.escape(k)).append("</td><td><code>").append(Html.escape(String.valueOf(v))).append("</code></td></tr>"));
    stats.corpusSteps().forEach((k, v) -> sb.append("<tr><td>").append(Html.escape(k)).append(" (fit)</td><td><code>").append(Html.escape(String.valueOf(v))).append("</code></td></tr>"));
    sb.append("</table></section>");
  }

  private void samples(StringBuilder sb) {
    sb.append("<section id=\"samples\"><h2>Sample records per reason</h2><p class=\"muted\">A seeded uniform sample per reason. "
        + "<code>winnow sample RUN --reason R</code> prints more.</p>");
    for (Map.Entry<String, Reservoir<SampledRecord>> e : scan.samples().entrySet()) {
      sb.append("<details><summary>").append(Html.escape(e.getKey())).append(String.format(Locale.ROOT, " <span class=\"muted\">%,d records, %d shown</span></summary>", e.getValue().seen(), e.getValue().items().size()));
      for (SampledRecord r : e.getValue().items()) {
        sb.append("<div class=\"sample\"><div><b>").append(Html.escape(r.id() == null ? "(no id)" : r.id())).append("</b> <span class=\"muted\">")
            .append(Html.escape(r.location())).append("</span></div>");
        if (r.values() != null && !r.values().isEmpty()) sb.append("<div><code>").append(Html.escape(r.values().toString())).append("</code></div>");
        if (r.outcome() == Outcome.REJECTED) {
          sb.append("<pre>").append(Html.escape(r.detail())).append("</pre>");
        } else {
          SampleTexts.Text t = texts.get(r.location());
          String note = t == null ? "text not looked up" : t.note();
          if (t != null && t.origin() == SampleTexts.Origin.INPUT && r.changedBefore()) note += "; an earlier step changed the text, so the step saw a different version";
          sb.append("<div class=\"muted\">").append(Html.escape(note)).append("</div>");
          if (t != null && t.text() != null) sb.append("<pre>").append(Html.escape(excerpt(t.text()))).append("</pre>");
        }
        sb.append("<div><code class=\"cmd\">").append(Html.escape(explainCommand(r))).append("</code></div></div>");
      }
      sb.append("</details>");
    }
    if (scan.reasonsOverCap() > 0) sb.append(String.format(Locale.ROOT, "<p class=\"muted\">%,d records of further reasons not sampled (reason cap).</p>", scan.reasonsOverCap()));
    sb.append("</section>");
  }

  private String explainCommand(SampledRecord r) {
    String key = r.id() == null ? r.location() : r.id();
    return "winnow explain " + shellQuote(key) + " --run " + shellQuote(runDir.toString());
  }

  static String shellQuote(String s) {
    return s.matches("[A-Za-z0-9_./:@=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private String bounds() {
    DecisionLogScan.Limits l = scan.limits();
    return String.format(Locale.ROOT, "%,d decision-log records scanned. Histograms: %d bins each, range set from the first %d values and widened by doubling; "
        + "at most %d metrics, %d reasons sampled (%d records each, seed %d), %d files tabulated.%s",
        scan.records(), l.bins(), StreamingHistogram.BUFFERED, l.maxMetrics(), l.maxReasons(), l.samplesPerReason(), l.seed(), l.maxFiles(),
        scan.metricsOverCap() > 0 ? String.format(Locale.ROOT, " %,d values of further metrics not drawn.", scan.metricsOverCap()) : "");
  }

  static String excerpt(String text) {
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + " […]";
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>");
  }

  private static String pct(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, " (%.1f %%)", 100.0 * part / whole);
  }

  private static String human(long bytes) {
    return StatsTable.human(bytes);
  }

  private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}"
      + "h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}.muted{color:#777}"
      + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}td{font-variant-numeric:tabular-nums}"
      + ".charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #eee;padding:6px}figcaption{font-weight:600;font-size:13px}"
      + "svg text{font:11px system-ui,sans-serif;fill:#333}svg text.muted{fill:#777}"
      + "details{margin:6px 0}summary{cursor:pointer;font-weight:600}.sample{border-left:3px solid #ddd;margin:8px 0 8px 12px;padding:4px 10px}"
      + "pre{white-space:pre-wrap;background:#f7f7f7;padding:6px;max-height:220px;overflow:auto}code.cmd{background:#eef;padding:1px 4px}";
}
