package io.winnow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The common frame of benchmarks that walk a corpus of distinct documents ({@code bench/distinct_corpus.py}):
 * each operation takes the next text, so with the default iterations a trial sees fewer documents than the
 * corpus holds, no document twice, and a cache only gains from what really recurs across documents.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public abstract class DistinctCorpusBenchmark {
  @Param({"/tmp/winnow-bench/distinct-210mb.jsonl.zst"})
  public String corpus;

  @Param({"100000"})
  public int maxDocuments;

  private List<String> texts;
  private int next;

  @Setup(Level.Trial)
  public void loadCorpus() throws IOException {
    texts = DistinctTexts.load(Path.of(corpus), maxDocuments);
  }

  /** Position of the text {@link #nextText()} returns next. */
  protected final int position() {
    return next;
  }

  protected final String nextText() {
    String text = texts.get(next);
    if (++next == texts.size()) next = 0; // wraps only when a trial outruns the corpus
    return text;
  }
}
