package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --input -} and {@code --output -} on the shipped Common Crawl sample (gzipped bytes on standard input, as
 * {@code cat file.jsonl.gz |} gives them): the same documents as a run between files, in the same order.
 */
class StandardStreamsTest {
  static final Path SAMPLE = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath();

  @TempDir Path dir;

  private Path pipeline() throws Exception {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, "input: {paths: ['" + SAMPLE + "']}\nsteps: [gopher_quality, c4]\noutput: {path: '" + dir.resolve("files")
        + "', compression: none}\n");
    return p;
  }

  /** Runs the command with {@code stdin} as standard input; returns what it wrote to standard output. */
  private static byte[] withStreams(byte[] stdin, CliTest.Result[] result, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      System.setOut(new PrintStream(captured, true));
      result[0] = CliTest.winnow(args);
    } finally {
      System.setIn(in);
      System.setOut(out);
    }
    return captured.toByteArray();
  }

  @Test
  void pipedInAndOutGivesWhatARunBetweenFilesGives() throws Exception {
    Path p = pipeline();
    CliTest.Result files = CliTest.winnow("run", p.toString(), "--progress", "none");
    assertThat(files.exit()).as(files.err()).isZero();
    List<String> expected = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.resolve("files/data"))) {
      for (Path f : s.sorted().toList()) expected.addAll(Files.readAllLines(f));
    }

    CliTest.Result[] r = new CliTest.Result[1];
    Path runDir = dir.resolve("streamed");
    byte[] out = withStreams(Files.readAllBytes(SAMPLE), r, "run", p.toString(), "--input", "-", "--output", "-",
        "--run-dir", runDir.toString(), "--progress", "none");
    assertThat(r[0].exit()).as(r[0].err()).isZero();
    List<String> streamed = new String(out, StandardCharsets.UTF_8).lines().toList();
    assertThat(streamed).hasSize(expected.size()).isNotEmpty().isEqualTo(expected);
    // the summary went to standard error, the decisions to the run folder, naming their origin stdin
    assertThat(r[0].err()).contains("gopher_quality").contains("records 200 = kept " + streamed.size());
    assertThat(Files.readString(runDir.resolve("decisions/part-00000.jsonl"))).contains("\"src\":\"stdin:1\"");
    assertThat(runDir.resolve("stats.json")).exists();
  }

  @Test
  void whatCannotWorkOnAStreamIsRefusedWithItsReason() throws Exception {
    Path p = pipeline();
    CliTest.Result[] r = new CliTest.Result[1];
    withStreams(new byte[0], r, "run", p.toString(), "--output", "-", "--resume");
    assertThat(r[0].exit()).isNotZero();
    assertThat(r[0].err()).contains("cannot be resumed");

    withStreams(new byte[0], r, "run", p.toString(), "--output", "-", "--set", "output.format=parquet");
    assertThat(r[0].err()).contains("standard output carries JSON Lines");

    withStreams(new byte[0], r, "run", p.toString(), "--output", "-", "--set", "output.shards=4");
    assertThat(r[0].err()).contains("one stream");

    withStreams(new byte[0], r, "run", p.toString(), "--input", "-", "--out", dir.resolve("x").toString(), "--limit", "5");
    assertThat(r[0].err()).contains("head -n");

    withStreams(new byte[0], r, "run", p.toString(), "--input", "-", "--input", SAMPLE.toString(), "--out", dir.resolve("y").toString());
    assertThat(r[0].err()).contains("must be the only input path");
  }
}
