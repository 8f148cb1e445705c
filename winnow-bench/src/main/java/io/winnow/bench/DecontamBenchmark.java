package io.winnow.bench;

import io.winnow.doc.Document;
import io.winnow.step.decontam.BenchmarkFiles;
import io.winnow.step.decontam.DecontamIndex;
import io.winnow.step.decontam.Decontaminator;
import java.io.IOException;
import java.nio.file.Path;
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
 * The decontaminate step with every shared benchmark indexed (40,163 items, 13-grams), on real documents:
 * documents per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DecontamBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class DecontamBenchmark {
  static final int DOCS = 1000;

  @Param({"../shared"})
  public String shared;

  private Document[] docs;
  private Decontaminator step;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path root = Path.of(shared);
    DecontamIndex index = DecontamIndex.build(BenchmarkFiles.read(root.resolve("data/benchmarks"), null, "auto", List.of()), 13, 4);
    step = new Decontaminator(new Decontaminator.Config(index, "drop", 200, 10, 200, 200));
    List<String> texts = WebCorpus.load(root).subList(0, DOCS);
    docs = new Document[DOCS];
    for (int i = 0; i < DOCS; i++) docs[i] = Document.of("d" + i, texts.get(i));
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void decontaminate(Blackhole bh) {
    for (Document d : docs) bh.consume(step.apply(d));
  }
}
