package io.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.winnow.report.diversity.DiversityLimits;
import io.winnow.report.diversity.DiversityProfiler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The diversity profile ({@code winnow diversity}) of the standard 20,000-document corpus (about 2 KB a document),
 * texts already in memory: one invocation profiles the whole corpus with a fresh profiler, as a run does, so the
 * sketches see each n-gram as often as the corpus holds it. Reported as corpora per second; multiply by 20,000 for
 * documents per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DiversityBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class DiversityBenchmark {
  @Param({"../shared"})
  public String shared;

  private List<String> texts;

  @Setup(Level.Trial)
  public void load() throws IOException {
    texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Path corpus = Path.of(shared, "bench", "corpus-20k.jsonl.zst");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ZstdInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode row = json.readTree(line);
        texts.add(row.path("text").asText());
      }
    }
  }

  @Benchmark
  public Object profileCorpus() {
    DiversityProfiler p = new DiversityProfiler("bench", DiversityLimits.defaults());
    for (String t : texts) p.add(t);
    return p.profile();
  }
}
