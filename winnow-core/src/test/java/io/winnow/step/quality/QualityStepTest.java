package io.winnow.step.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Document;
import io.winnow.doc.Action;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.PipelineException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quality step with the shipped model on real pages: scores, threshold, annotate mode and the language guard. */
class QualityStepTest {
  private static QualityStep step(boolean annotate, Object... keyValues) {
    Map<String, Object> raw = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) raw.put((String) keyValues[i], keyValues[i + 1]);
    return new QualityStep(QualityStep.Config.from(new Params("test", raw)), annotate);
  }

  @Test
  void scoresEveryPageWritesTheScoreAndDropsBelowTheThreshold() {
    QualityStep step = step(false, "threshold", 0.5);
    QualityModel.Scorer scorer = QualityModel.load(QualityModel.BUILTIN).scorer();
    int dropped = 0;
    List<String> texts = QualityTestData.webTexts();
    for (int i = 0; i < texts.size(); i++) {
      Document d = Document.of("d" + i, texts.get(i));
      Verdict v = step.apply(d);
      double score = (Double) d.metadata().get("quality_score");
      assertThat(score).isBetween(0.0, 1.0).isEqualTo(scorer.score(texts.get(i)));
      assertThat(v.counters()).containsExactly("model:" + step.model().version());
      if (score < 0.5) {
        dropped++;
        assertThat(v.action()).isEqualTo(Action.DROP);
        assertThat(v.reason()).isEqualTo(QualityStep.Reason.BELOW_THRESHOLD);
        assertThat(v.values()).containsEntry("score", score).containsEntry("min", 0.5);
      } else {
        assertThat(v.action()).isEqualTo(Action.KEEP);
        assertThat(v.values()).containsEntry("score", score);
      }
    }
    // the sample is mostly not English pages, which the English-trained model scores low: both outcomes occur
    assertThat(dropped).isBetween(1, texts.size() - 1);
  }

  @Test
  void annotateKeepsEveryPageAndCountsWhatWouldHaveBeenDropped() {
    QualityStep plain = step(false, "threshold", 0.6);
    QualityStep annotated = step(true, "threshold", 0.6);
    for (String text : QualityTestData.webTexts()) {
      Verdict p = plain.apply(Document.of("a", text));
      Verdict a = annotated.apply(Document.of("a", text));
      assertThat(a.action()).isEqualTo(Action.KEEP);
      assertThat(a.values().get("score")).isEqualTo(p.values().get("score"));
      assertThat(a.counters().contains("would_drop:below_threshold")).isEqualTo(p.action() == Action.DROP);
    }
  }

  @Test
  void documentsInAnotherLanguageAreKeptUnscoredUnlessAsked() throws IOException {
    QualityStep english = step(false, "threshold", 1.0, "languages", List.of("en"));
    QualityStep all = step(false, "threshold", 1.0);
    QualityStep withGerman = step(false, "threshold", 1.0, "languages", List.of("en", "DE"));
    for (String text : QualityTestData.otherLanguageTexts()) {
      Document d = Document.of("x", text);
      d.metadata().put("language", "de");
      Verdict v = english.apply(d);
      assertThat(v.action()).isEqualTo(Action.KEEP);
      assertThat(v.values()).containsEntry("scored", false).containsEntry("reason", "language").containsEntry("language", "de")
          .containsEntry("score", null);
      assertThat(v.counters()).contains("unscored:language");
      assertThat(d.metadata()).doesNotContainKey("quality_score");
      // scored by default (languages: all) or on request: no page scores 1.0, so each is dropped
      assertThat(all.apply(d).action()).isEqualTo(Action.DROP);
      assertThat(withGerman.apply(d).action()).isEqualTo(Action.DROP);
      // no language field: nothing says it is another language, so it is scored
      assertThat(english.apply(Document.of("y", text)).action()).isEqualTo(Action.DROP);
    }
    Document en = Document.of("e", QualityTestData.webTexts().get(0));
    en.metadata().put("language", "en");
    assertThat(english.apply(en).values()).containsKey("score").doesNotContainKey("scored");
  }

  @Test
  void unscoredDocumentsRecordANullScoreInAnnotateMode() throws IOException {
    Document d = Document.of("x", QualityTestData.otherLanguageTexts().get(0));
    d.metadata().put("language", "fr");
    Verdict v = step(true, "languages", List.of("en")).apply(d);
    assertThat(v.action()).isEqualTo(Action.KEEP);
    assertThat(v.values()).containsEntry("score", null).containsEntry("scored", false);
    assertThat(v.counters()).noneMatch(c -> c.startsWith("would_drop:"));
    // refilter decides from the recorded null: kept, whatever the threshold
    assertThat(step(false, "threshold", 1.0).decide(name -> null)).isNull();
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> step(false, "languages", List.of())).isInstanceOf(PipelineException.class).hasMessageContaining("languages");
    assertThatThrownBy(() -> step(false, "languages", List.of("en", "all"))).isInstanceOf(PipelineException.class).hasMessageContaining("'all'");
    assertThatThrownBy(() -> step(false, "model", "/nonexistent/model.bin")).isInstanceOf(PipelineException.class).hasMessageContaining("not found");
    assertThatThrownBy(() -> step(false, "keep_share", 0.3)).isInstanceOf(PipelineException.class).hasMessageContaining("quality_share");
  }
}
