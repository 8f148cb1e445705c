package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Verdict;
import io.winnow.io.Compression;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import io.winnow.report.RunStats;
import io.winnow.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each step sees each document once, however many corpus steps follow it: the observe passes hand their
 * documents on in stage files instead of making the next pass run the steps before them again.
 */
class StepOnceTest {
  @TempDir Path dir;
  private Path inputDir;

  /** Invocations by "step id/document id", counted by the test steps. */
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** A step that counts its invocations; {@code count_modify} also changes the text, {@code count_meta} annotates. */
  private static StepRegistry registry() {
    StepRegistry r = StepRegistry.builtIn();
    for (String name : List.of("count_a", "count_b", "count_c")) {
      r.register(StepType.document(name, "test: counts invocations", p -> {
        p.finish();
        return () -> doc -> {
          CALLS.computeIfAbsent(name + "/" + doc.id(), k -> new AtomicInteger()).incrementAndGet();
          if (name.equals("count_a")) {
            // a modification and typed annotations must reach the later passes unchanged
            doc.metadata().put("long_value", 7L);
            doc.metadata().put("float_value", 0.25f);
            return Verdict.modify(doc.text() + "\n", null, Verdict.values("chars", doc.text().length()));
          }
          if (name.equals("count_b")) {
            assertThat(doc.metadata().get("long_value")).isInstanceOf(Long.class);
            assertThat(doc.metadata().get("float_value")).isInstanceOf(Float.class);
          }
          return Verdict.keep();
        };
      }));
    }
    return r;
  }

  @BeforeEach
  void makeInputs() throws IOException {
    CALLS.clear();
    inputDir = Files.createDirectories(dir.resolve("in"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) lines.add(l);
    }
    for (int s = 0; s < 3; s++) {
      Path f = inputDir.resolve("shard-" + s + ".jsonl" + (s == 1 ? ".zst" : ""));
      try (OutputStream out = (s == 1 ? Compression.ZSTD : Compression.NONE).compress(Files.newOutputStream(f))) {
        for (int i = s; i < lines.size(); i += 3) out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
        // a duplicate of the shard's first document, for the dedup steps to drop
        out.write((lines.get(s).replaceFirst("^\\{\"id\": ", "{\"id\": \"copy-" + s + "\", \"orig_id\": ") + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Files.writeString(inputDir.resolve("shard-3.jsonl"), "{\"id\":\"ok\",\"text\":\"short\"}\nnot json\n");
  }

  private Pipeline pipeline(String out) {
    return pipeline(out, "count_a, gopher_repetition, exact_dedup, count_b, gopher_quality, minhash_dedup, count_c, fineweb_quality");
  }

  private Pipeline pipeline(String out, String steps) {
    String yaml = "input: {paths: ['" + inputDir + "']}\n"
        + "steps: [" + steps + "]\n"
        + "output: {path: '" + dir.resolve(out) + "'}\n"
        + "run: {workers: 2}\n";
    return new PipelineFile(registry()).parse("test.yaml", yaml);
  }

  @Test
  void everyStepRunsOncePerDocumentThatReachesIt() throws IOException {
    LocalEngine.Result r = new LocalEngine(pipeline("run"), false, false, ProgressListener.NONE).run();
    RunStats s = r.stats();

    assertThat(CALLS).isNotEmpty();
    assertThat(CALLS.values()).allMatch(n -> n.get() == 1);
    // each counting step ran on exactly the documents its statistics say reached it
    for (String step : List.of("count_a", "count_b", "count_c")) {
      long calls = CALLS.keySet().stream().filter(k -> k.startsWith(step + "/")).count();
      assertThat(calls).as(step).isEqualTo(s.steps().get(step).docsIn()).isPositive();
    }
    assertThat(s.steps().get("count_a").docsIn()).isEqualTo(s.documents());
    assertThat(s.steps().get("exact_dedup").dropped()).isPositive();

    // one log line per input record, with the whole trail: every step up to the one that dropped it
    List<LogEntry> log = new ArrayList<>();
    DecisionLogReader.forEach(r.runDir(), log::add);
    assertThat(log).hasSize((int) s.records());
    LogEntry kept = log.stream().filter(e -> e.outcome() == io.winnow.log.Outcome.KEPT).findFirst().orElseThrow();
    assertThat(kept.raw().get("trail")).hasSize(8);

    // the stage files were read once and are gone with the run complete
    try (Stream<Path> files = Files.walk(r.runDir())) {
      assertThat(files.filter(f -> f.getParent().getFileName().toString().equals("stage"))).isEmpty();
    }
  }

  @Test
  void aCorpusStepFirstInThePipelineStagesNothingAndTheNextPassReadsTheInput() throws IOException {
    LocalEngine.Result r = new LocalEngine(pipeline("run", "exact_dedup, count_a, minhash_dedup, count_b"), false, false,
        ProgressListener.NONE).run();
    RunStats s = r.stats();

    assertThat(CALLS.values()).isNotEmpty().allMatch(n -> n.get() == 1);
    for (String step : List.of("count_a", "count_b")) {
      long calls = CALLS.keySet().stream().filter(k -> k.startsWith(step + "/")).count();
      assertThat(calls).as(step).isEqualTo(s.steps().get(step).docsIn()).isPositive();
    }
    // the copies of the shards' first documents
    assertThat(s.steps().get("exact_dedup").dropped()).isEqualTo(3);
    assertThat(s.steps().get("count_a").docsIn()).isEqualTo(s.steps().get("exact_dedup").docsIn() - 3);
    // the first observe pass read the input and left nothing; the second ran count_a and staged its records
    assertThat(r.runDir().resolve("corpus/exact_dedup/stage")).doesNotExist();
    assertThat(r.runDir().resolve("corpus/minhash_dedup/stage")).isDirectory();

    List<LogEntry> log = new ArrayList<>();
    DecisionLogReader.forEach(r.runDir(), log::add);
    assertThat(log).hasSize((int) s.records());
    assertThat(log.stream().filter(e -> e.outcome() == io.winnow.log.Outcome.KEPT).findFirst().orElseThrow().raw().get("trail"))
        .hasSize(4);
  }

  @Test
  void aCompletedShardRedoneWithoutItsStageHasTheSameOutput() throws IOException {
    LocalEngine.Result first = new LocalEngine(pipeline("run"), false, false, ProgressListener.NONE).run();
    Path run = first.runDir();
    String before = decisions(run);
    // the shard's stage is gone with its completion; losing its log makes the resumed run redo it from the input
    try (Stream<Path> logs = Files.list(run.resolve("decisions"))) {
      Files.delete(logs.sorted().findFirst().orElseThrow());
    }
    LocalEngine.Result resumed = new LocalEngine(pipeline("run"), true, false, ProgressListener.NONE).run();
    assertThat(resumed.shardsRun()).isEqualTo(1);
    assertThat(decisions(run)).isEqualTo(before);
  }

  private static String decisions(Path run) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(run.resolve("decisions"))) {
      for (Path f : files.sorted().toList()) {
        try (var in = Compression.forName(f.toString()).decompress(Files.newInputStream(f))) {
          sb.append(f.getFileName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return sb.toString();
  }
}
