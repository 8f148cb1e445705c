package io.winnow.step.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.text.IntBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The trainer on a separable set of real texts: stories (WritingPrompts) against news (XSum), the human and machine
 * texts of fixtures/slop-pairs.jsonl. Split by prompt group (a third of the groups held out), so the accuracy
 * checked is on texts whose prompt the model never saw.
 */
class QualityTrainerTest {
  private static final FeatureOptions SMALL = new FeatureOptions(1 << 16, 2, 0, 0, 0);

  private static QualityTrainer.Options options(FeatureOptions f, Loss loss, long seed) {
    return options(f, loss, 0.5, seed);
  }

  /** 50 epochs: a few dozen texts need many passes; character n-grams (more features a text) a higher rate. */
  private static QualityTrainer.Options options(FeatureOptions f, Loss loss, double learningRate, long seed) {
    return new QualityTrainer.Options("toy", f, 8, 50, learningRate, loss, seed);
  }

  private record Split(List<QualityTrainer.Example> train, List<QualityTrainer.Example> test) {}

  private static Split split() throws IOException {
    List<QualityTrainer.Example> train = new ArrayList<>();
    List<QualityTrainer.Example> test = new ArrayList<>();
    for (JsonNode n : QualityTestData.labelledTexts()) {
      String domain = n.path("domain").asText();
      if (!domain.equals("writing") && !domain.equals("xsum")) continue;
      boolean heldOut = Math.floorMod(n.path("group").asText().hashCode(), 3) == 0;
      (heldOut ? test : train).add(new QualityTrainer.Example(n.path("text").asText(), domain.equals("writing")));
    }
    return new Split(train, test);
  }

  @ParameterizedTest(name = "{0}, {1} buckets, char n-grams {2}..{3}, rate {4}")
  @CsvSource({"LOGISTIC, 65536, 0, 0, 0.5", "SOFTMAX, 65536, 0, 0, 0.5", "LOGISTIC, 50000, 0, 0, 0.5", "LOGISTIC, 65536, 3, 5, 2"})
  void learnsASeparableSetAndScoresHeldOutTextsRight(Loss loss, int buckets, int minn, int maxn, double rate) throws IOException {
    Split s = split();
    QualityTrainer.Trained t = QualityTrainer.train(s.train(), options(new FeatureOptions(buckets, 2, minn, maxn, 0), loss, rate, 1));
    QualityModel.Scorer scorer = t.model().scorer();
    int right = 0;
    for (QualityTrainer.Example e : s.test()) if ((scorer.score(e.text()) >= 0.5) == e.positive()) right++;
    assertThat((double) right / s.test().size()).as("held-out accuracy, " + t.report()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void lineShapesAreStoredInTheModelFileAndReadBack() throws IOException {
    Split s = split();
    for (FeatureOptions f : List.of(new FeatureOptions(1 << 16, 2, 0, 0, 0, true), new FeatureOptions(1 << 16, 0, 0, 0, 0, true),
        new FeatureOptions(1 << 16, 0, 0, 0, 0, true, true))) {
      QualityTrainer.Trained t = QualityTrainer.train(s.train(), options(f, Loss.LOGISTIC, 1));
      QualityModel back = QualityModel.read(t.bytes(), "test");
      assertThat(back.features()).isEqualTo(f);
      QualityModel.Scorer a = t.model().scorer();
      QualityModel.Scorer b = back.scorer();
      for (QualityTrainer.Example e : s.test()) assertThat(b.score(e.text())).isEqualTo(a.score(e.text()));
    }
    // without line or token shapes the header has no such keys, as in files written before they existed
    FeatureOptions plain = QualityModel.read(QualityTrainer.train(s.train(), options(SMALL, Loss.LOGISTIC, 1)).bytes(), "test").features();
    assertThat(plain.lineShapes()).isFalse();
    assertThat(plain.tokenShapes()).isFalse();
  }

  @Test
  void theShortTextPriorIsStoredInTheModelFileAndLowersOnlyShortTexts() throws IOException {
    Split s = split();
    ShortTextPrior prior = new ShortTextPrior(300, 4);
    QualityTrainer.Options base = options(SMALL, Loss.LOGISTIC, 1);
    QualityTrainer.Trained plain = QualityTrainer.train(s.train(), base);
    QualityTrainer.Trained withPrior = QualityTrainer.train(s.train(), new QualityTrainer.Options(base.name(), base.features(),
        base.dim(), base.epochs(), base.learningRate(), base.loss(), base.seed(), prior));
    QualityModel back = QualityModel.read(withPrior.bytes(), "test");
    assertThat(back.shortTexts()).isEqualTo(prior);
    assertThat(QualityModel.read(plain.bytes(), "test").shortTexts()).as("no prior: none in the file, as before it existed")
        .isEqualTo(ShortTextPrior.NONE);
    QualityModel.Scorer a = plain.model().scorer();
    QualityModel.Scorer b = back.scorer();
    int shortTexts = 0;
    for (QualityTrainer.Example e : s.test()) {
      String opening = e.text().substring(0, Math.min(120, e.text().length()));
      assertThat(b.score(opening)).isLessThan(a.score(opening));
      if (ShortTextPrior.letters(e.text(), 300) >= 300) assertThat(b.score(e.text())).isEqualTo(a.score(e.text()));
      else shortTexts++;
    }
    assertThat(shortTexts).as("the held-out texts are longer than the floor").isLessThan(s.test().size());
  }

  @Test
  void theSameDataAndSeedGiveTheSameModelByteForByte() throws IOException {
    List<QualityTrainer.Example> train = split().train();
    byte[] a = QualityTrainer.train(train, options(SMALL, Loss.LOGISTIC, 7)).bytes();
    byte[] b = QualityTrainer.train(train, options(SMALL, Loss.LOGISTIC, 7)).bytes();
    byte[] c = QualityTrainer.train(train, options(SMALL, Loss.LOGISTIC, 8)).bytes();
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  /** Scoring sums one precomputed margin a feature; it must equal the fastText way: mean of rows, then the output layer. */
  @ParameterizedTest
  @CsvSource({"LOGISTIC", "SOFTMAX"})
  void scoresEqualTheMeanOfRowsThroughTheOutputLayer(Loss loss) throws IOException {
    QualityModel m = QualityTrainer.train(split().train(), options(SMALL, loss, 3)).model();
    QualityModel.Scorer scorer = m.scorer();
    HashedFeatures features = new HashedFeatures(m.features());
    int checked = 0;
    for (String text : QualityTestData.webTexts()) {
      IntBuffer ids = features.extract(text);
      double[] hidden = new double[m.dim];
      for (int i = 0; i < ids.size(); i++) for (int j = 0; j < m.dim; j++) hidden[j] += m.input[ids.array()[i] * m.dim + j];
      for (int j = 0; j < m.dim; j++) hidden[j] /= Math.max(1, ids.size());
      double[] margins = new double[loss.outputs()];
      for (int k = 0; k < margins.length; k++) {
        margins[k] = m.output[loss.outputs() * m.dim + k];
        for (int j = 0; j < m.dim; j++) margins[k] += m.output[k * m.dim + j] * hidden[j];
      }
      double margin = loss == Loss.SOFTMAX ? margins[1] - margins[0] : margins[0];
      assertThat(scorer.score(text)).isCloseTo(1 / (1 + Math.exp(-margin)), org.assertj.core.data.Offset.offset(1e-5));
      checked++;
    }
    assertThat(checked).isEqualTo(QualityTestData.webTexts().size());
  }

  @Test
  void theModelFileReadsBackToTheModelThatScores() throws IOException {
    QualityTrainer.Trained t = QualityTrainer.train(split().train(), options(SMALL, Loss.LOGISTIC, 5));
    QualityModel back = QualityModel.read(t.bytes(), "test");
    assertThat(back.version()).isEqualTo(t.model().version()).startsWith("toy@");
    assertThat(back.trainedOn(split().train().get(0).text())).isTrue();
    assertThat(back.trainedOn(split().test().get(0).text())).isFalse();
  }

  @Test
  void refusesOneClassAndABrokenFile() throws IOException {
    List<QualityTrainer.Example> positives = split().train().stream().filter(QualityTrainer.Example::positive).toList();
    assertThatThrownBy(() -> QualityTrainer.train(positives, options(SMALL, Loss.LOGISTIC, 1)))
        .hasMessageContaining("both classes");
    byte[] bytes = QualityTrainer.train(split().train(), options(SMALL, Loss.LOGISTIC, 1)).bytes();
    assertThatThrownBy(() -> QualityModel.read(java.util.Arrays.copyOf(bytes, bytes.length / 2), "half.bin"))
        .isInstanceOf(IOException.class).hasMessageContaining("half.bin");
  }
}
