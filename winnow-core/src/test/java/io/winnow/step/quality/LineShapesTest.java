package io.winnow.step.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.text.IntBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line-shape features on real Common Crawl pages (examples/data/cc-main-2019-30-sample-200.jsonl.gz). */
class LineShapesTest {
  private static List<Long> shapes(String text) {
    List<Long> out = new ArrayList<>();
    new LineShapes().scan(text.toCharArray(), text.length(), 0, out::add);
    return out;
  }

  /** Another alphabet, same layout: every letter swapped for a Cyrillic letter of its case, digits kept. */
  private static String transliterated(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (Character.isUpperCase(c)) b.append((char) ('А' + c % 32));
      else if (Character.isLowerCase(c)) b.append((char) ('а' + c % 32));
      else b.append(c);
    }
    return b.toString();
  }

  @Test
  void aPageInAnotherAlphabetWithTheSameLayoutHasTheSameShapes() throws IOException {
    int checked = 0;
    for (String text : QualityTestData.webTexts()) {
      if (text.isBlank()) continue;
      assertThat(shapes(transliterated(text))).isEqualTo(shapes(text));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void aLineWeighsInProportionToItsLengthAndTheSizeWeighsAsMuchAsTheLines() throws IOException {
    for (String text : QualityTestData.webTexts().subList(0, 50)) {
      long expected = 0;
      for (String line : text.split("\n", -1)) {
        int chars = line.strip().length();
        if (chars > 0) expected += Math.max(1, chars / 16);
      }
      assertThat(shapes(text)).hasSize((int) (2 * expected));
    }
  }

  @Test
  void aRepeatedLineIsMarkedAsARepeat() throws IOException {
    String page = QualityTestData.webTexts().stream().filter(t -> t.split("\n").length > 5).findFirst().orElseThrow();
    String first = page.split("\n")[0].strip() + " and more words to pass eight characters";
    List<Long> once = shapes(first);
    List<Long> twice = shapes(first + "\n" + first);
    int n = once.size() / 2; // the line's shapes, then as many size features
    assertThat(twice.subList(0, n)).isEqualTo(once.subList(0, n));
    assertThat(twice.get(n)).isNotEqualTo(twice.get(0));
  }

  @Test
  void layoutFeaturesAreReadOnlyWhenAskedAndWordsCanBeLeftOut() throws IOException {
    String text = QualityTestData.webTexts().get(0);
    IntBuffer words = new HashedFeatures(new FeatureOptions(1 << 16, 2, 0, 0, 0)).extract(text);
    int wordFeatures = words.size();
    IntBuffer both = new HashedFeatures(new FeatureOptions(1 << 16, 2, 0, 0, 0, true)).extract(text);
    IntBuffer layout = new HashedFeatures(new FeatureOptions(1 << 16, 0, 0, 0, 0, true)).extract(text);
    assertThat(both.size()).isEqualTo(wordFeatures + shapes(text).size());
    assertThat(layout.size()).isEqualTo(shapes(text).size());
  }
}
