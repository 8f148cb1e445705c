package io.winnow.step.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.text.IntBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token-shape features on real Common Crawl pages (examples/data/cc-main-2019-30-sample-200.jsonl.gz). */
class TokenShapesTest {
  private static List<Long> pairs(String text) {
    List<Long> out = new ArrayList<>();
    TokenShapes.scan(text.toCharArray(), text.length(), 0, out::add);
    return out;
  }

  /** Runs of non-space characters. */
  private static int tokens(String text) {
    int n = 0;
    boolean in = false;
    for (char c : text.toCharArray()) {
      boolean space = Character.isWhitespace(c);
      if (!space && !in) n++;
      in = !space;
    }
    return n;
  }

  /** Another alphabet, same words: every letter swapped for a Cyrillic letter of its case, digits kept. */
  private static String transliterated(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (Character.isUpperCase(c) && c < 128) b.append((char) ('А' + c % 32));
      else if (Character.isLowerCase(c) && c < 128) b.append((char) ('а' + c % 32));
      else b.append(c);
    }
    return b.toString();
  }

  @Test
  void everyTokenOfARealPageGivesOnePair() throws IOException {
    for (String text : QualityTestData.webTexts().subList(0, 50)) assertThat(pairs(text)).hasSize(tokens(text));
  }

  @Test
  void aPageInAnotherAlphabetHasTheSameTokenShapes() throws IOException {
    int checked = 0;
    for (String text : QualityTestData.webTexts()) {
      if (text.isBlank() || text.contains("://") || text.contains("www.")) continue; // addresses are told by their Latin markers
      assertThat(pairs(transliterated(text))).isEqualTo(pairs(text));
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void numbersCapitalisedWordsRunningWordsAndAddressesAreTold() {
    String s = "7:00 A002 the Senate. WIPO, 中文 使用者可以在这里找到 https://example.org info@example.org ©";
    List<Integer> classes = new ArrayList<>();
    int from = 0;
    for (String t : s.split(" ")) {
      classes.add(TokenShapes.classify(s.toCharArray(), from, from + t.length()));
      from += t.length() + 1;
    }
    // class × 3 + ending (0 none, 1 sentence end, 2 comma or colon)
    assertThat(classes).containsExactly(0, 3, 6, 10, 14, 15, 18, 24, 24, 21);
  }

  @Test
  void aLineStartsItsOwnPairsAndAPageNumberRunReadsUnlikeProse() {
    assertThat(pairs("one two\nthree")).containsExactly(pairs("one").get(0), pairs("one two").get(1), pairs("three").get(0));
    List<Long> numbers = pairs("1 2 3 4 5 6 7 8");
    List<Long> prose = pairs("it was the best of times, it was");
    assertThat(numbers.subList(1, numbers.size())).doesNotContainAnyElementsOf(prose);
  }

  @Test
  void tokenShapesAreReadOnlyWhenAsked() throws IOException {
    String text = QualityTestData.webTexts().get(0);
    IntBuffer layout = new HashedFeatures(new FeatureOptions(1 << 16, 0, 0, 0, 0, true)).extract(text);
    IntBuffer both = new HashedFeatures(new FeatureOptions(1 << 16, 0, 0, 0, 0, true, true)).extract(text);
    IntBuffer tokensOnly = new HashedFeatures(new FeatureOptions(1 << 16, 0, 0, 0, 0, false, true)).extract(text);
    assertThat(both.size()).isEqualTo(layout.size() + pairs(text).size());
    assertThat(tokensOnly.size()).isEqualTo(pairs(text).size());
  }
}
