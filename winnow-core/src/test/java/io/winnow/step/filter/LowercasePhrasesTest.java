package io.winnow.step.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass phrase search against lowercasing the line and searching phrase by phrase. */
class LowercasePhrasesTest {
  private static final String[] PHRASES = {"lorem ipsum", "javascript", "use cookies", "uses cookies"};
  private static final int[] BITS = {1, 2, 4, 4};
  /** Pieces that build the phrases, near misses, and characters whose lowercase differs in length or is ASCII. */
  private static final String[] PIECES = {"Lorem", "lorem", " ", "IPSUM", "ipsum", "Java", "Script", "scrip",
    "use", "USES", "s", " cookies", "Cookies", "\u0130", "\u212A", "é", "x", "\uD83D\uDE00"};

  @Test
  void findsWhatLowercasingAndSearchingFinds() {
    LowercasePhrases phrases = new LowercasePhrases(PHRASES, BITS);
    Random random = new Random(4);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder line = new StringBuilder();
      int pieces = random.nextInt(12);
      boolean ascii = random.nextBoolean();
      for (int i = 0; i < pieces; i++) line.append(PIECES[random.nextInt(ascii ? 13 : PIECES.length)]);
      String s = line.toString();
      assertThat(phrases.find(s)).as(s).isEqualTo(expected(s));
    }
  }

  @Test
  void findsAPhraseAtEitherEndAndNotAPartialOne() {
    LowercasePhrases phrases = new LowercasePhrases(PHRASES, BITS);
    assertThat(phrases.find("JavaScript")).isEqualTo(2);
    assertThat(phrases.find("see lorem ipsum")).isEqualTo(1);
    assertThat(phrases.find("this site uses cookies and javascrip")).isEqualTo(4);
    assertThat(phrases.find("")).isZero();
  }

  @Test
  void refusesAPhraseItCouldNotMatchLetterByLetter() {
    assertThatThrownBy(() -> new LowercasePhrases(new String[] {"Cookies"}, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cookies");
  }

  private static int expected(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    int found = 0;
    for (int k = 0; k < PHRASES.length; k++) if (lower.contains(PHRASES[k])) found |= BITS[k];
    return found;
  }
}
