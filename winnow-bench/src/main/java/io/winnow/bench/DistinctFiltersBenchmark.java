package io.winnow.bench;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import io.winnow.step.filter.C4Filter;
import io.winnow.step.filter.FineWebQualityFilter;
import io.winnow.step.filter.GopherQualityFilter;
import io.winnow.step.filter.GopherRepetitionFilter;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * The four FineWeb filters in a row ({@code gopher_repetition → gopher_quality → c4 (FineWeb) →
 * fineweb_quality}) on distinct documents, documents per second on one thread. Each operation takes the next
 * document of a corpus of distinct ones, unsplit, and runs it through the filters as the engine does (a
 * modification replaces the text, with the words the step knew; a drop ends the chain), so the word
 * splitter's chunk cache only gains from words that really recur. {@link FilterBenchmark} measures each
 * filter alone on documents already split.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar DistinctFiltersBenchmark \
 *     -p corpus=/tmp/winnow-bench/distinct-210mb.jsonl.zst</pre>
 */
public class DistinctFiltersBenchmark extends DistinctCorpusBenchmark {
  private Step[] steps;

  @Setup(Level.Trial)
  public void steps() {
    Map<String, Object> fineweb = new HashMap<>(Map.of("filter_no_terminal_punct", false));
    steps = new Step[] {
      new GopherRepetitionFilter(GopherRepetitionFilter.Config.defaults()),
      new GopherQualityFilter(GopherQualityFilter.Config.defaults()),
      new C4Filter(C4Filter.Config.from(new Params("c4", fineweb))),
      new FineWebQualityFilter(FineWebQualityFilter.Config.defaults())};
  }

  /** The last verdict of the chain: a drop, or what the last filter said of a survivor. */
  @Benchmark
  public Verdict filters() {
    Document doc = Document.of("d" + position(), nextText());
    Verdict v = null;
    for (Step step : steps) {
      v = step.apply(doc);
      if (v.action() == Action.DROP) break;
      if (v.action() == Action.MODIFY) doc.setText(v.newText(), v.newWords());
    }
    return v;
  }
}
