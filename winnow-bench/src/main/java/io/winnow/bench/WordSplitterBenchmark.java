package io.winnow.bench;

import io.winnow.text.EnglishWordSplitter;
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
 * The English word splitter on real documents, documents per second on one thread. Its per-thread chunk
 * cache is warm after the first pass, as it is in a long run.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar WordSplitterBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WordSplitterBenchmark {
  static final int DOCS = 1000;

  @Param({"../shared"})
  public String shared;

  private List<String> texts;

  @Setup(Level.Trial)
  public void load() throws IOException {
    texts = WebCorpus.load(Path.of(shared)).subList(0, DOCS);
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void tokenize(Blackhole bh) {
    EnglishWordSplitter w = EnglishWordSplitter.get();
    for (String t : texts) bh.consume(w.tokenize(t));
  }
}
