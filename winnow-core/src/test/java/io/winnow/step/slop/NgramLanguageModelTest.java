package io.winnow.step.slop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class NgramLanguageModelTest {
  private final NgramLanguageModel lm = TextFeaturesTest.tinyModel();

  @Test
  void everyContextIsAProbabilityDistribution() {
    int v = lm.vocabularySize();
    for (int[] ctx : new int[][] {{NgramLanguageModel.BOS, NgramLanguageModel.BOS}, {lm.id("the"), lm.id("cat")},
        {lm.id("sat"), lm.id("on")}, {lm.id("zebra"), lm.id("the")}}) {
      double total = 0;
      for (int w = 0; w < v; w++) total += Math.pow(2, lm.log2Prob(ctx[0], ctx[1], w));
      // pruned singleton trigrams leave a little mass unassigned, never more than a distribution has
      assertThat(total).isLessThanOrEqualTo(1.0 + 1e-9).isGreaterThan(0.5);
    }
    for (int u = 0; u < v; u++) {
      double total = 0;
      for (int w = 0; w < v; w++) total += Math.exp(lm.lnBigram(u, w));
      assertThat(total).as("bigram context %d", u).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void analyticExpectationsMatchBruteForce() {
    int v = lm.vocabularySize();
    for (int u = 0; u < v; u++) {
      double mean = 0, second = 0;
      for (int w = 0; w < v; w++) {
        double l = lm.lnBigram(u, w), p = Math.exp(l);
        mean += p * l;
        second += p * l * l;
      }
      assertThat(lm.expectedLnBigram(u)).isCloseTo(mean, within(1e-9));
      assertThat(lm.lnBigramVariance(u)).isCloseTo(Math.max(1e-9, second - mean * mean), within(1e-9));
    }
  }

  @Test
  void seenContinuationsAreLikelierAndNumbersShareOneId() {
    assertThat(lm.log2Prob(lm.id("the"), lm.id("cat"), lm.id("sat"))).isGreaterThan(lm.log2Prob(lm.id("the"), lm.id("cat"), lm.id("dog")));
    // a word seen once is <unk>: rare words share its counts
    assertThat(lm.id("log")).isEqualTo(NgramLanguageModel.UNK);
    assertThat(lm.id("1961")).isEqualTo(lm.id("42")).isEqualTo(NgramLanguageModel.NUM);
    assertThat(lm.id("never-seen")).isEqualTo(NgramLanguageModel.UNK);
  }

  @Test
  void roundTripsThroughItsBinaryForm() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      lm.write(out);
    }
    NgramLanguageModel back = NgramLanguageModel.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (int u = 0; u < lm.vocabularySize(); u++) {
      for (int w = 0; w < lm.vocabularySize(); w++) assertThat(back.log2Prob(1, u, w)).isEqualTo(lm.log2Prob(1, u, w));
    }
  }
}
