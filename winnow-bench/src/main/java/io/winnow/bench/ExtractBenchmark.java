package io.winnow.bench;

import io.winnow.io.HtmlCharset;
import io.winnow.step.extract.MainContentExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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
 * Main-content extraction (jsoup parse + Winnow's extractor) on the 923 real pages of the extraction
 * benchmark: pages per second on one thread.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar ExtractBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class ExtractBenchmark {
  static final int PAGES = 300;

  @Param({"../shared"})
  public String shared;

  private List<String> pages;
  private final MainContentExtractor extractor = new MainContentExtractor();

  @Setup(Level.Trial)
  public void load() throws IOException {
    pages = loadPages(shared);
  }

  /** The first {@link #PAGES} pages of the trafilatura evaluation set (by file name), decoded. */
  static List<String> loadPages(String shared) throws IOException {
    List<String> pages = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(shared, "data/html/trafilatura-eval/pages"))) {
      files = s.sorted().limit(PAGES).toList();
    }
    for (Path f : files) {
      try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        pages.add(HtmlCharset.decode(in.readAllBytes(), null).text());
      }
    }
    return pages;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void extract(Blackhole bh) {
    for (String html : pages) bh.consume(extractor.extract(html, "").text());
  }
}
