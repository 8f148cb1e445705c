package io.winnow.step.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Tülu 3 rule on MT-Bench questions (shipped in examples/data/distillate-benchmarks). */
class CoverageRuleTest {
  static final Path MT_BENCH = Path.of("../examples/data/distillate-benchmarks/mt_bench.jsonl");
  static final String Q81 = "Compose an engaging travel blog post about a recent trip to Hawaii, highlighting cultural experiences and must-see attractions.";

  static Decontaminator step() {
    Map<String, Object> bench = new LinkedHashMap<>(Map.of("path", MT_BENCH.toString(), "name", "mt_bench", "format", "generic", "fields", List.of("turns")));
    Map<String, Object> p = new LinkedHashMap<>(Map.of("ngram_size", 8, "min_coverage", 0.5, "benchmarks", List.of(bench)));
    return new Decontaminator(Decontaminator.Config.from(new Params("decontaminate", p)));
  }

  @Test
  void mostOfAnItemMatches() throws Exception {
    List<BenchmarkItem> items = BenchmarkFiles.read(MT_BENCH, "mt_bench", "generic", List.of("turns"));
    // the first item's two turns, copied into a training prompt
    Verdict v = step().apply(Document.of("t", "Please help: " + String.join(" ", items.get(0).texts())));
    assertThat(v.action()).isEqualTo(Action.DROP);
    assertThat(v.values()).containsEntry("item", items.get(0).id()).containsEntry("benchmark", "mt_bench");
    assertThat((double) v.values().get("coverage")).isGreaterThan(0.5);
    assertThat(v.counters()).contains("benchmark:mt_bench");
  }

  @Test
  void oneSharedEightGramIsNotEnough() {
    assertThat(Q81).contains("engaging travel blog post about a recent trip");
    // one 8-gram of a two-turn item covers far less than half of its words
    Verdict v = step().apply(Document.of("t", "Write an engaging travel blog post about a recent trip to the mountains of Peru."));
    assertThat(v.action()).isEqualTo(Action.KEEP);
  }
}
