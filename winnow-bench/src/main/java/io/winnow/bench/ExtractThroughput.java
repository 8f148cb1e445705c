package io.winnow.bench;

import io.winnow.step.extract.MainContentExtractor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Main-content extraction speed on one thread, in pages per CPU-second of that thread (less bent by a busy
 * machine than wall clock, though contention still inflates it): the same 300 pages of the trafilatura evaluation set as {@link ExtractBenchmark}, one warm-up
 * pass, then PASSES timed passes. For whole-process timing run it under {@code /usr/bin/time -v}.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.ExtractThroughput ../shared 10</pre>
 */
public final class ExtractThroughput {
  public static void main(String[] args) throws IOException {
    List<String> pages = ExtractBenchmark.loadPages(args[0]);
    int passes = Integer.parseInt(args[1]);
    MainContentExtractor extractor = new MainContentExtractor();
    long sink = 0;
    for (String html : pages) sink += extractor.extract(html, "").text().length();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) for (String html : pages) sink += extractor.extract(html, "").text().length();
    double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - t0) / 1e9;
    int n = passes * pages.size();
    System.out.printf(Locale.ROOT, "%d extractions: %.1f CPU-s of the extracting thread, %.0f pages per CPU-second; %.1f s wall, %.0f pages/s (%d chars)%n",
        n, cpu, n / cpu, wall, n / wall, sink);
  }
}
