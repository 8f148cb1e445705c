package io.winnow.bench;

import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.Formats;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.StepRegistry;
import io.winnow.step.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The seven teacher-output filters (refusal, self_reference, placeholder, truncation, repetition_loop,
 * code_blocks, restated_prompt), each on every answer of a conversation, on the distillate fixture's
 * conversations of 0.7–1.4 KB: conversations per second on one thread, for all seven in a row or one alone.
 *
 * <pre>java -jar winnow-bench/target/benchmarks.jar TeacherFilterBenchmark -p examples=examples</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class TeacherFilterBenchmark {
  static final int DOCS = 1000;
  static final List<String> FILTERS = List.of("refusal", "self_reference", "placeholder", "truncation", "repetition_loop", "code_blocks", "restated_prompt");

  @Param({"examples"})
  public String examples;

  @Param({"all"})
  public String filter;

  private Document[] docs;
  private Step[] steps;

  @Setup(Level.Trial)
  public void load() throws IOException {
    List<Document> pool = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(examples, "data/distillate"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (DocumentReader r = Formats.get("chat").openReader(f, "id", "text", ReaderLimits.defaults())) {
          for (ReadResult res; (res = r.next()) != null;) {
            Document d = res.document();
            if (d != null && d.utf8Bytes() >= 700 && d.utf8Bytes() <= 1400) pool.add(d);
          }
        }
      }
    }
    if (pool.isEmpty()) throw new IllegalStateException("no conversations of 0.7-1.4 KB under " + examples);
    docs = new Document[DOCS];
    for (int i = 0; i < DOCS; i++) docs[i] = pool.get(i % pool.size());
    StepRegistry registry = StepRegistry.core();
    List<String> names = filter.equals("all") ? FILTERS : List.of(filter);
    steps = new Step[names.size()];
    for (int i = 0; i < steps.length; i++) steps[i] = registry.get(names.get(i)).document().apply(new Params(names.get(i), new LinkedHashMap<>())).get();
    long bytes = 0;
    for (Document d : pool) bytes += d.utf8Bytes();
    System.out.printf("%n%d distinct conversations, %.0f bytes on average%n", pool.size(), (double) bytes / pool.size());
  }

  @Benchmark
  @OperationsPerInvocation(DOCS)
  public void filters(Blackhole bh) {
    for (Document d : docs) for (Step s : steps) bh.consume(s.apply(d));
  }
}
