package io.winnow.bench;

import io.winnow.report.TokenCounter;
import io.winnow.report.Tokenizers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Token counting per CPU-second of the counting thread, for each named tokenizer, on the standard corpus: CPU time
 * rather than wall time, so that a figure taken on a busy machine still means something.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.TokenCountThroughput ../shared o200k_base examples/tokenizers/byte-level-bpe.json</pre>
 */
public final class TokenCountThroughput {
  public static void main(String[] args) throws IOException {
    List<String> docs = WebCorpus.load(Path.of(args[0]));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long bytes = 0;
    for (String d : docs) bytes += d.length();
    for (int a = 1; a < args.length; a++) {
      TokenCounter counter = Tokenizers.open(args[a]);
      double best = Double.MAX_VALUE;
      long tokens = 0;
      for (int round = 0; round < 3; round++) {
        long start = cpu.getCurrentThreadCpuTime();
        tokens = 0;
        for (String d : docs) tokens += counter.count(d);
        best = Math.min(best, (cpu.getCurrentThreadCpuTime() - start) / 1e9);
      }
      System.out.printf(Locale.ROOT, "%s: %,d docs, %,d tokens, best of 3: %.2f CPU s = %,.0f docs/CPU-s, %.1f M chars/CPU-s%n",
          args[a], docs.size(), tokens, best, docs.size() / best, bytes / best / 1e6);
    }
  }
}
