package io.winnow.step.slop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The word scan, the lexicon and contrast counts, and the style figures, on hand-checked sentences. */
class TextFeaturesTest {
  @Test
  void wordScanKeepsContractionsAndSplitsSentences() {
    WordScan s = WordScan.of("It’s not Mr. Smith's car. Don't panic! Really? Yes:\nfine");
    assertThat(java.util.Arrays.copyOf(s.words, s.wordCount))
        .containsExactly("it's", "not", "mr", "smith's", "car", "don't", "panic", "really", "yes", "fine");
    // a full stop continues the sentence only before a lower-case word, so "Mr. Smith" splits; a line break ends one
    assertThat(java.util.Arrays.copyOf(s.sentenceLengths, s.sentenceCount)).containsExactly(3, 2, 2, 1, 1, 1);
    assertThat(java.util.Arrays.copyOf(WordScan.of("See e.g. the list. Then stop.").sentenceLengths, 2)).containsExactly(5, 2);
    assertThat(s.punctuation[WordScan.PUNCTUATION.indexOf('\'')]).isEqualTo(0); // inner apostrophes belong to words
    assertThat(s.punctuation[WordScan.PUNCTUATION.indexOf(':')]).isEqualTo(1);
  }

  @Test
  void contrastConstructionsAreCountedOncePerSpan() {
    assertThat(ContrastPatterns.count("It's not just a tool, it's a revolution.")).isEqualTo(1);
    assertThat(ContrastPatterns.count("This is not a bug, but a feature.")).isEqualTo(1);
    assertThat(ContrastPatterns.count("The plan isn't about money. It's about trust.")).isEqualTo(1);
    assertThat(ContrastPatterns.count("It is less about speed and more about care.")).isEqualTo(1);
    assertThat(ContrastPatterns.count("Not because it was easy, but because it was right.")).isEqualTo(1);
    // a "not" and a "but" in different sentences do not pair up
    assertThat(ContrastPatterns.count("I did not go. But she did.")).isZero();
    assertThat(ContrastPatterns.count("The weather was cold and the road was long.")).isZero();
  }

  @Test
  void slopScoreListsMatchAfterStopWordsAndContractions() {
    Lexicons lex = Lexicons.get();
    assertThat(lex.contentWord("couldn't")).isEqualTo("could");
    assertThat(lex.contentWord("the")).isNull();
    FeatureExtractor fx = new FeatureExtractor(tinyModel(), 0);
    double[] f = fx.extract("She took a deep breath. Her voice barely above a whisper, she couldn't help but feel a sense of dread.").dense();
    Map<String, Double> named = FeatureExtractor.named(f);
    // "took deep breath" and "voice barely whisper" are slop-score trigrams; "could help feel" too
    assertThat(named.get("slop_trigrams_per_1k")).isGreaterThan(0);
    assertThat(named.get("antislop_phrases_per_1k")).isGreaterThan(0);
    double[] plain = fx.extract("The committee met on Tuesday and approved the budget for next year without changes.").dense();
    assertThat(FeatureExtractor.named(plain).get("slop_trigrams_per_1k")).isZero();
  }

  @Test
  void styleFiguresOnAKnownText() {
    FeatureExtractor fx = new FeatureExtractor(tinyModel(), 0);
    Map<String, Double> f = FeatureExtractor.named(fx.extract("One two three. One two three four five.").dense());
    assertThat(f.get("sentence_mean")).isCloseTo(4.0, within(1e-9));
    assertThat(f.get("sentence_std")).isCloseTo(1.0, within(1e-9));
    assertThat(f.get("type_token_ratio")).isCloseTo(5 / 8.0, within(1e-9));
    assertThat(f.get("repeated_trigram_share")).isCloseTo(2 / 6.0, within(1e-9)); // "one two three" twice of 6 trigrams
  }

  @Test
  void hashedFeaturesAreUnitLengthAndIgnoreLayout() {
    FeatureExtractor fx = new FeatureExtractor(tinyModel(), 16);
    FeatureExtractor.Features a = fx.extract("The cat sat on the mat.\n\nIt was happy.");
    FeatureExtractor.Features b = fx.extract("The cat sat on the mat. It was happy.");
    assertThat(a.hashedIndex()).containsExactlyInAnyOrder(b.hashedIndex());
    double norm = 0;
    for (float v : a.hashedValue()) norm += v * v;
    assertThat(norm).isCloseTo(1.0, within(1e-5));
  }

  static NgramLanguageModel tinyModel() {
    java.util.List<String[]> sentences = new java.util.ArrayList<>();
    for (String s : new String[] {"the cat sat on the mat", "the dog sat on the log", "a cat and a dog met",
        "the cat saw the dog", "one two three four five"}) {
      sentences.add(s.split(" "));
    }
    return NgramLanguageModel.train(sentences);
  }
}
