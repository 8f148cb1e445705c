package io.winnow.bench;

import io.winnow.step.dedup.MinHashParams;
import io.winnow.step.dedup.MinHasher;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * MinHash signatures (normalise, split words, 5-gram xxh64, 112 permutations) of ~2 KB real documents:
 * documents per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar MinHashBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MinHashBenchmark {
  static final int DOCS = 2000;

  @Param({"../shared"})
  public String shared;

  private List<String> texts;
  private MinHasher hasher;

  @Setup(Level.Trial)
  public void load() throws IOException {
    texts = new ArrayList<>();
    for (String t : WebCorpus.load(Path.of(shared))) {
      if (t.length() < 1500) continue;
      texts.add(t.length() > 2500 ? t.substring(0, 2048) : t);
      if (texts.size() == DOCS) break;
    }
    hasher = new MinHasher(5, MinHasher.Shingles.WORDS, MinHashParams.of(112, 1));
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void signature(Blackhole bh) {
    for (String t : texts) bh.consume(hasher.signature(t));
  }
}
