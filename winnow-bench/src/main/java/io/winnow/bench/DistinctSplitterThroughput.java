package io.winnow.bench;

import io.winnow.text.EnglishWordSplitter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The English word splitter on distinct documents, per CPU-second of the splitting thread: CPU time rather
 * than wall time, so that a figure taken on a busy machine still means something (JMH's
 * {@link DistinctWordSplitterBenchmark} measures wall time). The first third of the documents warms the JIT
 * and the chunk cache up; the rest, each split once, are timed.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.DistinctSplitterThroughput \
 *     /tmp/winnow-bench/distinct-210mb.jsonl.zst 60000</pre>
 */
public final class DistinctSplitterThroughput {
  private DistinctSplitterThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: DistinctSplitterThroughput CORPUS.jsonl[.zst] DOCUMENTS");
      System.exit(2);
    }
    List<String> texts = DistinctTexts.load(Path.of(args[0]), Integer.parseInt(args[1]));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    EnglishWordSplitter splitter = EnglishWordSplitter.get();
    int warm = texts.size() / 3;
    long tokens = 0;
    for (String t : texts.subList(0, warm)) tokens += splitter.tokenize(t).size();
    long start = cpu.getCurrentThreadCpuTime();
    tokens = 0;
    for (String t : texts.subList(warm, texts.size())) tokens += splitter.tokenize(t).size();
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    int timed = texts.size() - warm;
    System.out.printf(Locale.ROOT, "%,d distinct documents, %,d tokens: %.2f CPU s = %.1f µs/document, %,.0f documents/CPU-s%n",
        timed, tokens, seconds, seconds * 1e6 / timed, timed / seconds);
  }
}
