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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four FineWeb filters in a row on distinct documents, per CPU-second of the filtering thread, with each
 * step's share: CPU time rather than wall time, so a figure taken on a busy machine still means something
 * (JMH's {@link DistinctFiltersBenchmark} measures wall time). The first third of the documents warms the JIT
 * and the word splitter's chunk cache up; the rest, each filtered once, are timed. The words are split by the
 * splitter before the first step and timed on their own.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.DistinctFiltersThroughput \
 *     /tmp/winnow-bench/distinct-210mb.jsonl.zst 106162</pre>
 */
public final class DistinctFiltersThroughput {
  private DistinctFiltersThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: DistinctFiltersThroughput CORPUS.jsonl[.zst] DOCUMENTS");
      System.exit(2);
    }
    List<String> texts = DistinctTexts.load(Path.of(args[0]), Integer.parseInt(args[1]));
    Step[] steps = {
      new GopherRepetitionFilter(GopherRepetitionFilter.Config.defaults()),
      new GopherQualityFilter(GopherQualityFilter.Config.defaults()),
      new C4Filter(C4Filter.Config.from(new Params("c4", new java.util.HashMap<>(Map.of("filter_no_terminal_punct", false))))),
      new FineWebQualityFilter(FineWebQualityFilter.Config.defaults())};
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    int warm = texts.size() / 3;
    long[] stepNanos = new long[steps.length + 1];
    for (int i = 0; i < warm; i++) filter(steps, Document.of("d" + i, texts.get(i)), null, cpu);
    long start = cpu.getCurrentThreadCpuTime();
    int kept = 0;
    for (int i = warm; i < texts.size(); i++) {
      if (filter(steps, Document.of("d" + i, texts.get(i)), stepNanos, cpu)) kept++;
    }
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    int timed = texts.size() - warm;
    System.out.printf(Locale.ROOT, "%,d distinct documents (%,d kept): %.2f CPU s = %.1f µs/document, %,.0f documents/CPU-s%n",
        timed, kept, seconds, seconds * 1e6 / timed, timed / seconds);
    for (int s = 0; s <= steps.length; s++) {
      String name = s == steps.length ? "word splitter" : steps[s].getClass().getSimpleName();
      System.out.printf(Locale.ROOT, "  %-22s %6.2f CPU s  %5.1f µs/document%n",
          name, stepNanos[s] / 1e9, stepNanos[s] / 1e3 / timed);
    }
  }

  /** Runs the chain as the engine does: a modification replaces the text, a drop ends it. Whether kept. */
  private static boolean filter(Step[] steps, Document doc, long[] stepNanos, ThreadMXBean cpu) {
    long w0 = stepNanos == null ? 0 : cpu.getCurrentThreadCpuTime();
    doc.words();
    if (stepNanos != null) stepNanos[steps.length] += cpu.getCurrentThreadCpuTime() - w0;
    for (int s = 0; s < steps.length; s++) {
      long t0 = stepNanos == null ? 0 : cpu.getCurrentThreadCpuTime();
      Verdict v = steps[s].apply(doc);
      if (stepNanos != null) stepNanos[s] += cpu.getCurrentThreadCpuTime() - t0;
      if (v.action() == Action.DROP) return false;
      if (v.action() == Action.MODIFY) doc.setText(v.newText(), v.newWords());
    }
    return true;
  }
}
