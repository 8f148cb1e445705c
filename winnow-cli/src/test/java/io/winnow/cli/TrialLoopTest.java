package io.winnow.cli;

import static io.winnow.cli.CliTest.winnow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.log.DecisionLogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --limit, --sample, --set, --overwrite and the resume refusal that names the changed keys. */
class TrialLoopTest {
  @TempDir Path dir;
  Path pipeline;
  Path a;
  Path b;

  @BeforeEach
  void twoInputs() throws IOException {
    a = dir.resolve("a.jsonl");
    b = dir.resolve("b.jsonl");
    String text = "The quick brown fox jumps over the lazy dog and runs to the forest with the other animals. ".repeat(6);
    StringBuilder sa = new StringBuilder();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sa.append("{\"id\":\"a").append(i).append("\",\"text\":\"").append(i % 4 == 0 ? "short" : text).append("\"}\n");
      sb.append("{\"id\":\"b").append(i).append("\",\"text\":\"").append(text).append("\"}\n");
    }
    Files.writeString(a, sa);
    Files.writeString(b, sb);
    pipeline = dir.resolve("p.yaml");
    Files.writeString(pipeline, "input: {paths: ['" + a + "', '" + b + "']}\nsteps: [gopher_quality]\n"
        + "output: {path: '" + dir.resolve("run") + "'}\nrun: {workers: 2}\n");
  }

  private List<String> ids(Path run) throws IOException {
    List<String> ids = new ArrayList<>();
    DecisionLogReader.forEach(run, e -> ids.add(e.id()));
    return ids;
  }

  private JsonNode stats(Path run) throws IOException {
    return new ObjectMapper().readTree(run.resolve("stats.json").toFile());
  }

  @Test
  void limitReadsTheFirstRecordsOfTheRunInInputOrderWhateverTheWorkers() throws IOException {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    assertThat(winnow("run", pipeline.toString(), "--limit", "27", "--set", "output.path=" + one, "-w", "1", "--progress", "none").exit()).isZero();
    assertThat(winnow("run", pipeline.toString(), "--limit", "27", "-o", two.toString(), "-w", "2", "--progress", "none").exit()).isZero();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) expected.add("a" + i);
    for (int i = 0; i < 7; i++) expected.add("b" + i);
    assertThat(ids(one)).isEqualTo(expected);
    assertThat(ids(two)).isEqualTo(expected);
    assertThat(stats(one).path("records").asInt()).isEqualTo(27);
  }

  @Test
  void sampleIsSeededAndTheSameWhateverTheWorkers() throws IOException {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    Path other = dir.resolve("other");
    assertThat(winnow("run", pipeline.toString(), "--sample", "0.3", "-o", one.toString(), "-w", "1", "--progress", "none").exit()).isZero();
    assertThat(winnow("run", pipeline.toString(), "--sample", "0.3", "-o", two.toString(), "-w", "2", "--progress", "none").exit()).isZero();
    assertThat(winnow("run", pipeline.toString(), "--sample", "0.3", "--sample-seed", "9", "-o", other.toString(), "--progress", "none").exit()).isZero();
    assertThat(ids(one)).isEqualTo(ids(two)).isNotEqualTo(ids(other));
    assertThat(ids(one).size()).isBetween(1, 39);
  }

  @Test
  void setOverridesAStepParameterAndBadOverridesAreClearErrors() throws IOException {
    Path strict = dir.resolve("strict");
    Path lax = dir.resolve("lax");
    assertThat(winnow("run", pipeline.toString(), "-o", strict.toString(), "--progress", "none").exit()).isZero();
    CliTest.Result r = winnow("run", pipeline.toString(), "-o", lax.toString(), "--progress", "none", "--set", "steps.gopher_quality.min_doc_words=1",
        "--set", "steps.gopher_quality.min_stop_words=0");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(stats(lax).path("kept").asInt()).isGreaterThan(stats(strict).path("kept").asInt());

    CliTest.Result noStep = winnow("plan", pipeline.toString(), "--set", "steps.c4.min_words_per_line=2");
    assertThat(noStep.exit()).isEqualTo(Winnow.FAILED);
    assertThat(noStep.err()).contains("no step with id 'c4'").contains("gopher_quality");
    CliTest.Result badKey = winnow("plan", pipeline.toString(), "--set", "steps.gopher_quality.no_such_key=2");
    assertThat(badKey.err()).contains("unknown key 'no_such_key'");
    CliTest.Result badRange = winnow("plan", pipeline.toString(), "--set", "run.sample=2");
    assertThat(badRange.err()).contains("sample");
    assertThat(winnow("plan", pipeline.toString(), "--set", "nosuch").err()).contains("key=value");
  }

  @Test
  void resumeRefusalNamesTheChangedKeysAndOverwriteStartsAgain() throws IOException {
    Path run = dir.resolve("run");
    assertThat(winnow("run", pipeline.toString(), "--progress", "none").exit()).isZero();
    CliTest.Result again = winnow("run", pipeline.toString(), "--progress", "none");
    assertThat(again.exit()).isEqualTo(Winnow.FAILED);
    CliTest.Result resumed = winnow("run", pipeline.toString(), "--progress", "none", "--resume", "--set", "steps.gopher_quality.min_doc_words=10", "--limit", "5");
    assertThat(resumed.exit()).isEqualTo(Winnow.FAILED);
    assertThat(resumed.err()).contains("steps.gopher_quality.min_doc_words: (unset) → 10").contains("run.limit: (unset) → 5");
    CliTest.Result over = winnow("run", pipeline.toString(), "--progress", "none", "--overwrite", "--limit", "5");
    assertThat(over.exit()).as(over.err()).isZero();
    assertThat(stats(run).path("records").asInt()).isEqualTo(5);
    assertThat(winnow("run", pipeline.toString(), "--overwrite", "--resume").exit()).isEqualTo(2);

    Path foreign = dir.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("keep.txt"), "mine");
    CliTest.Result refused = winnow("run", pipeline.toString(), "--overwrite", "-o", foreign.toString(), "--progress", "none");
    assertThat(refused.exit()).isEqualTo(Winnow.FAILED);
    assertThat(foreign.resolve("keep.txt")).exists();
  }
}
