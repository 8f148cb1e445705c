package io.winnow.bench;

import io.winnow.report.TokenCounter;
import io.winnow.report.Tokenizers;
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

/**
 * Token counting, as {@code run.tokenizer} does it twice per document (in and out), on the first 2,000 documents of
 * the standard corpus (~2 KB each): a tiktoken encoding (jtokkit) against the shipped byte-level BPE
 * {@code tokenizer.json} (Hugging Face's Rust library through DJL). Documents per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar TokenCountBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class TokenCountBenchmark {
  static final int DOCS = 2_000;

  @Param({"../shared"})
  public String shared;

  @Param({"o200k_base", "examples/tokenizers/byte-level-bpe.json"})
  public String tokenizer;

  private List<String> docs;
  private TokenCounter counter;

  @Setup(Level.Trial)
  public void load() throws IOException {
    docs = WebCorpus.load(Path.of(shared)).subList(0, DOCS);
    counter = Tokenizers.open(tokenizer);
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public long count() {
    long n = 0;
    for (String d : docs) n += counter.count(d);
    return n;
  }
}
