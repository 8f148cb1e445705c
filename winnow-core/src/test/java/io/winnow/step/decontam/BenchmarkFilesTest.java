package io.winnow.step.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every shared benchmark file is read in its layout, and indexed. */
class BenchmarkFilesTest {
  @Test
  void readsEverySharedBenchmark() throws IOException {
    Path dir = SharedData.require("data/benchmarks");
    List<BenchmarkItem> items = BenchmarkFiles.read(dir, null, "auto", List.of());
    Map<String, Integer> counts = new TreeMap<>();
    items.forEach(i -> counts.merge(i.benchmark(), 1, Integer::sum));
    System.out.println("benchmark items: " + counts);
    assertThat(counts).containsEntry("gsm8k", 1319).containsEntry("HumanEval", 164).containsEntry("TruthfulQA", 817)
        .containsKeys("mmlu-test", "arc_challenge", "arc_easy", "boolq", "commonsense_qa", "lambada_openai", "math",
            "openbook_qa", "piqa", "siqa", "triviaqa_small", "winogrande");
    assertThat(counts.get("mmlu-test")).isGreaterThan(14_000);
    assertThat(items).allSatisfy(i -> assertThat(String.join("", i.texts())).isNotBlank());

    DecontamIndex index = DecontamIndex.build(items, 13, 4);
    System.out.printf("index: %,d items, %,d distinct 13-grams%n", index.items(), index.indexedNgrams());
    index.perBenchmark().forEach((b, v) -> System.out.printf("  %-16s items %,6d  n-grams %,8d  whole %,6d  skipped %,d%n", b, v[0], v[1], v[2], v[3]));
    assertThat(index.indexedNgrams()).isGreaterThan(1_000_000);
  }

  @Test
  void gsm8kAnswersLoseTheirCalculatorAnnotations() throws IOException {
    List<BenchmarkItem> items = BenchmarkFiles.read(Fixtures.path("gsm8k-test-30.jsonl"), null, "auto", List.of());
    assertThat(items).hasSize(30);
    assertThat(items.get(0).benchmark()).isEqualTo("gsm8k-test-30");
    assertThat(items.get(0).texts().get(0)).contains("Janet").contains("16 - 3 - 4 = 9").doesNotContain("<<");
  }

  @Test
  void genericLayoutNeedsItsFields() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        BenchmarkFiles.read(Fixtures.path("gsm8k-test-30.jsonl"), "x", "generic", List.of()))
        .hasMessageContaining("needs 'fields'");
  }
}
