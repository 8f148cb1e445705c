package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A run's hash is the hash of the run joined into one string, whatever the words' lengths and characters. */
class WordSequenceHashesTest {
  private static final String[] PIECES = {"a", "bc", "def", "ghij", "é", "東京", "\uD83D\uDE00", "x\uD83D\uDE00y", "", "the", "word"};

  @Test
  void runsHashAsTheirJoinedStrings() {
    SplittableRandom r = new SplittableRandom(7);
    WordSequenceHashes words = new WordSequenceHashes();
    WordSequenceHashes joined = new WordSequenceHashes();
    for (int doc = 0; doc < 2_000; doc++) {
      String[] w = new String[1 + r.nextInt(30)];
      for (int i = 0; i < w.length; i++) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(4); k >= 0; k--) b.append(PIECES[r.nextInt(PIECES.length)]);
        w[i] = b.toString();
      }
      words.reset(w);
      int from = r.nextInt(w.length);
      int n = 1 + r.nextInt(w.length - from);
      String[] run = Arrays.copyOfRange(w, from, from + n);

      // the spaced hash covers the space after the run's last word too (every word is followed by one)
      joined.reset(new String[] {String.join(" ", run) + " "});
      assertThat(words.spaced(from, n)).as("spaced %s", Arrays.toString(run)).isEqualTo(joined.plain(0, 1));
      assertThat(words.spacedLength(from, n)).isEqualTo(joined.plainLength(0, 1) - 1);

      joined.reset(new String[] {String.join("", run)});
      assertThat(words.plain(from, n)).as("plain %s", Arrays.toString(run)).isEqualTo(joined.plain(0, 1));
      assertThat(words.plainLength(from, n)).isEqualTo(String.join("", run).codePointCount(0, String.join("", run).length()));
    }
  }
}
