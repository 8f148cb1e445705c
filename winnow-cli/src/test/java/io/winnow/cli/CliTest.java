package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user runs them: exit codes, the summary table, explain, plan, errors. */
class CliTest {
  @TempDir Path dir;
  private Path pipeline;

  record Result(int exit, String out, String err) {}

  static Result winnow(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Winnow.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @BeforeEach
  void writeInput() throws IOException {
    Path in = dir.resolve("in.jsonl");
    StringBuilder sb = new StringBuilder();
    String good = "The quick brown fox jumps over the lazy dog and runs to the forest with the other animals. ";
    for (int i = 0; i < 20; i++) {
      sb.append("{\"id\":\"good-").append(i).append("\",\"text\":\"").append(good.repeat(6).trim()).append(" Number ").append(i).append(".\"}\n");
    }
    sb.append("{\"id\":\"short\",\"text\":\"Too short.\"}\n");
    sb.append("{broken json\n");
    Files.writeString(in, sb.toString());
    pipeline = dir.resolve("p.yaml");
    Files.writeString(pipeline, "input: {paths: ['" + in + "']}\n"
        + "steps: [gopher_quality, {type: c4, filter_no_terminal_punct: false}]\n"
        + "output: {path: '" + dir.resolve("run") + "', compression: gzip}\n"
        + "run: {tokenizer: o200k_base}\n");
  }

  @Test
  void runPrintsTheTableAndExplainTellsWhy() {
    Result r = winnow("run", pipeline.toString(), "--progress", "none");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("gopher_quality").contains("gopher_short_doc")
        .contains("records 22 = kept").contains("rejected 1").contains("tokens in");
    assertThat(dir.resolve("run/stats.json")).exists();

    Result e = winnow("explain", "short", "--run", dir.resolve("run").toString());
    assertThat(e.exit()).isZero();
    assertThat(e.out()).contains("gopher_quality").contains("DROP").contains("gopher_quality.gopher_short_doc")
        .contains("non_symbol_words=2").contains("outcome: dropped by gopher_quality");

    Result kept = winnow("explain", "good-3", "--run", dir.resolve("run").toString());
    assertThat(kept.out()).contains("outcome: kept");

    Result rejected = winnow("explain", dir.resolve("in.jsonl") + ":22", "--run", dir.resolve("run").toString());
    assertThat(rejected.out()).contains("rejected: input.malformed_json");

    Result stats = winnow("stats", dir.resolve("run").toString());
    assertThat(stats.out()).contains("records 22");
  }

  @Test
  void strictRunFailsWithTheRecordsLocation() {
    Result r = winnow("run", pipeline.toString(), "--strict", "--progress", "none");
    assertThat(r.exit()).isEqualTo(Winnow.FAILED);
    assertThat(r.err()).contains("in.jsonl:22: input.malformed_json");
  }

  @Test
  void badPipelineFileIsAClearErrorNotAStackTrace() throws IOException {
    Files.writeString(pipeline, "input: {paths: [x]}\nsteps: [{type: gopher_quality, min_words: 3}]\n");
    Result r = winnow("run", pipeline.toString());
    assertThat(r.exit()).isEqualTo(Winnow.FAILED);
    assertThat(r.err()).contains("step 1 (gopher_quality): unknown key 'min_words'").doesNotContain("Exception");
  }

  @Test
  void planValidatesWithoutRunning() {
    Result r = winnow("plan", pipeline.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("step 1: gopher_quality").contains("fingerprint");
    assertThat(dir.resolve("run")).doesNotExist();
  }

  @Test
  void anUnknownProgressModeIsAUsageErrorListingTheModes() {
    Result r = winnow("run", pipeline.toString(), "--progress", "fancy");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--progress").contains("auto, bar, lines, none").doesNotContain("Exception");
  }

  @Test
  void aStepErrorNamesTheStepOnce() throws IOException {
    Files.writeString(pipeline, "input: {paths: [x]}\nsteps: [{type: slop, model: no-such-model.bin}]\n");
    Result r = winnow("run", pipeline.toString());
    assertThat(r.exit()).isEqualTo(Winnow.FAILED);
    assertThat(r.err()).containsOnlyOnce("step 1 (slop)").contains("'model'").contains("no-such-model.bin");
  }

  @Test
  void explainFindsARejectedRecordByItsLocationEvenWhenItHasAnId() throws IOException {
    Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"no-text\",\"body\":\"x\"}\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(winnow("run", pipeline.toString(), "--progress", "none").exit()).isZero();
    Result byLocation = winnow("explain", dir.resolve("in.jsonl") + ":23", "--run", dir.resolve("run").toString());
    assertThat(byLocation.exit()).as(byLocation.err()).isZero();
    assertThat(byLocation.out()).contains("no-text").contains("rejected: input.missing_text");
    assertThat(winnow("explain", "no-text", "--run", dir.resolve("run").toString()).out()).contains("input.missing_text");
  }

  @Test
  void aRunThatRejectsEveryRecordExitsNonZeroNamingTheFieldsPresent() throws IOException {
    Files.writeString(pipeline, Files.readString(pipeline).replace("input: {paths:", "input: {text_field: body, paths:"));
    Result r = winnow("run", pipeline.toString(), "--progress", "none");
    assertThat(r.exit()).isEqualTo(Winnow.FAILED);
    assertThat(r.err()).contains("all 22 records rejected").contains("fields present: text").doesNotContain("Exception");
  }

  @Test
  void missingCommandIsAUsageError() {
    assertThat(winnow().exit()).isEqualTo(2);
    assertThat(winnow("steps").out()).contains("gopher_repetition").contains("fineweb_quality");
  }
}
