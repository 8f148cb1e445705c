package io.winnow.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered document step must keep, checked on real documents and seeded random Unicode: the same
 * decision on repeated calls (no state leaks between documents), the same decisions when instances run on
 * several threads at once, and the document untouched by the step itself (text changes only through the
 * runner).
 */
class StepContractTest {
  static Stream<StepType> stepTypes() {
    return StepRegistry.builtIn().all().stream().filter(t -> !t.isCorpusStep());
  }

  /** Defaults, plus what a step cannot run without (decontamination needs benchmark files, per_turn a step). */
  static LinkedHashMap<String, Object> paramsFor(StepType type) {
    LinkedHashMap<String, Object> p = new LinkedHashMap<>();
    if (type.name().equals("decontaminate")) {
      p.put("benchmarks", List.of(Fixtures.path("gsm8k-test-30.jsonl").toString()));
      p.put("action", "cut");
    }
    if (type.name().equals("per_turn")) p.put("step", new LinkedHashMap<>(java.util.Map.of("type", "pii")));
    return p;
  }

  private static List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (JsonNode row : SharedData.readJsonlGz(Fixtures.path("filters-dev-300.jsonl.gz"))) texts.add(row.get("text").asText());
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) texts.add(randomText(random));
    return texts;
  }

  /** Words, punctuation, newlines, emoji, CJK, combining marks and control characters, seeded. */
  static String randomText(Random r) {
    String[] pieces = {"the", "of", "and", "word", "U.S.", "don't", "...", "…", "#", "•", "-", "{", "lorem ipsum",
        "javascript", "[1]", "\n", "\n\n", "  ", "\t", "\r\n", "é", "e\u0301", "日本語", "😀", "\u0000", "\u2028", "http://x.com/a-b",
        ".", "!", "?", "\"", "'", "10km", "$5", "(", ")", "Mr.", "e.g.", "a.m."};
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(400);
    for (int i = 0; i < n; i++) {
      sb.append(pieces[r.nextInt(pieces.length)]);
      if (r.nextInt(3) > 0) sb.append(' ');
      if (r.nextInt(50) == 0) sb.appendCodePoint(r.nextInt(0x2FFFF) + 1);
    }
    return sb.toString();
  }

  private static List<String> run(Supplier<Step> factory, List<String> texts) {
    List<String> out = new ArrayList<>();
    try (StepRunner runner = new StepRunner("s", factory.get())) {
      for (int i = 0; i < texts.size(); i++) {
        Document d = Document.of("d" + i, texts.get(i));
        Decision dec = runner.run(d);
        out.add(dec.action() + " " + dec.reason() + " " + dec.values() + " " + d.text().hashCode());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stepTypes")
  void sameDecisionsRepeatedAndAcrossThreads(StepType type) throws Exception {
    Supplier<Step> factory = type.document().apply(new Params(type.name(), paramsFor(type)));
    List<String> texts = texts();
    List<String> first = run(factory, texts);
    assertThat(run(factory, texts)).isEqualTo(first);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) futures.add(pool.submit(() -> run(factory, texts)));
      for (Future<List<String>> f : futures) assertThat(f.get()).isEqualTo(first);
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stepTypes")
  void stepsDoNotChangeTheDocumentThemselves(StepType type) {
    Step step = type.document().apply(new Params(type.name(), paramsFor(type))).get();
    for (String text : texts()) {
      Document d = Document.of("x", text);
      step.apply(d);
      assertThat(d.text()).isSameAs(text);
    }
  }
}
