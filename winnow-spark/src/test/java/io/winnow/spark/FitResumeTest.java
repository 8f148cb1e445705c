package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed Spark run reads the decisions of the corpus steps whose fit finished from the run directory instead of
 * fitting them again (no job observes their shards), fits again only a step whose fit did not finish, and writes
 * the same bytes as the run that was not interrupted.
 */
class FitResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JavaSparkContext sc;
  /** Jobs started, by job group (the engine names one per corpus step's observe pass). */
  private static final Map<String, AtomicInteger> JOBS = new ConcurrentHashMap<>();

  @TempDir static Path dir;
  static Path inputs;

  @BeforeAll
  static void setUp() throws IOException {
    sc = EquivalenceTest.localSpark("winnow-fit-resume");
    sc.sc().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
        if (group != null) JOBS.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
      }
    });
    inputs = Files.createDirectories(dir.resolve("in"));
    List<String> lines = EquivalenceTest.webLines();
    List<String> copies = new ArrayList<>();
    for (int i = 0; i < 300; i += 5) copies.add(lines.get(i).replace("\"id\":\"", "\"id\":\"copy-"));
    for (int s = 0; s < 3; s++) Files.write(inputs.resolve("shard-" + s + ".jsonl"), lines.subList(s * 100, s * 100 + 100));
    Files.write(inputs.resolve("shard-3.jsonl"), copies);
  }

  @AfterAll
  static void tearDown() {
    if (sc != null) sc.close();
  }

  private static String yaml(Path out) {
    return "input: {paths: ['" + inputs + "']}\n"
        + "steps:\n"
        + "  - {type: exact_dedup}\n"
        + "  - gopher_quality\n"
        + "  - {type: minhash_dedup, keeper: longest}\n"
        + "  - {type: diversity, max_per_cluster: 2}\n"
        + "output: {path: '" + out + "', compression: gzip}\n";
  }

  private static int observeJobs(String step) {
    AtomicInteger n = JOBS.get("winnow-observe-" + step);
    return n == null ? 0 : n.get();
  }

  @Test
  void resumeReadsFinishedFitsAndRefitsOnlyTheUnfinishedOne() throws IOException {
    Path out = dir.resolve("run");
    new SparkEngine(sc, "r.yaml", yaml(out), null, false, false).run();
    Map<String, String> whole = EquivalenceTest.files(out);
    assertThat(observeJobs("exact_dedup")).isPositive();
    assertThat(out.resolve("corpus/exact_dedup/fit/done")).exists();
    assertThat(out.resolve("corpus/minhash_dedup/checkpoint")).doesNotExist();
    assertThat(JSON.readTree(out.resolve("stats.json").toFile()).at("/corpus_steps/exact_dedup/removed").asLong()).isPositive();

    // a run that stopped while fitting minhash_dedup: exact_dedup's fit finished, no shard completed
    interrupt(out, List.of(0, 1, 2, 3));
    deleteTree(out.resolve("corpus/minhash_dedup/fit"));
    deleteTree(out.resolve("corpus/diversity"));
    JOBS.clear();
    SparkEngine.Result resumed = new SparkEngine(sc, "r.yaml", yaml(out), null, true, false).run();
    assertThat(resumed.shardsRun()).isEqualTo(4);
    assertThat(observeJobs("exact_dedup")).as("exact_dedup is not fitted again").isZero();
    assertThat(observeJobs("minhash_dedup")).as("minhash_dedup is").isPositive();
    assertSame(whole, EquivalenceTest.files(out));

    // a run that stopped in the final pass: no step is fitted again
    interrupt(out, List.of(2));
    JOBS.clear();
    resumed = new SparkEngine(sc, "r.yaml", yaml(out), null, true, false).run();
    assertThat(resumed.shardsRun()).isEqualTo(1);
    for (String step : List.of("exact_dedup", "minhash_dedup", "diversity")) assertThat(observeJobs(step)).as(step).isZero();
    assertSame(whole, EquivalenceTest.files(out));
  }

  @Test
  void aFitLeftByAnotherPipelineIsNotReused() throws IOException {
    Path out = dir.resolve("other");
    new SparkEngine(sc, "r.yaml", yaml(out), null, false, false).run();
    // the marker records the fingerprint of the pipeline that fitted the step
    String done = Files.readString(out.resolve("corpus/exact_dedup/fit/done"));
    Files.writeString(out.resolve("corpus/exact_dedup/fit/done"), done.replaceFirst("\"fingerprint\":\"[0-9a-f]+\"", "\"fingerprint\":\"0\""));
    interrupt(out, List.of(0));
    JOBS.clear();
    new SparkEngine(sc, "r.yaml", yaml(out), null, true, false).run();
    assertThat(observeJobs("exact_dedup")).isPositive();
    assertThat(observeJobs("minhash_dedup")).isZero();
  }

  /** What a run that stopped before these shards completed leaves: no markers, data or stats for them, no stats.json. */
  private static void interrupt(Path run, List<Integer> shards) throws IOException {
    Files.delete(run.resolve("stats.json"));
    for (int i : shards) {
      String name = io.winnow.engine.RunLayout.shardName(i);
      Files.delete(run.resolve("completions").resolve(name));
      for (String d : List.of("data", "decisions", "stats")) {
        try (Stream<Path> s = Files.list(run.resolve(d))) {
          for (Path f : s.filter(f -> f.getFileName().toString().startsWith(name)).toList()) Files.delete(f);
        }
      }
    }
  }

  private static void assertSame(Map<String, String> expected, Map<String, String> actual) throws IOException {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String f : expected.keySet()) {
      if (f.startsWith("stats/") || f.equals("stats.json")) {
        assertThat(EquivalenceTest.withoutTimes(JSON.readTree(actual.get(f)))).as(f).isEqualTo(EquivalenceTest.withoutTimes(JSON.readTree(expected.get(f))));
      } else {
        assertThat(actual.get(f)).as(f).isEqualTo(expected.get(f));
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
