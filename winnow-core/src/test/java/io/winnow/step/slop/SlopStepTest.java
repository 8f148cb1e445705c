package io.winnow.step.slop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The slop step with the shipped model, on real human and machine texts. The fixture's pairs are cut from the
 * Fast-DetectGPT files the shipped model was trained on: scores on them are training figures, which check that
 * the step loads and applies the model as trained, not how well it detects unseen text (that is measured by
 * {@code eval-detector}, see docs/BENCHMARKS.md).
 */
class SlopStepTest {
  private static final List<LabelledText> PAIRS = read();

  private static List<LabelledText> read() {
    try {
      return LabelledCorpus.read(List.of(Fixtures.path("slop-pairs.jsonl")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SlopStep step(Map<String, Object> params) {
    return new SlopStep(SlopStep.Config.from(new Params("test step slop", new LinkedHashMap<>(params))));
  }

  @Test
  void machineTextsOfTheTrainingDataScoreAboveTheirHumanPairs() {
    SlopStep s = step(Map.of());
    double[] human = PAIRS.stream().filter(t -> !t.machine()).mapToDouble(t -> score(s, t.text())).toArray();
    double[] machine = PAIRS.stream().filter(LabelledText::machine).mapToDouble(t -> score(s, t.text())).toArray();
    assertThat(human).hasSize(67);
    assertThat(Metrics.auroc(human, machine)).isGreaterThan(0.9);
  }

  private static double score(SlopStep s, String text) {
    Verdict v = s.apply(Document.of("d", text));
    return (Double) v.values().get("score");
  }

  @Test
  void recordsProvenanceAndExplainsTheScore() {
    SlopStep s = step(Map.of());
    Document d = Document.of("d", PAIRS.get(1).text());
    d.metadata().put("provenance", new LinkedHashMap<>(Map.of("crawl", "CC-MAIN-2019-30")));
    Verdict v = s.apply(d);
    assertThat(v.action()).isEqualTo(Action.KEEP);
    @SuppressWarnings("unchecked")
    Map<String, Object> provenance = (Map<String, Object>) d.metadata().get("provenance");
    assertThat(provenance).containsEntry("crawl", "CC-MAIN-2019-30").containsKey("synthetic");
    @SuppressWarnings("unchecked")
    Map<String, Object> synthetic = (Map<String, Object>) provenance.get("synthetic");
    assertThat(synthetic.get("score")).isEqualTo(v.values().get("score"));
    assertThat((String) synthetic.get("model")).startsWith("winnow-slop-default@");
    assertThat((Map<?, ?>) v.values().get("features")).hasSize(3);
    assertThat(v.counters()).singleElement().asString().startsWith(SlopStep.BIN_COUNTER);
  }

  @Test
  void dropsAtTheThresholdAndWeightsOtherwise() {
    String machine = PAIRS.stream().filter(LabelledText::machine).max(java.util.Comparator.comparingDouble(t -> score(step(Map.of()), t.text()))).orElseThrow().text();
    assertThat(step(Map.of("action", "drop", "threshold", 0.0)).apply(Document.of("d", machine)).action()).isEqualTo(Action.DROP);
    assertThat(step(Map.of("action", "drop", "threshold", 1.0)).apply(Document.of("d", machine)).action()).isEqualTo(Action.KEEP);
    Document d = Document.of("d", machine);
    Verdict v = step(Map.of("action", "weight", "weight_field", "w")).apply(d);
    assertThat(v.action()).isEqualTo(Action.KEEP);
    assertThat((Double) d.metadata().get("w")).isBetween(0.0, 1.0);
    assertThat((Double) d.metadata().get("w") + (Double) v.values().get("score")).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-3));
  }

  @Test
  void shortTextsAreKeptUnscored() {
    Document d = Document.of("d", "Too short to judge.");
    Verdict v = step(Map.of("action", "drop", "threshold", 0.0)).apply(d);
    assertThat(v.action()).isEqualTo(Action.KEEP);
    assertThat(v.values()).containsEntry("scored", false);
    assertThat(d.metadata()).doesNotContainKey("provenance");
  }

  @Test
  void badParametersNameTheStepAndKey() {
    assertThatThrownBy(() -> step(Map.of("action", "burn"))).hasMessageContaining("action");
    assertThatThrownBy(() -> step(Map.of("threshold", 2))).hasMessageContaining("threshold");
    assertThatThrownBy(() -> step(Map.of("model", "/no/such/model.bin"))).hasMessageContaining("model").hasMessageContaining("/no/such/model.bin");
  }

  @Test
  void summarizesBinCountersIntoAShareWithInterval() {
    SlopStep s = step(Map.of());
    Map<String, Long> counters = new java.util.HashMap<>();
    for (LabelledText t : PAIRS) s.apply(Document.of("d", t.text())).counters().forEach(c -> counters.merge(c, 1L, Long::sum));
    Map<String, Object> est = s.summarize(counters);
    assertThat((Double) est.get("synthetic_share")).isBetween(0.3, 0.7); // half of the pairs are machine text
    assertThat(est.get("scored_documents")).isEqualTo(134L);
  }
}
