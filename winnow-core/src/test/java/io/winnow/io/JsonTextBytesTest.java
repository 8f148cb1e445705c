package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.text.AsciiWords;
import io.winnow.text.PyText;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextBytesTest {
  @Test
  void spaceFlagsMarkEveryAsciiWhitespaceByteInEveryPositionAndNothingElse() {
    for (int c = 0; c < 128; c++) {
      for (int pos = 0; pos < 8; pos++) {
        // the byte under test amid neighbours that are spaces or not, so a carry across bytes would show
        for (int neighbour : new int[] {' ', 'a', 0x7f, 0x00, 0x1f}) {
          long w = 0;
          for (int k = 0; k < 8; k++) w |= (long) (k == pos ? c : neighbour) << (8 * k);
          long flags = AsciiWords.spaceFlags(w);
          for (int k = 0; k < 8; k++) {
            int b = k == pos ? c : neighbour;
            assertThat((flags >>> (8 * k + 7) & 1) == 1).as("byte %#x at %d beside %#x", b, k, neighbour)
                .isEqualTo(PyText.isSpace(b));
          }
          assertThat(flags & ~0x8080808080808080L).isZero();
        }
      }
    }
  }

  @Test
  void wordsCountedOnTheBytesAreTheWordsOfTheDecodedString() {
    // every ASCII byte, the non-ASCII whitespace characters, and 2/3/4-byte characters that are not whitespace
    String others = "\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000éß€\u200b\uffff";
    Random rnd = new Random(11);
    for (int k = 0; k < 3000; k++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(120);
      for (int i = 0; i < n; i++) {
        int kind = rnd.nextInt(10);
        if (kind == 0) sb.append(others.charAt(rnd.nextInt(others.length())));
        else if (kind == 1) sb.appendCodePoint(0x10000 + rnd.nextInt(0x1000));
        else if (kind < 4) sb.append((char) rnd.nextInt(128));
        else sb.append(rnd.nextBoolean() ? ' ' : 'x');
      }
      String s = sb.toString();
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      // at an offset too, so that the eight-byte steps fall across characters differently
      byte[] shifted = new byte[utf8.length + 3];
      System.arraycopy(utf8, 0, shifted, 3, utf8.length);
      int expected = PyText.countWhitespaceWords(s);
      assertThat(JsonTextBytes.whitespaceWords(utf8, 0, utf8.length)).as(s).isEqualTo(expected);
      assertThat(JsonTextBytes.whitespaceWords(shifted, 3, shifted.length)).as(s).isEqualTo(expected);
    }
  }
}
