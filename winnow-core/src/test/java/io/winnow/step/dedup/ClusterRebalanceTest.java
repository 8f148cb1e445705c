package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diversity step on real web pages (the repository's 300 golden-vector texts) with one over-represented mode
 * added: 40 variations of one page (a few words changed in each, as a template filled in many ways).
 */
class ClusterRebalanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path corpus() throws IOException {
    List<String> texts = new ArrayList<>();
    for (JsonNode row : SharedData.readJsonlGz(Fixtures.path("filters-dev-300.jsonl.gz"))) texts.add(row.get("text").asText());
    String template = texts.stream().filter(t -> t.split("\\s+").length > 300).findFirst().orElseThrow();
    String[] words = template.split(" ");
    Random r = new Random(5);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) lines.add(JSON.writeValueAsString(java.util.Map.of("id", "web-" + i, "text", texts.get(i))));
    for (int v = 0; v < 40; v++) {
      String[] w = words.clone();
      for (int k = 0; k < w.length / 40; k++) w[r.nextInt(w.length)] = "variant" + v + "x" + k;
      lines.add(JSON.writeValueAsString(java.util.Map.of("id", "mode-" + v, "text", String.join(" ", w))));
    }
    Path in = dir.resolve("in.jsonl");
    Files.write(in, lines);
    return in;
  }

  private LocalEngine.Result run(Path in, String step, String out) throws IOException {
    String yaml = "input: {paths: ['" + in + "']}\nsteps: [" + step + "]\noutput: {path: '" + dir.resolve(out) + "', compression: none}\n";
    return new LocalEngine(new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", yaml), false, false, ProgressListener.NONE).run();
  }

  @Test
  void capKeepsAtMostNOfAnOverRepresentedModeAndLogsTheCluster() throws IOException {
    LocalEngine.Result r = run(corpus(), "{type: diversity, max_per_cluster: 3}", "cap");
    List<LogEntry> log = new ArrayList<>();
    DecisionLogReader.forEach(r.runDir(), log::add);
    long modeKept = log.stream().filter(e -> e.id().startsWith("mode-") && e.outcome() == Outcome.KEPT).count();
    long webDropped = log.stream().filter(e -> e.id().startsWith("web-") && e.outcome() == Outcome.DROPPED).count();
    // the template page itself joins its variations' cluster: the cluster keeps 3 of its 41 members
    long modeOrTemplateKept = log.stream().filter(e -> e.outcome() == Outcome.KEPT).count() - (300 - 1 - webDropped);
    assertThat(modeKept).isLessThanOrEqualTo(3);
    assertThat(modeOrTemplateKept).isEqualTo(3);
    assertThat(webDropped).as("real pages are not a mode: almost none is capped").isLessThanOrEqualTo(3);
    LogEntry dropped = log.stream().filter(e -> e.outcome() == Outcome.DROPPED && e.id().startsWith("mode-")).findFirst().orElseThrow();
    assertThat(dropped.reason()).isEqualTo("diversity.over_cluster_cap");
    JsonNode values = dropped.raw().get("trail").get(0).get("values");
    assertThat(values.get("size").asInt()).isGreaterThanOrEqualTo(40);
    assertThat(values.get("keep").asInt()).isEqualTo(3);
    JsonNode fit = JSON.readTree(r.runDir().resolve("stats.json").toFile()).at("/corpus_steps/diversity");
    assertThat(fit.get("cluster_entropy_bits_after").asDouble()).isGreaterThan(fit.get("cluster_entropy_bits_before").asDouble());
  }

  @Test
  void weightGivesEveryDocumentOneOverSizeToTheAlpha() throws IOException {
    LocalEngine.Result r = run(corpus(), "{type: diversity, action: weight, alpha: 0.5}", "weight");
    assertThat(r.stats().dropped()).isZero();
    List<JsonNode> out = new ArrayList<>();
    try (var files = Files.list(r.runDir().resolve("data"))) {
      for (Path f : files.toList()) for (String l : Files.readAllLines(f)) out.add(JSON.readTree(l));
    }
    assertThat(out).hasSize(340);
    JsonNode mode = out.stream().filter(d -> d.get("id").asText().equals("mode-7")).findFirst().orElseThrow();
    double w = mode.get("weight").asDouble();
    assertThat(w).isBetween(1 / Math.sqrt(45), 1 / Math.sqrt(38));
    long alone = out.stream().filter(d -> d.get("id").asText().startsWith("web-") && d.get("weight").asDouble() == 1.0).count();
    assertThat(alone).isGreaterThan(280);
  }

  @Test
  void capNeedsALimit() {
    assertThatThrownBy(() -> new PipelineFile(StepRegistry.builtIn()).parse("t.yaml",
        "input: {paths: [x]}\nsteps: [{type: diversity}]\noutput: {path: o}\n"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("max_per_cluster");
  }
}
