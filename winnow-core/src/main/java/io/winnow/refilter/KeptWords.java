package io.winnow.refilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.text.AsciiWords;
import io.winnow.text.PyText;
import java.io.IOException;

/**
 * The whitespace-separated words ({@link PyText#countWhitespaceWords}) of a data line's text field, counted on the
 * field's JSON bytes without decoding it to a string: escapes and UTF-8 sequences are read for the one thing that
 * matters here, whether each character is a space.
 */
final class KeptWords {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long BACKSLASHES = '\\' * ONES;
  private final String textField;

  KeptWords(String textField) {
    this.textField = textField;
  }

  int count(byte[] b, int start, int end) throws IOException {
    JsonSpans json = new JsonSpans(b, end);
    int textStart = -1;
    int textEnd = -1;
    boolean unusual = false;
    int ns = json.firstMember(start);
    while (ns >= 0) {
      int ne = json.nameEnd(ns);
      int vs = json.valueStart(ne);
      int ve = json.value(vs);
      for (int i = ns; i < ne; i++) if (b[i] == '\\') unusual = true;
      if (json.isString(ns, ne, textField)) {
        textStart = vs;
        textEnd = ve;
      }
      ns = json.nextMember(ve);
    }
    // an escaped member name or a text that is no string: the parsed tree's asText says what the text is
    if (unusual || (textStart >= 0 && b[textStart] != '"'))
      return PyText.countWhitespaceWords(JSON.readTree(b, start, end - start).path(textField).asText());
    return textStart < 0 ? 0 : words(b, textStart + 1, textEnd - 1);
  }

  /**
   * Words of a JSON string's content, its quotes excluded: eight bytes a step where they are ASCII without a
   * backslash ({@link AsciiWords}), escapes and other characters one at a time.
   */
  static int words(byte[] b, int from, int to) {
    int count = 0;
    boolean inWord = false;
    for (int i = from; i < to; ) {
      if (i + 8 <= to) {
        long w = (long) LONGS.get(b, i);
        long s = w ^ BACKSLASHES;
        if (AsciiWords.ascii(w) && ((s - ONES) & ~s & HIGHS) == 0) {
          long space = AsciiWords.spaceFlags(w);
          count += AsciiWords.starts(space, inWord);
          inWord = AsciiWords.endsInWord(space);
          i += 8;
          continue;
        }
      }
      int c = b[i] & 0xff;
      if (c == '\\') {
        char e = (char) b[i + 1];
        i += 2;
        c = switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case 'f' -> '\f';
          case 'b' -> '\b';
          case 'u' -> {
            int u = Integer.parseInt(new String(b, i, 4, java.nio.charset.StandardCharsets.US_ASCII), 16);
            i += 4;
            yield u;
          }
          default -> e;
        };
      } else if (c < 0x80) i++;
      else {
        int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        int cp = more == 3 ? c & 0x07 : more == 2 ? c & 0x0f : c & 0x1f;
        i++;
        for (; more > 0 && i < to && (b[i] & 0xc0) == 0x80; more--, i++) cp = (cp << 6) | (b[i] & 0x3f);
        c = more == 0 ? cp : 0xfffd; // a cut sequence decodes as a replacement character, no space
      }
      boolean space = PyText.isSpace(c);
      if (!space && !inWord) count++;
      inWord = !space;
    }
    return count;
  }
}
