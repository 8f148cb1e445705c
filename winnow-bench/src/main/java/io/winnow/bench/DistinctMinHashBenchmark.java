package io.winnow.bench;

import io.winnow.step.dedup.MinHashParams;
import io.winnow.step.dedup.MinHasher;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MinHash signatures (FineWeb defaults: normalise, split words, 5-gram xxh64, 112 permutations) of distinct
 * documents, documents per second on one thread. Unlike {@link MinHashBenchmark}, which loops over 2,000
 * documents, each operation signs the next document of a corpus of distinct ones, so the word splitter's chunk
 * cache only gains from words that really recur (see {@link DistinctWordSplitterBenchmark}).
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DistinctMinHashBenchmark \
 *     -p corpus=/tmp/winnow-bench/distinct-210mb.jsonl.zst</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class DistinctMinHashBenchmark {
  @Param({"/tmp/winnow-bench/distinct-210mb.jsonl.zst"})
  public String corpus;

  @Param({"100000"})
  public int maxDocuments;

  private List<String> texts;
  private int next;
  private MinHasher hasher;

  @Setup(Level.Trial)
  public void load() throws IOException {
    texts = DistinctTexts.load(Path.of(corpus), maxDocuments);
    hasher = new MinHasher(5, MinHasher.Shingles.WORDS, MinHashParams.of(112, 1));
  }

  @Benchmark
  public long[] signature() {
    String text = texts.get(next);
    if (++next == texts.size()) next = 0; // wraps only when a trial outruns the corpus
    return hasher.signature(text);
  }
}
