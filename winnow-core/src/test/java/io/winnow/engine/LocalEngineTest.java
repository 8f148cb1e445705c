package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Verdict;
import io.winnow.io.Compression;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEngineTest {
  @TempDir Path dir;
  private Path inputDir;
  private int inputRecords;

  /** When set, the test step throws this error on the document with this id: a crash in the middle of a run. */
  static final AtomicReference<String> CRASH_ON = new AtomicReference<>();

  static final class SimulatedCrash extends Error {
    SimulatedCrash(String m) {
      super(m);
    }
  }

  private static StepRegistry registry() {
    StepRegistry r = StepRegistry.builtIn();
    r.register(StepType.document("crash_point", "test: crashes the run on one document", p -> {
      p.finish();
      return () -> doc -> {
        if (doc.id().equals(CRASH_ON.get())) throw new SimulatedCrash("simulated crash on " + doc.id());
        return Verdict.keep();
      };
    }));
    return r;
  }

  /** Splits the 300 real fixture documents into 5 shards and adds a shard of bad records. */
  @BeforeEach
  void makeInputs() throws IOException {
    inputDir = Files.createDirectories(dir.resolve("in"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) lines.add(l);
    }
    for (int s = 0; s < 5; s++) {
      Path f = inputDir.resolve("shard-" + s + ".jsonl" + (s % 2 == 0 ? ".zst" : ""));
      try (OutputStream out = (s % 2 == 0 ? Compression.ZSTD : Compression.NONE).compress(Files.newOutputStream(f))) {
        for (int i = s; i < lines.size(); i += 5) out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Files.writeString(inputDir.resolve("shard-5.jsonl"), "{\"id\":\"ok\",\"text\":\"short\"}\nnot json\n{\"id\":\"nt\"}\n");
    inputRecords = lines.size() + 3;
  }

  private Pipeline pipeline(String out, int workers, String extraStep) {
    String yaml = "input: {paths: ['" + inputDir + "']}\n"
        + "steps: [" + (extraStep == null ? "" : extraStep + ", ")
        + "gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality]\n"
        + "output: {path: '" + dir.resolve(out) + "', compression: gzip, max_file_bytes: 20000}\n"
        + "run: {workers: " + workers + "}\n";
    return new PipelineFile(registry()).parse("test.yaml", yaml);
  }

  private static LocalEngine.Result run(Pipeline p, boolean resume) throws IOException {
    return new LocalEngine(p, resume, false, ProgressListener.NONE).run();
  }

  @Test
  void everyRecordHasExactlyOneOutcome() throws IOException {
    LocalEngine.Result r = run(pipeline("run", 2, null), false);
    RunStats s = r.stats();
    assertThat(s.records()).isEqualTo(inputRecords);
    assertThat(s.kept() + s.dropped() + s.rejected()).isEqualTo(s.records());
    assertThat(s.rejected()).isEqualTo(2);
    assertThat(s.shards()).isEqualTo(6);

    List<LogEntry> log = new ArrayList<>();
    DecisionLogReader.forEach(r.runDir(), log::add);
    assertThat(log).hasSize(inputRecords);
    Map<Outcome, Long> byOutcome = new TreeMap<>();
    log.forEach(e -> byOutcome.merge(e.outcome(), 1L, Long::sum));
    assertThat(byOutcome).containsEntry(Outcome.KEPT, s.kept()).containsEntry(Outcome.DROPPED, s.dropped())
        .containsEntry(Outcome.REJECTED, s.rejected());
    List<String> ids = log.stream().filter(e -> e.id() != null).map(LogEntry::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(log.stream().filter(e -> e.outcome() == Outcome.DROPPED))
        .allMatch(e -> e.reason() != null && e.reason().startsWith(e.raw().get("by").asText() + "."));
    assertThat(readData(r.runDir())).hasSize((int) s.kept());
    assertThat(Files.exists(r.runDir().resolve("stats.json"))).isTrue();
    try (Stream<Path> files = Files.walk(r.runDir())) {
      assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void outputDoesNotDependOnTheNumberOfWorkers() throws IOException {
    run(pipeline("one", 1, null), false);
    run(pipeline("two", 3, null), false);
    assertThat(contents(dir.resolve("two"))).isEqualTo(contents(dir.resolve("one")));
  }

  @Test
  void strictRunFailsOnTheFirstBadRecordNamingIt() {
    Pipeline p = pipeline("strict", 1, null);
    assertThatThrownBy(() -> new LocalEngine(p, false, true, ProgressListener.NONE).run())
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("shard-5.jsonl:2: input.malformed_json");
  }

  @Test
  void aRunDirectoryIsNotOverwrittenWithoutResume() throws IOException {
    run(pipeline("again", 1, null), false);
    assertThatThrownBy(() -> run(pipeline("again", 1, null), false)).hasMessageContaining("--resume");
    assertThatThrownBy(() -> run(pipeline("again", 1, "{type: c4, id: other}"), true)).hasMessageContaining("pipeline differs");
  }

  @Test
  void resumeAfterACrashFinishesWithTheSameResultAsAnUninterruptedRun() throws IOException {
    run(pipeline("clean", 1, "crash_point"), false);
    String victim = firstIdOf(inputDir.resolve("shard-3.jsonl"));
    CRASH_ON.set(victim);
    try {
      assertThatThrownBy(() -> run(pipeline("crashed", 1, "crash_point"), false)).isInstanceOf(SimulatedCrash.class);
    } finally {
      CRASH_ON.set(null);
    }
    Path crashed = dir.resolve("crashed");
    try (Stream<Path> markers = Files.list(crashed.resolve("completions"))) {
      assertThat(markers.count()).isEqualTo(3); // shards 0-2 finished before the crash in shard 3
    }
    LocalEngine.Result resumed = run(pipeline("crashed", 2, "crash_point"), true);
    assertThat(resumed.shardsSkipped()).isEqualTo(3);
    assertThat(resumed.shardsRun()).isEqualTo(3);
    assertThat(contents(crashed)).isEqualTo(contents(dir.resolve("clean")));
  }

  private static String firstIdOf(Path jsonl) throws IOException {
    String line = Files.readAllLines(jsonl).get(0);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("id").asText();
  }

  /** Decompressed contents of data/, decisions/ and stats.json, by relative path. */
  private static Map<String, String> contents(Path run) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String sub : List.of("data", "decisions")) {
      try (Stream<Path> files = Files.list(run.resolve(sub))) {
        for (Path f : files.sorted().toList()) {
          try (var in = Compression.forName(f.toString()).decompress(Files.newInputStream(f))) {
            out.put(sub + "/" + f.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    String stats = Files.readString(run.resolve("stats.json")).replaceAll("\"seconds\" : [0-9.Ee-]+", "");
    out.put("stats.json", stats);
    return out;
  }

  private static List<String> readData(Path run) throws IOException {
    List<String> docs = new ArrayList<>();
    Map<String, String> c = contents(run);
    c.forEach((k, v) -> {
      if (k.startsWith("data/")) v.lines().forEach(docs::add);
    });
    return docs;
  }

}
