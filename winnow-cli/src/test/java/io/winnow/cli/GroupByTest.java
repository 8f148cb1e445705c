package io.winnow.cli;

import static io.winnow.cli.CliTest.winnow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.group_by: per-group funnel figures in stats.json, `stats --by` and the report. */
class GroupByTest {
  @TempDir Path dir;

  @Test
  void groupsAddUpToTheRunAndMatchEachDocumentsOutcome() throws IOException {
    String text = "The quick brown fox jumps over the lazy dog and runs to the forest with the other animals. ".repeat(6);
    Map<String, String> sourceOf = new HashMap<>();
    String[] sources = {"web", "books", "forum"};
    for (String file : new String[] {"a.jsonl", "b.jsonl"}) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        String id = file.charAt(0) + "" + i;
        String source = sources[(i * 7 + file.charAt(0)) % 3];
        sourceOf.put(id, source);
        String meta = i % 10 == 9 ? "" : ",\"metadata\":{\"source\":\"" + source + "\"},\"kind\":\"k" + (i % 2) + "\"";
        if (i % 10 == 9) sourceOf.put(id, "(none)");
        sb.append("{\"id\":\"").append(id).append("\",\"text\":\"").append(i % 3 == 0 ? "too short" : text).append("\"").append(meta).append("}\n");
      }
      Files.writeString(dir.resolve(file), sb);
    }
    Path p = dir.resolve("p.yaml");
    Path run = dir.resolve("run");
    Files.writeString(p, "input: {paths: ['" + dir.resolve("a.jsonl") + "', '" + dir.resolve("b.jsonl") + "']}\nsteps: [gopher_quality]\n"
        + "output: {path: '" + run + "'}\nrun: {workers: 2, group_by: [metadata.source, kind]}\n");
    assertThat(winnow("run", p.toString(), "--progress", "none").exit()).isZero();

    Map<String, long[]> expected = new HashMap<>(); // source -> {documents, kept}
    DecisionLogReader.forEach(run, e -> {
      long[] c = expected.computeIfAbsent(sourceOf.get(e.id()), k -> new long[2]);
      c[0]++;
      if (e.outcome() == Outcome.KEPT) c[1]++;
    });
    JsonNode stats = new ObjectMapper().readTree(run.resolve("stats.json").toFile());
    JsonNode bySource = stats.path("groups").path("metadata.source");
    assertThat(bySource.size()).isEqualTo(expected.size());
    expected.forEach((source, c) -> {
      assertThat(bySource.path(source).path("documents").asLong()).as(source).isEqualTo(c[0]);
      assertThat(bySource.path(source).path("kept").asLong()).as(source).isEqualTo(c[1]);
      assertThat(bySource.path(source).path("dropped_by_step").path("gopher_quality").asLong()).as(source).isEqualTo(c[0] - c[1]);
    });
    long keptBytes = 0;
    for (JsonNode v : stats.path("groups").path("kind")) keptBytes += v.path("bytes_out").asLong();
    assertThat(keptBytes).isEqualTo(stats.path("bytes_out").asLong());

    CliTest.Result by = winnow("stats", run.toString(), "--by", "source");
    assertThat(by.exit()).as(by.err()).isZero();
    assertThat(by.out()).contains("by metadata.source").contains("books").contains("forum").contains("web").contains("(none)");
    CliTest.Result missing = winnow("stats", run.toString(), "--by", "language");
    assertThat(missing.exit()).isEqualTo(Winnow.FAILED);
    assertThat(missing.err()).contains("metadata.source, kind");

    Path html = dir.resolve("r.html");
    assertThat(winnow("report", run.toString(), "-o", html.toString()).exit()).isZero();
    assertThat(Files.readString(html)).contains("by metadata.source").contains("data-chart=\"groups\"");
  }
}
