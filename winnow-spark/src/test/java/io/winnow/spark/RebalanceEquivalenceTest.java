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
 * The {@code diversity} step, local engine versus Spark local[2], on the same input: the same kept documents,
 * decisions and statistics, for the cluster cap, the weight and the dependency cap. Web pages with one
 * over-represented mode (variations of one page) spread over three shards; the shipped crate corpus split into
 * three shards so that a repository's Cargo.toml and its source file sit in different shards.
 */
class RebalanceEquivalenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JavaSparkContext sc;

  @TempDir static Path dir;
  static Path web;
  static Path code;

  @BeforeAll
  static void setUp() throws IOException {
    sc = EquivalenceTest.localSpark("winnow-rebalance-equivalence");
    web = Files.createDirectories(dir.resolve("web"));
    List<String> lines = EquivalenceTest.webLines();
    String[] words = EquivalenceTest.longPageWords(lines);
    Random rnd = new Random(5);
    List<List<String>> shards = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < 300; i++) shards.get(i / 100).add(lines.get(i));
    for (int v = 0; v < 40; v++) {
      String[] w = words.clone();
      for (int k = 0; k < w.length / 40; k++) w[rnd.nextInt(w.length)] = "variant" + v + "x" + k;
      // the keeper rule below ranks by a score field: ties (equal scores) must go to the earlier document
      shards.get(v % 3).add(JSON.writeValueAsString(Map.of("id", "mode-" + v, "text", String.join(" ", w), "score", v % 4)));
    }
    for (int s = 0; s < 3; s++) Files.write(web.resolve("shard-" + s + ".jsonl"), shards.get(s));

    code = Files.createDirectories(dir.resolve("code"));
    List<String> crates = Files.readAllLines(Path.of("../examples/data/code-crates.jsonl"));
    List<List<String>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < crates.size(); i++) parts.get((i * 7) % 3).add(crates.get(i));
    for (int s = 0; s < 3; s++) Files.write(code.resolve("part-" + s + ".jsonl"), parts.get(s));
  }

  @AfterAll
  static void tearDown() {
    if (sc != null) sc.close();
  }

  private static String yaml(Path in, String steps, Path out) {
    return "input: {paths: ['" + in + "']}\nsteps:\n" + steps + "output: {path: '" + out + "', compression: gzip}\nrun: {workers: 2}\n";
  }

  /** Runs the pipeline on both engines and compares every file of the two run directories. */
  private static JsonNode sameOnBothEngines(String name, Path in, String steps) throws IOException {
    Path local = dir.resolve(name + "-local");
    Path spark = dir.resolve(name + "-spark");
    new LocalEngine(new PipelineFile(StepRegistry.builtIn()).parse(name + ".yaml", yaml(in, steps, local)), false, false, ProgressListener.NONE).run();
    new SparkEngine(sc, name + ".yaml", yaml(in, steps, spark), null, false, false).run();
    JsonNode localStats = EquivalenceTest.withoutTimes(JSON.readTree(local.resolve("stats.json").toFile()));
    JsonNode sparkStats = EquivalenceTest.withoutTimes(JSON.readTree(spark.resolve("stats.json").toFile()));
    assertThat(sparkStats).isEqualTo(localStats);
    Map<String, String> lf = EquivalenceTest.files(local), sf = EquivalenceTest.files(spark);
    assertThat(sf.keySet()).isEqualTo(lf.keySet());
    for (String f : lf.keySet()) {
      if (f.startsWith("stats/") || f.equals("stats.json") || f.equals("run.json")) continue;
      assertThat(sf.get(f)).as(f).isEqualTo(lf.get(f));
    }
    return localStats;
  }

  @Test
  void clusterCapDecidesAsLocally() throws IOException {
    JsonNode stats = sameOnBothEngines("cap", web, "  - {type: diversity, max_per_cluster: 3, keeper: 'max:score'}\n  - gopher_repetition\n");
    assertThat(stats.at("/corpus_steps/diversity/removed").asLong()).as("the cap removed members of the mode").isPositive();
  }

  @Test
  void clusterShareCapAndWeightDecideAsLocally() throws IOException {
    JsonNode share = sameOnBothEngines("share", web, "  - {type: diversity, max_share: 0.2, keeper: longest}\n");
    assertThat(share.at("/corpus_steps/diversity/removed").asLong()).isPositive();
    JsonNode weight = sameOnBothEngines("weight", web, "  - {type: diversity, action: weight, alpha: 0.7}\n");
    assertThat(weight.at("/corpus_steps/diversity/clusters").asLong()).isPositive();
  }

  @Test
  void dependencyCapDecidesAsLocally() throws IOException {
    JsonNode tokio = sameOnBothEngines("tokio", code,
        "  - {type: diversity, by: dependency, ecosystem: cargo, dependencies: [tokio], max_share: 0.2, project_field: repo}\n");
    assertThat(tokio.at("/corpus_steps/diversity/removed_projects").asLong()).isPositive();
    JsonNode all = sameOnBothEngines("all-deps", code, "  - {type: diversity, by: dependency, max_share: 0.15, project_field: repo, keeper: longest}\n");
    assertThat(all.at("/corpus_steps/diversity/removed_projects").asLong()).isPositive();
  }
}
