package io.winnow.bench;

import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.step.slop.SlopStep;
import java.io.IOException;
import java.nio.file.Path;
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
 * The slop step with the built-in detector (all features: lexicons, style, n-gram surprise, hashed n-grams) on
 * the first 1,000 documents of the standard benchmark corpus: documents per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar SlopBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"}) // the collector the winnow launcher uses
public class SlopBenchmark {
  static final int DOCS = 1000;

  @Param({"../shared"})
  public String shared;

  private Document[] docs;
  private SlopStep step;

  @Setup(Level.Trial)
  public void load() throws IOException {
    step = new SlopStep(SlopStep.Config.from(new Params("bench", new LinkedHashMap<>())));
    List<String> texts = WebCorpus.load(Path.of(shared)).subList(0, DOCS);
    docs = new Document[DOCS];
    long chars = 0;
    for (int i = 0; i < DOCS; i++) {
      docs[i] = Document.of("d" + i, texts.get(i));
      chars += texts.get(i).length();
    }
    System.out.printf("%n%d documents, %.0f characters on average%n", DOCS, (double) chars / DOCS);
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void slop(Blackhole bh) {
    for (Document d : docs) bh.consume(step.apply(d));
  }
}
