package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.io.Compression;
import io.winnow.io.InputSplit;
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
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A big uncompressed JSON Lines file read as byte-range shards gives the decisions of reading it whole. */
class SplitShardsTest {
  @TempDir Path dir;
  private Path input;

  /** The 300 fixture documents with the line ends and bad records a split must not disturb. */
  @BeforeEach
  void makeInput() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) lines.add(l);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (i % 7 == 3) l = l.replaceFirst("^\\{\"id\": \"[^\"]*\", ", "{"); // no id: the fallback id is file:line
      sb.append(l);
      sb.append(switch (i % 5) {
        case 0 -> "\r\n";
        case 1 -> "\n\n"; // a blank line
        case 2 -> "\r"; // a lone carriage return ends a line too
        default -> "\n";
      });
      if (i % 50 == 10) sb.append("not json\n");
      if (i % 60 == 20) sb.append(lines.get(i - 1)).append('\n'); // an exact duplicate for the dedup step
    }
    input = dir.resolve("big.jsonl");
    Files.writeString(input, sb.toString());
  }

  private Pipeline pipeline(String out, long splitBytes, int workers) {
    return pipeline(out, splitBytes, workers, "");
  }

  private Pipeline pipeline(String out, long splitBytes, int workers, String outputOptions) {
    String yaml = "input: {paths: ['" + input + "'], split_bytes: " + splitBytes + "}\n"
        + "steps: [gopher_repetition, exact_dedup, gopher_quality, minhash_dedup, fineweb_quality]\n"
        + "output: {path: '" + dir.resolve(out) + "', compression: none" + outputOptions + "}\n"
        + "run: {workers: " + workers + "}\n";
    return new PipelineFile(StepRegistry.builtIn()).parse("test.yaml", yaml);
  }

  @Test
  void splitsCoverTheFileAtLineEndsAndCountTheLinesBefore() throws IOException {
    byte[] bytes = Files.readAllBytes(input);
    List<InputSplit> splits = InputSplit.plan(input, 20_000);
    assertThat(splits).hasSizeGreaterThan(5);
    long at = 0;
    for (InputSplit s : splits) {
      assertThat(s.start()).isEqualTo(at);
      if (s.start() > 0) assertThat(bytes[(int) s.start() - 1]).isEqualTo((byte) '\n');
      assertThat(s.firstLine()).isEqualTo(linesBefore(bytes, (int) s.start()));
      at = s.end();
    }
    assertThat(at).isEqualTo(bytes.length);
    assertThat(InputSplit.plan(input, 0)).containsExactly(new InputSplit(0, bytes.length, 0, true));
  }

  @Test
  void aSplitRunDecidesAsTheOneShardRun() throws IOException {
    LocalEngine.Result whole = new LocalEngine(pipeline("whole", 0, 1), false, false, ProgressListener.NONE).run();
    LocalEngine.Result split = new LocalEngine(pipeline("split", 20_000, 2), false, false, ProgressListener.NONE).run();
    assertThat(whole.stats().shards()).isEqualTo(1);
    assertThat(split.stats().shards()).isGreaterThan(5);
    assertThat(whole.stats().steps().get("exact_dedup").dropped()).isPositive();

    assertThat(concatenated(split.runDir(), "decisions")).isEqualTo(concatenated(whole.runDir(), "decisions"));
    assertThat(concatenated(split.runDir(), "data")).isEqualTo(concatenated(whole.runDir(), "data"));
    assertThat(split.stats().kept()).isEqualTo(whole.stats().kept());
    assertThat(split.stats().rejected()).isEqualTo(whole.stats().rejected()).isPositive();
  }

  @Test
  void theOutputIsRepartitionedIndependentlyOfTheInputShards() throws IOException {
    LocalEngine.Result whole = new LocalEngine(pipeline("whole", 0, 1, ", shards: 4"), false, false, ProgressListener.NONE).run();
    LocalEngine.Result split = new LocalEngine(pipeline("split", 20_000, 2, ", shards: 4, compression: zstd"), false, false,
        ProgressListener.NONE).run();
    assertThat(names(split.runDir().resolve("data"))).containsExactly(
        "part-00000-of-00004.jsonl.zst", "part-00001-of-00004.jsonl.zst", "part-00002-of-00004.jsonl.zst", "part-00003-of-00004.jsonl.zst");
    assertThat(concatenated(split.runDir(), "data")).isEqualTo(concatenated(whole.runDir(), "data"));
    assertThat(concatenated(split.runDir(), "decisions")).isEqualTo(concatenated(whole.runDir(), "decisions"));
    // parts of about equal document counts, the shards' own files gone
    for (Path part : Files.list(split.runDir().resolve("data")).toList()) {
      try (var in = Compression.forName(part.toString()).decompress(Files.newInputStream(part))) {
        long docs = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        assertThat(docs).isBetween(split.stats().kept() / 4, split.stats().kept() / 4 + 1);
      }
    }
    assertThat(names(split.runDir().resolve("shard-data"))).isEmpty();

    // a complete run resumes to nothing; a damaged shard makes the output be written again, the same
    LocalEngine.Result again = new LocalEngine(pipeline("split", 20_000, 2, ", shards: 4, compression: zstd"), true, false,
        ProgressListener.NONE).run();
    assertThat(again.shardsRun()).isZero();
    List<String> before = concatenated(split.runDir(), "data");
    Files.delete(split.runDir().resolve("decisions").resolve("part-00003.jsonl.zst"));
    LocalEngine.Result redone = new LocalEngine(pipeline("split", 20_000, 2, ", shards: 4, compression: zstd"), true, false,
        ProgressListener.NONE).run();
    assertThat(redone.shardsRun()).isGreaterThan(1); // every shard with kept documents: their files were gone
    assertThat(concatenated(split.runDir(), "data")).isEqualTo(before);
  }

  @Test
  void aTargetFileSizeChoosesThePartCount() throws IOException {
    LocalEngine.Result r = new LocalEngine(pipeline("sized", 0, 1, ", target_file_bytes: 50000"), false, false, ProgressListener.NONE).run();
    long parts = (r.stats().bytesOut() + 49_999) / 50_000;
    assertThat(names(r.runDir().resolve("data"))).hasSize((int) parts).allMatch(n -> n.endsWith("-of-" + String.format("%05d", parts) + ".jsonl"));
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Lines as JsonlReader counts them: \n, \r\n and a lone \r each end one. */
  private static long linesBefore(byte[] b, int end) {
    long n = 0;
    for (int i = 0; i < end; i++) {
      if (b[i] == '\n') n++;
      else if (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) n++;
    }
    return n;
  }

  /**
   * Every file of a directory of the run, decompressed, in name order, as one list of lines (stripped: the JSON
   * Lines writer puts a space before every record but a file's first).
   */
  private static List<String> concatenated(Path run, String sub) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(run.resolve(sub))) {
      for (Path f : files.sorted().toList()) {
        try (var in = Compression.forName(f.toString()).decompress(Files.newInputStream(f))) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).forEach(out::add);
        }
      }
    }
    return out;
  }
}
