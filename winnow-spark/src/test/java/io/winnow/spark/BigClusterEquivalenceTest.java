package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One near-duplicate cluster of thousands of documents (a boilerplate page in many variants, spread over every
 * shard) among real web pages: Spark decides what the local engine decides, with one shuffle partition (no key is
 * split) and with several (the cluster's keys are split into pieces by {@link SkewJoin}), for both dedups and the
 * diversity cap.
 */
class BigClusterEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VARIANTS = 1_500;
  private static JavaSparkContext sc;

  @TempDir static Path dir;
  static Path inputs;

  @BeforeAll
  static void setUp() throws IOException {
    sc = EquivalenceTest.localSpark("winnow-big-cluster");
    inputs = Files.createDirectories(dir.resolve("in"));
    List<String> lines = EquivalenceTest.webLines();
    String[] words = EquivalenceTest.longPageWords(lines);
    Random rnd = new Random(11);
    List<List<String>> shards = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < 300; i++) shards.get(i % 4).add(lines.get(i));
    for (int v = 0; v < VARIANTS; v++) {
      String[] w = words.clone();
      for (int k = 0; k < 3; k++) w[rnd.nextInt(w.length)] = "variant" + v + "x" + k;
      // every tenth variant exactly repeated, so that exact dedup has a cluster too; scores tie often
      String text = String.join(" ", w);
      shards.get(v % 4).add(JSON.writeValueAsString(Map.of("id", "page-" + v, "text", text, "score", v % 7)));
      if (v % 10 == 0) shards.get((v + 1) % 4).add(JSON.writeValueAsString(Map.of("id", "page-" + v + "-again", "text", text, "score", 0)));
    }
    for (int s = 0; s < 4; s++) Files.write(inputs.resolve("shard-" + s + ".jsonl"), shards.get(s));
  }

  @AfterAll
  static void tearDown() {
    if (sc != null) sc.close();
  }

  private static String yaml(String steps, Path out, int partitions) {
    return "input: {paths: ['" + inputs + "']}\nsteps:\n" + steps + "output: {path: '" + out + "', compression: gzip}\n"
        + "run: {workers: 2, spark: {partitions: " + partitions + "}}\n";
  }

  /** Runs the pipeline locally and on Spark with 1 and 4 partitions; every file of the run directories the same. */
  private static JsonNode sameEverywhere(String name, String steps) throws IOException {
    Path local = dir.resolve(name + "-local");
    new LocalEngine(new PipelineFile(StepRegistry.builtIn()).parse(name + ".yaml", yaml(steps, local, 1)), false, false, ProgressListener.NONE).run();
    JsonNode localStats = EquivalenceTest.withoutTimes(JSON.readTree(local.resolve("stats.json").toFile()));
    Map<String, String> lf = EquivalenceTest.files(local);
    for (int partitions : new int[] {1, 4}) {
      Path spark = dir.resolve(name + "-spark-" + partitions);
      new SparkEngine(sc, name + ".yaml", yaml(steps, spark, partitions), null, false, false).run();
      assertThat(EquivalenceTest.withoutTimes(JSON.readTree(spark.resolve("stats.json").toFile()))).as("partitions " + partitions).isEqualTo(localStats);
      Map<String, String> sf = EquivalenceTest.files(spark);
      assertThat(sf.keySet()).isEqualTo(lf.keySet());
      for (String f : lf.keySet()) {
        if (f.startsWith("stats/") || f.equals("stats.json") || f.equals("run.json")) continue;
        assertThat(sf.get(f)).as(f + ", partitions " + partitions).isEqualTo(lf.get(f));
      }
    }
    return localStats;
  }

  @Test
  void oneHugeClusterIsDecidedAsLocally() throws IOException {
    // with 4 partitions, a key holding more than a partition's share of the records is split
    assertThat(SkewJoin.limit(300 + VARIANTS + VARIANTS / 10, 4)).isLessThan(VARIANTS);
    JsonNode stats = sameEverywhere("dedup", "  - exact_dedup\n  - {type: minhash_dedup, keeper: 'max:score'}\n");
    assertThat(stats.at("/corpus_steps/exact_dedup/removed").asLong()).isEqualTo(VARIANTS / 10);
    assertThat(stats.at("/corpus_steps/minhash_dedup/removed").asLong()).as("the variants are one cluster").isGreaterThanOrEqualTo(VARIANTS - 10);
  }

  @Test
  void oneHugeClusterIsCappedAsLocally() throws IOException {
    JsonNode stats = sameEverywhere("cap", "  - {type: diversity, max_per_cluster: 5, keeper: 'max:score'}\n");
    assertThat(stats.at("/corpus_steps/diversity/removed").asLong()).isGreaterThanOrEqualTo(VARIANTS - 10);
  }
}
