package io.winnow.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.engine.RunFailedException;
import io.winnow.io.storage.Storage;
import io.winnow.io.storage.Storages;
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
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine reading from and writing to S3 through S3A, against a real S3 API server started here: the
 * output equals a local run's, and a run interrupted between shards resumes from the shards it completed.
 */
class S3RunTest {
  private static final String BUCKET = "winnow-test";
  @TempDir static Path dir;
  private static S3Server server;
  private static Path localInputs;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.start(dir.resolve("moto.log"));
    if (server == null) return;
    System.out.println("S3 API server for the tests: " + server.kind() + " at " + server.endpoint);
    server.createBucket(BUCKET);
    System.setProperty("fs.s3a.endpoint", server.endpoint);
    System.setProperty("fs.s3a.endpoint.region", "us-east-1");
    System.setProperty("fs.s3a.path.style.access", "true");
    System.setProperty("fs.s3a.connection.ssl.enabled", "false");
    System.setProperty("fs.s3a.access.key", "test");
    System.setProperty("fs.s3a.secret.key", "test");
    // moto's development web server answers "Expect: 100-continue" in a way the AWS SDK takes for the reply (S3Mock
    // needs no such setting; it does no harm there)
    System.setProperty("fs.s3a.connection.expect.continue", "false");
    System.setProperty("fs.s3a.attempts.maximum", "2");
    System.setProperty("fs.s3a.retry.limit", "2");
    System.setProperty("winnow.work_dir", dir.resolve("work").toString());
    localInputs = splitFixture(dir.resolve("in"), 3);
    Storage s3 = Storages.of("s3a://" + BUCKET + "/in");
    try (var files = Files.list(localInputs)) {
      for (Path f : files.sorted().toList()) s3.upload(f, "s3a://" + BUCKET + "/in/" + f.getFileName());
    }
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.close();
  }

  private static void assumeServer() {
    assumeTrue(server != null, "no S3 API server could start here, so the S3 tests are skipped: " + S3Server.whyNot);
  }

  /** The 300 shipped fixture documents as {@code n} JSON Lines files, one shard each. */
  private static Path splitFixture(Path into, int n) throws IOException {
    Files.createDirectories(into);
    List<StringBuilder> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) parts.add(new StringBuilder());
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      int i = 0;
      for (String line; (line = r.readLine()) != null; i++) parts.get(i % n).append(line).append('\n');
    }
    for (int i = 0; i < n; i++) Files.writeString(into.resolve("part" + i + ".jsonl"), parts.get(i));
    return into;
  }

  private static Pipeline pipeline(String input, String output) {
    return new PipelineFile(StepRegistry.builtIn()).parse("s3.yaml", "input: {paths: ['" + input + "']}\n"
        + "steps: [gopher_quality, exact_dedup]\n"
        + "output: {path: '" + output + "', compression: none}\n");
  }

  private static LocalEngine.Result run(Pipeline p, boolean resume) throws IOException {
    return new LocalEngine(p, resume, false, ProgressListener.NONE).run();
  }

  /** The kept documents of a run by data file name, each file's lines in order. */
  private static TreeMap<String, String> keptDocuments(String runRoot) throws IOException {
    Storage store = Storages.of(runRoot);
    TreeMap<String, String> out = new TreeMap<>();
    for (String f : store.listFiles(runRoot)) {
      String relative = f.substring(runRoot.length() + 1);
      if (!relative.startsWith("data/")) continue;
      try (var in = store.open(f, 0)) {
        out.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void aRunFromS3ToS3WritesWhatALocalRunWrites() throws IOException {
    assumeServer();
    LocalEngine.Result local = run(pipeline(localInputs.toString(), dir.resolve("local-run").toString()), false);
    String remote = "s3a://" + BUCKET + "/run";
    LocalEngine.Result r = run(pipeline("s3a://" + BUCKET + "/in", remote), false);

    assertThat(r.output()).isEqualTo(remote);
    assertThat(r.shardsRun()).isEqualTo(3);
    assertThat(r.stats().kept()).isEqualTo(local.stats().kept()).isPositive();
    assertThat(r.stats().kept()).isLessThan(300);
    TreeMap<String, String> expected = keptDocuments(dir.resolve("local-run").toString());
    assertThat(expected).isNotEmpty();
    assertThat(keptDocuments(remote)).isEqualTo(expected);
    Storage s3 = Storages.of(remote);
    for (int i = 0; i < 3; i++) assertThat(s3.exists(remote + "/completions/part-0000" + i)).isTrue();
    assertThat(s3.exists(remote + "/stats.json")).isTrue();
    assertThat(s3.exists(remote + "/run.lock")).isFalse();
    // documents name their origin by the URI the user gave, not the local copy read
    String decisions;
    try (var in = s3.open(remote + "/decisions/part-00000.jsonl", 0)) {
      decisions = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(decisions).contains("s3a://" + BUCKET + "/in/part0.jsonl").doesNotContain(dir.resolve("work").toString());

    assertThatThrownBy(() -> run(pipeline("s3a://" + BUCKET + "/in", remote), false))
        .isInstanceOf(RunFailedException.class).hasMessageContaining("already holds a run");
  }

  @Test
  void anInterruptedRunResumesFromTheShardsItCompleted() throws IOException {
    assumeServer();
    String remote = "s3a://" + BUCKET + "/resumed";
    run(pipeline("s3a://" + BUCKET + "/in", remote), false);
    TreeMap<String, String> complete = keptDocuments(remote);
    // what a run stopped while uploading shard 2 leaves: its data file, no marker, no merged statistics
    Storage s3 = Storages.of(remote);
    s3.delete(remote + "/completions/part-00002");
    s3.delete(remote + "/stats.json");
    s3.delete(remote + "/decisions/part-00002.jsonl");
    // and resumed on another machine: no working copy left
    deleteTree(dir.resolve("work"));

    LocalEngine.Result r = run(pipeline("s3a://" + BUCKET + "/in", remote), true);
    assertThat(r.shardsSkipped()).isEqualTo(2);
    assertThat(r.shardsRun()).isEqualTo(1);
    assertThat(keptDocuments(remote)).isEqualTo(complete);
    assertThat(s3.exists(remote + "/completions/part-00002")).isTrue();
    assertThat(s3.exists(remote + "/stats.json")).isTrue();
  }

  @Test
  void aGlobOverS3MatchingNothingNamesThePattern() {
    assumeServer();
    String pattern = "s3a://" + BUCKET + "/in/*.warc.gz";
    assertThatThrownBy(() -> run(pipeline(pattern, dir.resolve("nothing").toString()), false))
        .hasMessageContaining(pattern).hasMessageContaining("matches no file");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
