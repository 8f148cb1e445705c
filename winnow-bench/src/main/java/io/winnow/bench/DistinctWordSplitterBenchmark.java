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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The English word splitter on distinct documents, documents per second on one thread. Unlike
 * {@link WordSplitterBenchmark}, which loops over 1,000 documents (so every chunk is soon in the splitter's
 * chunk cache), each operation splits the next document of a corpus of distinct ones: with the default
 * iterations a trial splits fewer documents than the corpus holds (86,538 in {@code bench/distinct_corpus.py}'s),
 * so no document is seen twice and a cache only gains from words that really recur across documents.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DistinctWordSplitterBenchmark \
 *     -p corpus=/tmp/winnow-bench/distinct-210mb.jsonl.zst</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class DistinctWordSplitterBenchmark {
  @Param({"/tmp/winnow-bench/distinct-210mb.jsonl.zst"})
  public String corpus;

  @Param({"100000"})
  public int maxDocuments;

  private List<String> texts;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    texts = DistinctTexts.load(Path.of(corpus), maxDocuments);
  }

  @Benchmark
  public EnglishWordSplitter.Tokens tokenize() {
    String text = texts.get(next);
    if (++next == texts.size()) next = 0; // wraps only when a trial outruns the corpus
    return EnglishWordSplitter.get().tokenize(text);
  }
}
