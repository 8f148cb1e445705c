package io.winnow.bench;

import io.winnow.step.dedup.MinHashParams;
import io.winnow.step.dedup.MinHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * MinHash signatures (FineWeb defaults: normalise, split words, 5-gram xxh64, 112 permutations) of distinct
 * documents, documents per second on one thread. Unlike {@link MinHashBenchmark}, which loops over 2,000
 * documents, each operation signs the next document of a corpus of distinct ones, so the word splitter's chunk
 * cache only gains from words that really recur (see {@link DistinctWordSplitterBenchmark}).
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DistinctMinHashBenchmark \
 *     -p corpus=/tmp/winnow-bench/distinct-210mb.jsonl.zst</pre>
 */
public class DistinctMinHashBenchmark extends DistinctCorpusBenchmark {
  private MinHasher hasher;

  @Setup(Level.Trial)
  public void hasher() {
    hasher = new MinHasher(5, MinHasher.Shingles.WORDS, MinHashParams.of(112, 1));
  }

  @Benchmark
  public long[] signature() {
    return hasher.signature(nextText());
  }
}
