package io.winnow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.step.quality.QualityModel;
import io.winnow.step.quality.QualityStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The model-based quality filter with the shipped model on the standard benchmark corpus (20,000 distinct
 * documents of about 2 KB, {@code bench/corpus-20k.jsonl.zst}), texts already in memory: {@code score} is the
 * model alone (features hashed and the mean row put through the output layer), {@code step} the {@code quality}
 * step as a run applies it (score written to the metadata, verdict built). Documents per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar QualityBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"}) // the collector the winnow launcher uses
public class QualityBenchmark {
  static final int DOCS = 20_000;

  @Param({"../shared"})
  public String shared;

  /** The model scored with: the shipped one, or a model file (to weigh one model against another). */
  @Param({"builtin"})
  public String model;

  private String[] texts;
  private Document[] docs;
  private QualityModel.Scorer scorer;
  private QualityStep step;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<String> read = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Path corpus = Path.of(shared, "bench", "corpus-20k.jsonl.zst");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new ZstdInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null && read.size() < DOCS; line = in.readLine()) read.add(json.readTree(line).path("text").asText());
    }
    if (read.size() != DOCS) throw new IOException(corpus + " holds " + read.size() + " documents, expected " + DOCS);
    texts = read.toArray(new String[0]);
    docs = new Document[DOCS];
    long chars = 0;
    for (int i = 0; i < DOCS; i++) {
      docs[i] = Document.of("d" + i, texts[i]);
      chars += texts[i].length();
    }
    scorer = QualityModel.load(model).scorer();
    LinkedHashMap<String, Object> params = new LinkedHashMap<>();
    params.put("model", model);
    step = new QualityStep(QualityStep.Config.from(new Params("bench", params)), false);
    System.out.printf("%n%d documents, %.0f characters on average%n", DOCS, (double) chars / DOCS);
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void score(Blackhole bh) {
    for (String t : texts) bh.consume(scorer.score(t));
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void step(Blackhole bh) {
    for (Document d : docs) bh.consume(step.apply(d));
  }
}
