package io.winnow.step.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The n-gram figures against a direct transcription of the reference, which builds every joined n-gram as a
 * string: on random texts over a tiny vocabulary (many repeats, and many joined n-grams equal with their word
 * boundaries elsewhere, like "ab"+"c" and "a"+"bc"), with empty words and words holding a space.
 */
class NGramRepetitionTest {
  private static final String[] VOCABULARY = {"a", "b", "ab", "ba", "c", "bc", "abc", "", "a b", "é", "\uD83D\uDE00"};

  @Test
  void sameFiguresAsBuildingEveryJoinedNGram() {
    Random random = new Random(18);
    NGramRepetition ngrams = new NGramRepetition();
    for (int doc = 0; doc < 2_000; doc++) {
      String[] words = new String[random.nextInt(60)];
      int vocabulary = 2 + random.nextInt(VOCABULARY.length - 1);
      for (int i = 0; i < words.length; i++) words[i] = new String(VOCABULARY[random.nextInt(vocabulary)]);
      ngrams.reset(words);
      for (int n = 2; n <= 4 && n <= words.length; n++)
        assertThat(ngrams.topNGramChars(n)).as("top %d-gram of %s", n, String.join("|", words)).isEqualTo(topReference(words, n));
      for (int n = 5; n <= 10; n++)
        assertThat(ngrams.repeatedNGramChars(n)).as("duplicated %d-grams of %s", n, String.join("|", words)).isEqualTo(duplicateReference(words, n));
      ngrams.release();
    }
  }

  @Test
  void wordsJoinedWithTheirBoundariesElsewhereAreTheSameNGram() {
    NGramRepetition ngrams = new NGramRepetition();
    // "".join: "x"+"ab"+"c"+"y"+"z" = "x"+"a"+"bc"+"y"+"z" = "xabcyz"
    String[] words = {"x", "ab", "c", "y", "z", "x", "a", "bc", "y", "z"};
    ngrams.reset(words);
    assertThat(ngrams.repeatedNGramChars(5)).isEqualTo(6);
    // " ".join: "p q" "r" = "p" "q r" = "p q r"
    String[] spaced = {"p q", "r", "s", "p", "q r", "s"};
    ngrams.reset(spaced);
    assertThat(ngrams.topNGramChars(2)).isEqualTo(2L * "p q r".length());
  }

  private static long topReference(String[] words, int n) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i + n <= words.length; i++) counts.merge(join(words, i, n, " "), 1, Integer::sum);
    String top = null;
    int best = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) { // insertion order: the first of the most frequent wins
      if (e.getValue() > best) {
        best = e.getValue();
        top = e.getKey();
      }
    }
    return (long) top.codePointCount(0, top.length()) * best;
  }

  private static long duplicateReference(String[] words, int n) {
    Set<String> unique = new HashSet<>();
    long repeated = 0;
    int i = 0;
    while (i < words.length - n + 1) {
      String gram = join(words, i, n, "");
      if (unique.contains(gram)) {
        repeated += gram.codePointCount(0, gram.length());
        i += n;
      } else {
        unique.add(gram);
        i++;
      }
    }
    return repeated;
  }

  private static String join(String[] words, int from, int n, String separator) {
    return String.join(separator, java.util.Arrays.asList(words).subList(from, from + n));
  }

}
