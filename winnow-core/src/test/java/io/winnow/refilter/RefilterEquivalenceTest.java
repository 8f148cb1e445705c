package io.winnow.refilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.io.Compression;
import io.winnow.log.DecisionLogReader;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Score once, filter many times, checked against the real thing: a run with every step annotated, refiltered with
 * new thresholds, must decide every document as a plain run with those thresholds does (outcome, dropping step,
 * reason, each step's action) and keep the same document lines, on real Common Crawl pages.
 */
class RefilterEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  /** Default thresholds, then each of the five steps moved. */
  private static final List<Map<String, String>> SETTINGS = List.of(
      Map.of(),
      Map.of("gopher_quality.min_doc_words", "120", "gopher_quality.min_stop_words", "4"),
      Map.of("gopher_repetition.dup_line_frac", "0.1", "gopher_repetition.top_n_grams", "{2: 0.1, 3: 0.18, 4: 0.16}"),
      Map.of("c4.min_num_sentences", "8"),
      Map.of("fineweb_quality.line_punct_thr", "0.3", "fineweb_quality.new_line_ratio", "0.2"),
      Map.of("quality.threshold", "0.3"),
      Map.of("quality.threshold", "0.8", "fineweb_quality.short_line_thr", "0.5"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void refilterDecidesAsARealRun(String source) throws IOException {
    Path input = source.equals("fixture") ? Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath()
        : SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz");
    Path annotated = run(input, Map.of(), true, "annotated");
    int compared = 0;
    for (int i = 0; i < SETTINGS.size(); i++) {
      Map<String, String> s = SETTINGS.get(i);
      List<Refilter.Setting> settings = new ArrayList<>();
      s.forEach((k, v) -> settings.add(Refilter.Setting.parse(k + "=" + v)));
      Path refiltered = tmp.resolve("refiltered-" + i);
      new Refilter(annotated, settings, StepRegistry.builtIn()).writeRun(refiltered);
      Path real = run(input, s, false, "real-" + i);
      List<String> a = decisions(refiltered);
      List<String> b = decisions(real);
      assertThat(a).as("decisions with " + s).hasSameSizeAs(b).containsExactlyElementsOf(b);
      assertThat(dataLines(refiltered)).as("kept documents with " + s).containsExactlyElementsOf(dataLines(real));
      compared += a.size();
    }
    assertThat(compared).isGreaterThan(0);
    System.out.printf("refilter = real run on %d decisions (%s)%n", compared, source);
  }

  @Test
  void refusesAParameterThatChangesWhatIsMeasured() throws IOException {
    Path annotated = run(Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath(), Map.of(), true, "a");
    assertThatThrownBy(() -> new Refilter(annotated, List.of(Refilter.Setting.parse("fineweb_quality.short_line_length=20")), StepRegistry.builtIn()))
        .isInstanceOf(PipelineException.class).hasMessageContaining("changes what is measured");
    Path plain = run(Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath(), Map.of(), false, "p");
    assertThatThrownBy(() -> new Refilter(plain, List.of(Refilter.Setting.parse("gopher_quality.min_doc_words=10")), StepRegistry.builtIn()))
        .isInstanceOf(PipelineException.class).hasMessageContaining("annotate: true");
  }

  private Path run(Path input, Map<String, String> settings, boolean annotate, String name) throws IOException {
    return FineWebRuns.run(input, settings, annotate, tmp.resolve(name));
  }

  /** Per record: id, outcome, by, reason and every trail step's action and reason. */
  private static List<String> decisions(Path run) throws IOException {
    List<String> out = new ArrayList<>();
    DecisionLogReader.forEach(run, e -> {
      StringBuilder sb = new StringBuilder(e.id() + " " + e.outcome() + " " + e.raw().path("by").asText() + " " + e.reason());
      for (JsonNode d : e.raw().path("trail")) sb.append(" | ").append(d.path("step").asText()).append(':').append(d.path("action").asText())
          .append(':').append(d.path("reason").asText());
      out.add(sb.toString());
    });
    return out;
  }

  private static List<String> dataLines(Path run) throws IOException {
    List<String> out = new ArrayList<>();
    try (var s = Files.list(run.resolve("data"))) {
      for (Path f : s.sorted().toList()) {
        String text = new String(Compression.forName(f.toString()).decompress(Files.newInputStream(f)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (String line : text.split("\n")) if (!line.isBlank()) out.add(line.strip());
      }
    }
    return out;
  }
}
