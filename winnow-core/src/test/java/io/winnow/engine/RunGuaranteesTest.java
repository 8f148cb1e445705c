package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.io.AtomicFiles;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run promises about its output directory: one writer, resumes of the same run only, nothing stale. */
class RunGuaranteesTest {
  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void input() throws IOException {
    in = Files.createDirectories(dir.resolve("in"));
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      String line = "{\"id\":\"d" + i + "\",\"text\":\"Document number " + i + " says something different from the others, " + "word".repeat(i + 1) + ".\"}\n";
      (i % 2 == 0 ? a : b).append(line);
    }
    Files.writeString(in.resolve("a.jsonl"), a);
    Files.writeString(in.resolve("b.jsonl"), b);
  }

  private Pipeline pipeline(String inputs, String steps, String out, String extra) {
    return new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", "input: {paths: [" + inputs + "]" + extra + "}\n"
        + "steps: [" + steps + "]\noutput: {path: '" + out + "', compression: none}\n");
  }

  private Pipeline pipeline(String steps) {
    return pipeline("'" + in + "'", steps, dir.resolve("run").toString(), "");
  }

  private static LocalEngine.Result run(Pipeline p, boolean resume) throws IOException {
    return new LocalEngine(p, resume, false, ProgressListener.NONE).run();
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheDirectory() throws IOException {
    Pipeline p = pipeline("exact_dedup");
    run(p, false);
    try (RunLock held = RunLock.acquire(dir.resolve("run"))) {
      assertThatThrownBy(() -> run(p, true)).isInstanceOf(RunFailedException.class)
          .hasMessageContaining("being written by another run").hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    assertThat(run(p, true).shardsSkipped()).isEqualTo(2);
  }

  @Test
  void aLockLeftByADeadRunIsTakenOver() throws IOException {
    Pipeline p = pipeline("exact_dedup");
    run(p, false);
    Files.writeString(dir.resolve("run").resolve(RunLock.FILE_NAME), "pid 4242 on elsewhere, started 2026-01-01T00:00:00Z\n");
    try (RunLock lock = RunLock.acquire(dir.resolve("run"))) {
      assertThat(lock.staleHolder()).contains("pid 4242");
    }
    assertThat(run(p, true).shardsSkipped()).isEqualTo(2);
  }

  @Test
  void resumeIsRefusedWhenAnInputChangedSinceTheRunStarted() throws IOException {
    Pipeline p = pipeline("exact_dedup");
    run(p, false);
    Files.writeString(in.resolve("b.jsonl"), "{\"id\":\"copy\",\"text\":\"Document number 0 says something different from the others, word.\"}\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(() -> run(p, true)).isInstanceOf(RunFailedException.class)
        .hasMessageContaining("b.jsonl changed since the run started");
  }

  @Test
  void resumeIsRefusedWhenAFileAStepReadsChanged() throws IOException {
    Path bench = Files.copy(Fixtures.path("gsm8k-test-30.jsonl"), dir.resolve("gsm8k.jsonl"));
    Pipeline p = pipeline("{type: decontaminate, benchmarks: ['" + bench + "']}");
    run(p, false);
    assertThat(run(p, true).shardsSkipped()).isEqualTo(2);
    List<String> lines = Files.readAllLines(bench);
    Files.write(bench, lines.subList(0, lines.size() - 1));
    assertThatThrownBy(() -> run(p, true)).isInstanceOf(RunFailedException.class)
        .hasMessageContaining("gsm8k.jsonl that a step reads changed");
  }

  @Test
  void aShardWhoseDataFileWasDeletedIsRedoneOnResume() throws IOException {
    Pipeline p = pipeline("exact_dedup");
    LocalEngine.Result first = run(p, false);
    Path data;
    try (Stream<Path> files = Files.list(first.runDir().resolve("data"))) {
      data = files.sorted().findFirst().orElseThrow();
    }
    String content = Files.readString(data);
    Files.delete(data);
    LocalEngine.Result resumed = run(p, true);
    assertThat(resumed.shardsRun()).isEqualTo(1);
    assertThat(Files.readString(data)).isEqualTo(content);
    assertThat(resumed.stats().kept()).isEqualTo(first.stats().kept());

    Files.writeString(data, content.substring(0, content.length() / 2));
    assertThat(run(p, true).shardsRun()).isEqualTo(1);
    assertThat(Files.readString(data)).isEqualTo(content);
  }

  @Test
  void anOutputInsideAnInputFolderIsRefused() {
    Pipeline inside = pipeline("'" + in + "'", "exact_dedup", in.resolve("runs/x").toString(), "");
    assertThatThrownBy(() -> run(inside, false)).isInstanceOf(RunFailedException.class)
        .hasMessageContaining("is inside the input folder");
    Pipeline recursiveGlob = pipeline("'" + dir + "/**/*.jsonl'", "exact_dedup", in.resolve("runs/x").toString(), "");
    assertThatThrownBy(() -> run(recursiveGlob, false)).hasMessageContaining("is inside the input folder");
    assertThat(in.resolve("runs")).doesNotExist();
  }

  @Test
  void anInputInsideTheOutputFolderIsRefused() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path inside = Files.copy(in.resolve("a.jsonl"), out.resolve("a.jsonl"));
    Pipeline p = pipeline("'" + inside + "'", "exact_dedup", out.toString(), "");
    assertThatThrownBy(() -> run(p, false)).hasMessageContaining("lies inside the output folder");
    assertThat(inside).exists();
  }

  @Test
  void aRemoteOutputPathWithoutItsStorageModuleIsAnErrorNotALocalFolderNamedAfterIt() {
    for (String uri : List.of("s3://bucket/out", "gs://bucket/out", "hdfs://nn/out")) {
      Pipeline p = pipeline("exact_dedup").withOutputPath(uri);
      assertThatThrownBy(() -> new LocalEngine(p, false, false, ProgressListener.NONE))
          .isInstanceOf(RunFailedException.class).hasMessageContaining("no storage for").hasMessageContaining("winnow-hadoop");
    }
    assertThat(Path.of("s3:")).doesNotExist();
  }

  @Test
  void aWrongTextFieldFailsTheRunNamingTheFieldsPresent() throws IOException {
    Pipeline p = pipeline("'" + in + "'", "gopher_quality", dir.resolve("run").toString(), ", text_field: body");
    assertThatThrownBy(() -> run(p, false)).isInstanceOf(RunFailedException.class)
        .hasMessageContaining("all 10 records rejected").hasMessageContaining("input.missing_text")
        .hasMessageContaining("fields present: text");
    assertThat(dir.resolve("run/stats.json")).exists();
    Pipeline accepted = new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", "input: {paths: ['" + in + "'], text_field: body}\n"
        + "steps: [gopher_quality]\noutput: {path: '" + dir.resolve("run2") + "'}\nrun: {max_rejected_share: 1}\n");
    assertThat(run(accepted, false).stats().rejected()).isEqualTo(20);
  }

  @Test
  void aFewBadRecordsDoNotFailTheRun() throws IOException {
    Files.writeString(in.resolve("a.jsonl"), "not json\n", StandardOpenOption.APPEND);
    assertThat(run(pipeline("gopher_quality"), false).stats().rejected()).isEqualTo(1);
  }

  @Test
  void aWriteErrorNamesTheFile() throws IOException {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "skipped: no /dev/full on this system");
    try (OutputStream out = AtomicFiles.create(full)) {
      assertThatThrownBy(() -> {
        out.write("x".repeat(1 << 16).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }).isInstanceOf(IOException.class).hasMessageContaining("/dev/full");
    } catch (IOException closing) {
      assertThat(closing).hasMessageContaining("/dev/full");
    }
  }
}
