package io.winnow.bench;

import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import io.winnow.step.filter.C4Filter;
import io.winnow.step.filter.FineWebQualityFilter;
import io.winnow.step.filter.GopherQualityFilter;
import io.winnow.step.filter.GopherRepetitionFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Throughput of each filter alone, on documents whose tokens are already memoised (as in a pipeline, where
 * the first step that needs words splits them once), and of the word splitter alone. One operation = one
 * document; the score is documents per second on one thread. {@link WordSplitterBenchmark} measures the
 * splitting itself.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar FilterBenchmark -p shared=../shared</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FilterBenchmark {
  static final int DOCS = 1000;

  @Param({"../shared"})
  public String shared;

  @Param({"gopher_repetition", "gopher_quality", "c4", "fineweb_quality"})
  public String filter;

  private List<String> texts;
  private Document[] docs;
  private Step step;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<String> all = WebCorpus.load(Path.of(shared));
    texts = all.subList(0, Math.min(DOCS, all.size()));
    docs = new Document[texts.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = Document.of("d" + i, texts.get(i));
      docs[i].tokens();
    }
    Map<String, Object> fineweb = new HashMap<>(Map.of("filter_no_terminal_punct", false));
    step = switch (filter) {
      case "gopher_repetition" -> new GopherRepetitionFilter(GopherRepetitionFilter.Config.defaults());
      case "gopher_quality" -> new GopherQualityFilter(GopherQualityFilter.Config.defaults());
      case "c4" -> new C4Filter(C4Filter.Config.from(new Params("c4", fineweb)));
      case "fineweb_quality" -> new FineWebQualityFilter(FineWebQualityFilter.Config.defaults());
      default -> throw new IllegalArgumentException(filter);
    };
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void filter(Blackhole bh) {
    for (Document d : docs) bh.consume(step.apply(d));
  }
}
