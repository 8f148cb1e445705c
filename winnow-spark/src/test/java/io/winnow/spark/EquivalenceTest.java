package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipeline on the same input, local engine versus Spark local[2]: the same kept documents, the same
 * decisions, the same statistics. Real web documents, with exact and near duplicates planted across shards so
 * that both dedup steps remove documents, and bad records so that rejections are compared too.
 */
class EquivalenceTest {
  private static JavaSparkContext sc;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path inputs;

  @BeforeAll
  static void setUp() throws IOException {
    sc = localSpark("winnow-equivalence");
    inputs = Files.createDirectories(dir.resolve("in"));
    List<String> lines = webLines();
    // five shards; shards 3 and 4 repeat documents of the others, exactly and with an edit at the end
    for (int s = 0; s < 3; s++) Files.write(inputs.resolve("shard-" + s + ".jsonl"), lines.subList(s * 100, s * 100 + 100));
    List<String> copies = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    for (int i = 0; i < 300; i += 7) {
      ObjectNode o = (ObjectNode) JSON.readTree(lines.get(i));
      o.put("id", o.path("id").asText() + "-copy");
      copies.add(JSON.writeValueAsString(o));
      o.put("id", o.path("id").asText() + "-edited");
      o.put("text", o.path("text").asText() + " Read more.");
      edited.add(JSON.writeValueAsString(o));
    }
    copies.add("{\"id\":\"broken\",\"text\":");
    Files.write(inputs.resolve("shard-3.jsonl"), copies);
    Files.write(inputs.resolve("shard-4.jsonl"), edited);
  }

  /** Spark on two local threads, as the tests run it. */
  static JavaSparkContext localSpark(String app) {
    return new JavaSparkContext(SparkDefaults.apply(new SparkConf()).setMaster("local[2]").setAppName(app)
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
  }

  /** The 300 real web documents of the golden-vector fixture, as JSONL lines. */
  static List<String> webLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) lines.add(line);
    }
    return lines;
  }

  /** The words of the first page of over 300 words: a template for near-duplicate variants. */
  static String[] longPageWords(List<String> lines) throws IOException {
    for (String l : lines) {
      String t = JSON.readTree(l).get("text").asText();
      if (t.split("\\s+").length > 300) return t.split(" ");
    }
    throw new IllegalStateException("no page of over 300 words in the fixture");
  }

  @AfterAll
  static void tearDown() {
    if (sc != null) sc.close();
  }

  private static String yaml(Path out) {
    return "input: {paths: ['" + inputs + "']}\n"
        + "steps:\n"
        + "  - gopher_repetition\n"
        + "  - {type: exact_dedup}\n"
        + "  - gopher_quality\n"
        + "  - {type: minhash_dedup, keeper: longest}\n"
        + "  - {type: c4, filter_no_terminal_punct: false}\n"
        + "  - fineweb_quality\n"
        + "  - {type: slop, action: weight}\n"
        + "output: {path: '" + out + "', compression: gzip, max_file_bytes: 30000}\n"
        // a tokenizer.json, so that executors count with the native tokenizer as the local engine does
        + "run: {workers: 2, tokenizer: '" + Path.of("../examples/tokenizers/metaspace-bpe.json").toAbsolutePath() + "'}\n";
  }

  @Test
  void sparkWritesWhatTheLocalEngineWrites() throws IOException {
    Path local = dir.resolve("local");
    Path spark = dir.resolve("spark");
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("equivalence.yaml", yaml(local));
    LocalEngine.Result l = new LocalEngine(p, false, false, ProgressListener.NONE).run();
    SparkEngine.Result s = new SparkEngine(sc, "equivalence.yaml", yaml(spark), null, false, false).run();

    assertThat(s.shardsRun()).isEqualTo(5);
    assertThat(s.stats().records()).isEqualTo(l.stats().records()).isEqualTo(300 + 43 + 1 + 43);
    // both dedup steps removed something, so the comparison covers the distributed stages
    JsonNode localStats = withoutTimes(JSON.readTree(local.resolve("stats.json").toFile()));
    JsonNode sparkStats = withoutTimes(JSON.readTree(spark.resolve("stats.json").toFile()));
    assertThat(localStats.at("/corpus_steps/exact_dedup/removed").asLong()).isPositive();
    assertThat(localStats.at("/corpus_steps/minhash_dedup/removed").asLong()).isPositive();
    assertThat(localStats.at("/estimates/slop/synthetic_share").isNumber()).isTrue();
    assertThat(localStats.path("tokens_out").asLong()).isPositive();
    assertThat(sparkStats).isEqualTo(localStats);

    // the same files with the same bytes: kept documents, decision logs, shard statistics (times aside)
    Map<String, String> lf = files(local), sf = files(spark);
    assertThat(sf.keySet()).isEqualTo(lf.keySet());
    for (String name : lf.keySet()) {
      if (name.startsWith("stats/") || name.equals("stats.json") || name.equals("run.json")) continue;
      assertThat(sf.get(name)).as(name).isEqualTo(lf.get(name));
    }
    assertThat(lf.keySet()).anyMatch(n -> n.startsWith("data/")).anyMatch(n -> n.startsWith("decisions/"));
  }

  @Test
  void resumeSkipsCompletedShardsAndRedoesTheRest() throws IOException {
    Path out = dir.resolve("resume");
    SparkEngine.Result first = new SparkEngine(sc, "r.yaml", yaml(out), null, false, false).run();
    String before = Files.readString(out.resolve("stats.json"));
    // lose one shard's completion marker and a data file: that shard runs again, the others are skipped
    Files.delete(out.resolve("completions/part-00002"));
    try (Stream<Path> s = Files.list(out.resolve("data"))) {
      for (Path f : s.filter(f -> f.getFileName().toString().startsWith("part-00002")).toList()) Files.delete(f);
    }
    SparkEngine.Result second = new SparkEngine(sc, "r.yaml", yaml(out), null, true, false).run();
    assertThat(second.shardsRun()).isEqualTo(1);
    assertThat(second.shardsSkipped()).isEqualTo(4);
    assertThat(withoutTimes(JSON.readTree(Files.readString(out.resolve("stats.json")))))
        .isEqualTo(withoutTimes(JSON.readTree(before)));
    assertThat(first.stats().kept()).isEqualTo(second.stats().kept());
  }

  @Test
  void inputsReadThroughHadoopFileSystemsGiveTheSameResults() throws IOException {
    Path local = dir.resolve("local-for-remote");
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("equivalence.yaml", yaml(local));
    new LocalEngine(p, false, false, ProgressListener.NONE).run();
    // file: URIs for inputs and output, and inputs copied through Hadoop's file system as HDFS or S3 inputs are
    String remoteYaml = yaml(dir.resolve("unused")).replace("paths: ['" + inputs + "']", "paths: ['" + inputs.toUri() + "']");
    String out = dir.resolve("via-hadoop").toUri().toString();
    SparkEngine.Result s = new SparkEngine(sc, "remote.yaml", remoteYaml, out, false, false).viaHadoopFileSystems().run();
    assertThat(s.shardsRun()).isEqualTo(5);
    Map<String, String> lf = files(local), sf = files(dir.resolve("via-hadoop"));
    assertThat(sf.keySet()).isEqualTo(lf.keySet());
    for (String name : lf.keySet()) {
      if (!name.startsWith("data/") && !name.startsWith("decisions/")) continue;
      // documents name their source as it was given: a file: URI here, a path locally
      String normalised = sf.get(name).replace("file:" + inputs, inputs.toString()).replace(inputs.toUri().toString(), inputs + "/");
      assertThat(normalised).as(name).isEqualTo(lf.get(name));
    }
  }

  @Test
  void overridesAndASampleSelectTheSameAsTheLocalEngine() throws IOException {
    List<String> overrides = List.of("steps.gopher_quality.min_doc_words=80", "run.sample=0.5", "run.sample_seed=7");
    Path local = dir.resolve("local-sampled");
    Path spark = dir.resolve("spark-sampled");
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("sampled.yaml", yaml(local), overrides);
    LocalEngine.Result l = new LocalEngine(p, false, false, ProgressListener.NONE).run();
    SparkEngine.Result s = new SparkEngine(sc, "sampled.yaml", yaml(spark), overrides, null, false, false).run();
    // about half of the 387 records, the same ones, and the override applied on the executors as on the driver
    assertThat(l.stats().records()).isBetween(120L, 270L);
    assertThat(withoutTimes(JSON.readTree(spark.resolve("stats.json").toFile())))
        .isEqualTo(withoutTimes(JSON.readTree(local.resolve("stats.json").toFile())));
    Map<String, String> lf = files(local), sf = files(spark);
    for (String name : lf.keySet()) {
      if (name.startsWith("data/") || name.startsWith("decisions/")) assertThat(sf.get(name)).as(name).isEqualTo(lf.get(name));
    }
    assertThat(Files.readString(spark.resolve("run.json"))).contains("min_doc_words").contains("80");
  }

  @Test
  void aLimitAndStandardStreamsAreRefusedWithTheirReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SparkEngine(sc, "l.yaml", yaml(dir.resolve("never-l")), List.of("run.limit=10"), null, false, false))
        .hasMessageContaining("run.limit").hasMessageContaining("run.sample");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SparkEngine(sc, "s.yaml", yaml(dir.resolve("never-s")), List.of(), "-", false, false))
        .hasMessageContaining("standard input or output");
  }

  @Test
  void configurationsTheEngineCannotDistributeFailBeforeRunning() {
    String yaml = yaml(dir.resolve("never")).replace("{type: minhash_dedup, keeper: longest}", "{type: minhash_dedup, verify: true}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SparkEngine(sc, "v.yaml", yaml, null, false, false))
        .hasMessageContaining("minhash_dedup").hasMessageContaining("verify");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  /** Every file of a run directory (decompressed), by relative path; no temporary or checksum files. */
  static Map<String, String> files(Path run) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(run)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String name = run.relativize(f).toString();
        if (name.startsWith("corpus/")) continue; // the local engine's working files of corpus steps
        if (name.equals(io.winnow.engine.RunLock.FILE_NAME)) continue; // the local engine's writer lock (empty once done)
        byte[] b = Files.readAllBytes(f);
        if (name.endsWith(".gz")) b = new GZIPInputStream(new java.io.ByteArrayInputStream(b)).readAllBytes();
        String text = new String(b, StandardCharsets.UTF_8);
        // the dataset card is titled with the run folder's name, which differs between the runs compared
        if (name.equals("README.md")) text = text.replace("\n# " + run.getFileName() + "\n", "\n# RUN\n");
        out.put(name, text);
      }
    }
    return out;
  }

  static JsonNode withoutTimes(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = ((ObjectNode) n).deepCopy();
      o.remove("seconds");
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String k : names) o.set(k, withoutTimes(o.get(k)));
      return o;
    }
    return n;
  }
}
