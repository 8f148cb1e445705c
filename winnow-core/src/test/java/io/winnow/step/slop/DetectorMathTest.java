package io.winnow.step.slop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** AUROC, thresholds at a false-positive rate, the mixture estimate, and the prompt-prefix cut. */
class DetectorMathTest {
  @Test
  void aurocCountsTiesHalf() {
    assertThat(Metrics.auroc(new double[] {0.1, 0.2}, new double[] {0.3, 0.4})).isEqualTo(1.0);
    assertThat(Metrics.auroc(new double[] {0.3, 0.4}, new double[] {0.1, 0.2})).isEqualTo(0.0);
    assertThat(Metrics.auroc(new double[] {0.5, 0.5}, new double[] {0.5})).isEqualTo(0.5);
    assertThat(Metrics.auroc(new double[] {0.1, 0.6}, new double[] {0.5, 0.7})).isEqualTo(0.75);
  }

  @Test
  void thresholdKeepsFalsePositivesAtTheRate() {
    double[] human = new double[1000];
    for (int i = 0; i < human.length; i++) human[i] = i / 1000.0;
    double t = Metrics.thresholdAtFpr(human, 0.01);
    long above = java.util.Arrays.stream(human).filter(h -> h > t).count();
    assertThat(above).isEqualTo(10);
    assertThat(Metrics.tprAtFpr(human, new double[] {0.995, 0.5}, 0.01)).isEqualTo(0.5);
  }

  @Test
  void mixtureEstimateRecoversAKnownShareWithinItsInterval() {
    long[] h = new long[ScoreHistograms.BINS], m = new long[ScoreHistograms.BINS];
    Random rnd = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      h[ScoreHistograms.bin(Math.min(0.999, Math.abs(rnd.nextGaussian() * 0.2)))]++;
      m[ScoreHistograms.bin(Math.max(0, 1 - Math.abs(rnd.nextGaussian() * 0.2)))]++;
    }
    ScoreHistograms reference = new ScoreHistograms(m, java.util.Map.of("news", h));
    for (double truth : new double[] {0.0, 0.1, 0.37, 0.9}) {
      long[] corpus = new long[ScoreHistograms.BINS];
      for (int i = 0; i < 5_000; i++) {
        boolean machine = rnd.nextDouble() < truth;
        double s = machine ? Math.max(0, 1 - Math.abs(rnd.nextGaussian() * 0.2)) : Math.min(0.999, Math.abs(rnd.nextGaussian() * 0.2));
        corpus[ScoreHistograms.bin(s)]++;
      }
      SyntheticShare e = SyntheticShare.estimate(corpus, reference);
      assertThat(e.share()).as("truth %s", truth).isCloseTo(truth, within(0.03));
      assertThat(e.low()).isLessThanOrEqualTo(e.share());
      assertThat(e.high()).isGreaterThanOrEqualTo(e.share());
      assertThat(truth).isBetween(e.low() - 0.01, e.high() + 0.01);
      assertThat(e.high() - e.low()).isLessThan(0.06);
      assertThat(e.documents()).isEqualTo(5_000);
    }
    assertThat(SyntheticShare.estimate(new long[ScoreHistograms.BINS], reference).share()).isNaN();
  }

  @Test
  void aHumanDomainThatScoresHighIsNotMistakenForMachineText() {
    // two human domains: one scores low, one ("web") spreads over the middle; machine text scores high
    long[] news = new long[ScoreHistograms.BINS], web = new long[ScoreHistograms.BINS], machine = new long[ScoreHistograms.BINS];
    Random rnd = new Random(3);
    for (int i = 0; i < 5_000; i++) {
      news[ScoreHistograms.bin(Math.abs(rnd.nextGaussian() * 0.15))]++;
      web[ScoreHistograms.bin(Math.min(0.999, Math.abs(0.5 + rnd.nextGaussian() * 0.2)))]++;
      machine[ScoreHistograms.bin(Math.max(0, 1 - Math.abs(rnd.nextGaussian() * 0.1)))]++;
    }
    ScoreHistograms reference = new ScoreHistograms(machine, java.util.Map.of("news", news, "web", web));
    long[] webCorpus = new long[ScoreHistograms.BINS];
    for (int i = 0; i < 3_000; i++) webCorpus[ScoreHistograms.bin(Math.min(0.999, Math.abs(0.5 + rnd.nextGaussian() * 0.2)))]++;
    SyntheticShare e = SyntheticShare.estimate(webCorpus, reference);
    assertThat(e.share()).isLessThan(0.02);
    assertThat(e.low()).isLessThanOrEqualTo(e.share());
    // a model that never saw human web pages would call part of the same corpus machine-made
    assertThat(SyntheticShare.estimate(webCorpus, new ScoreHistograms(machine, java.util.Map.of("news", news))).share()).isGreaterThan(0.1);
  }

  @Test
  void sharedPromptIsCutAtAWordBoundaryInBothTexts() {
    int[] cut = LabelledCorpus.SharedPrefix.ends("The quick brown fox jumps over", "The quick  brown foxes run away");
    assertThat("The quick brown fox jumps over".substring(cut[0])).isEqualTo("fox jumps over");
    assertThat("The quick  brown foxes run away".substring(cut[1])).isEqualTo("foxes run away");
    int[] whole = LabelledCorpus.SharedPrefix.ends("Question: why? Answer: yes", "Question: why? Answer: no");
    assertThat("Question: why? Answer: no".substring(whole[1])).isEqualTo("no");
  }
}
