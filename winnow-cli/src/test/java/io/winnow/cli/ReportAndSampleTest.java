package io.winnow.cli;

import static io.winnow.cli.CliTest.winnow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.Compression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report, sample and output.excluded on a run over the 200 Common Crawl pages shipped in examples/data. */
class ReportAndSampleTest {
  static final Path PAGES = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz");
  @TempDir Path dir;
  Path run;

  @BeforeEach
  void runWebQuality() throws IOException {
    Path hostile = dir.resolve("hostile.jsonl");
    String words = "the cat sat on the mat and it was a good day for the cat to sit there ".repeat(8);
    Files.writeString(hostile, "{\"id\":\"x<script>\",\"text\":\"<script>alert(1)</script> short\"}\n"
        + "{\"id\":\"fine\",\"text\":\"" + words + "It ended well.\"}\n");
    Path p = dir.resolve("p.yaml");
    run = dir.resolve("run");
    Files.writeString(p, "input: {paths: ['" + PAGES.toAbsolutePath() + "', '" + hostile + "']}\n"
        + "steps: [gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality]\n"
        + "output: {path: '" + run + "', excluded: true}\nrun: {tokenizer: none, workers: 2}\n");
    CliTest.Result r = winnow("run", p.toString(), "--progress", "none");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void theReportHasEveryChartAndSamplesWithTheExplainCommand() throws IOException {
    Path html = dir.resolve("r.html");
    CliTest.Result r = winnow("report", run.toString(), "-o", html.toString(), "--samples", "1000");
    assertThat(r.exit()).as(r.err()).isZero();
    String page = Files.readString(html);
    JsonNode stats = new ObjectMapper().readTree(run.resolve("stats.json").toFile());
    assertThat(page).contains("data-chart=\"funnel\"").contains("data-chart=\"reasons\"").contains("data-chart=\"histogram\"")
        .contains("gopher_quality.alpha_words_ratio").contains("class=\"threshold\"")
        .contains("winnow explain ").contains(String.format("%,d", stats.path("records").asLong()));
    stats.path("steps").forEach(s -> s.path("dropped_by_reason").fieldNames().forEachRemaining(reason -> assertThat(page).contains(reason)));
    // self-contained: nothing is fetched, no script runs
    assertThat(page).doesNotContain("<script").doesNotContain("src=\"").doesNotContain("href=\"").doesNotContain("<link").doesNotContain("url(").doesNotContain("@import")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("x&lt;script&gt;");
  }

  @Test
  void theReportLoadsInAHeadlessBrowserWithoutErrors() throws Exception {
    Path html = dir.resolve("r.html");
    assertThat(winnow("report", run.toString(), "-o", html.toString()).exit()).isZero();
    HeadlessChromium.Page page = HeadlessChromium.render(html, dir.resolve("shot.png"));
    assertThat(page.consoleErrors()).isEmpty();
    assertThat(page.svgCharts()).isGreaterThanOrEqualTo(4);
    assertThat(dir.resolve("shot.png")).isNotEmptyFile();
  }

  @Test
  void theBrowserCheckSeesAScriptError() throws Exception {
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<html><body><script>undefinedFunction();</script></body></html>");
    assertThat(HeadlessChromium.render(bad, dir.resolve("bad.png")).consoleErrors()).anyMatch(l -> l.contains("undefinedFunction"));
  }

  @Test
  void sampleGivesOnlyTheReasonAskedForSeededAndWithTheTextTheStepSaw() throws IOException {
    CliTest.Result a = winnow("sample", run.toString(), "--reason", "fineweb_quality", "-n", "3", "--seed", "5");
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(a.out()).contains("as the step saw it (excluded/)").doesNotContain("gopher_quality.");
    assertThat(a.out().split("\n== ", -1)).hasSize(4);
    assertThat(winnow("sample", run.toString(), "--reason", "fineweb_quality", "-n", "3", "--seed", "5").out()).isEqualTo(a.out());

    Path out = dir.resolve("s.jsonl");
    CliTest.Result w = winnow("sample", run.toString(), "--reason", "gopher_quality.gopher_short_doc", "-n", "500", "-o", out.toString());
    assertThat(w.exit()).as(w.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    JsonNode stats = new ObjectMapper().readTree(run.resolve("stats.json").toFile());
    assertThat(lines).hasSize(stats.path("steps").path("gopher_quality").path("dropped_by_reason").path("gopher_quality.gopher_short_doc").asInt());
    for (String l : lines) {
      JsonNode n = new ObjectMapper().readTree(l);
      assertThat(n.path("reason").asText()).isEqualTo("gopher_quality.gopher_short_doc");
      assertThat(n.path("text").isTextual()).isTrue();
      assertThat(n.path("values").has("non_symbol_words")).isTrue();
    }
  }

  @Test
  void sampleOfKeptDocumentsAndAnUnknownReasonListsTheKnownOnes() {
    CliTest.Result k = winnow("sample", run.toString(), "--kept", "-n", "2");
    assertThat(k.exit()).as(k.err()).isZero();
    assertThat(k.out()).contains("kept").contains("as read from the input");
    CliTest.Result bad = winnow("sample", run.toString(), "--reason", "no_such_reason");
    assertThat(bad.exit()).isEqualTo(Winnow.FAILED);
    assertThat(bad.err()).contains("no_such_reason").contains("gopher_quality.gopher_short_doc");
    assertThat(winnow("sample", run.toString()).exit()).isEqualTo(2);
  }

  @Test
  void excludedHoldsEveryDroppedDocumentWithItsReason() throws IOException {
    JsonNode stats = new ObjectMapper().readTree(run.resolve("stats.json").toFile());
    List<JsonNode> excluded = new ArrayList<>();
    try (Stream<Path> files = Files.list(run.resolve("excluded"))) {
      for (Path f : files.sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Compression.forName(f.toString()).decompress(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String l; (l = r.readLine()) != null; ) excluded.add(new ObjectMapper().readTree(l));
        }
      }
    }
    assertThat(excluded).hasSize(stats.path("dropped").asInt());
    for (JsonNode d : excluded) {
      assertThat(d.path("winnow_reason").asText()).startsWith(d.path("winnow_dropped_by").asText() + ".");
      assertThat(d.path("text").isTextual()).isTrue();
    }
  }
}
