package io.winnow.refilter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.ByteLines;
import io.winnow.text.PyText;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte-level readers of refilter agree with the decoding readers they replace. */
class RefilterBytesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void wordsOnJsonBytesAreTheWordsOfTheDecodedText() throws Exception {
    String[] texts = {"plain words here", "  lead and trail  ", "line\nbreaks\tand\r\nreturns", "quote \" and \\ back",
        "nbsp\u00a0joins? no: it splits", "ideographic\u3000space and\u2028line sep", "emoji \uD83D\uDE00 word", "",
        "\u0085next-line\u001fseparator", "caf\u00e9 na\u00efve r\u00e9sum\u00e9", "escaped \u0001 control"};
    KeptWords words = new KeptWords("text");
    for (String t : texts) {
      for (String line : List.of(JSON.writeValueAsString(java.util.Map.of("id", "x", "text", t)),
          "{\"id\":\"x\",\"text\":" + JSON.writeValueAsString(t).replace(" ", "\\u0020") + "}",
          "{\"text\":\"ignored\",\"meta\":{\"text\":\"nested\"},\"text\":" + JSON.writeValueAsString(t) + "}")) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int expected = PyText.countWhitespaceWords(JSON.readTree(line).path("text").asText());
        assertThat(words.count(b, 0, b.length)).as(line).isEqualTo(expected);
      }
    }
    byte[] numeric = "{\"text\":12.50}".getBytes(StandardCharsets.UTF_8);
    assertThat(words.count(numeric, 0, numeric.length)).isEqualTo(PyText.countWhitespaceWords(JSON.readTree(numeric).path("text").asText()));
  }

  @Test
  void wordsCountedEightBytesAtATimeAgreeOnRandomTextsAtEveryAlignment() throws Exception {
    // runs of ASCII letters and every ASCII whitespace byte, escapes ("\\n", "\\u0020", "\\""), non-ASCII spaces
    // and letters, so that eight-byte blocks start and end inside words, spaces and escapes alike
    String pieces = "abcdefgh ijk\tl\nm\r\u000b\u000c\u001c\u001f\"\\/\u00a0\u3000\u2028\u0085\u00e9\u20ac\uD83D\uDE00\u0001";
    java.util.Random rnd = new java.util.Random(5);
    KeptWords words = new KeptWords("text");
    for (int k = 0; k < 4000; k++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(90);
      for (int i = 0; i < n; i++) {
        if (rnd.nextInt(3) == 0) sb.append("word".repeat(1 + rnd.nextInt(4)));
        else {
          int at = rnd.nextInt(pieces.length());
          if (Character.isHighSurrogate(pieces.charAt(at))) sb.append(pieces, at, at + 2);
          else if (!Character.isLowSurrogate(pieces.charAt(at))) sb.append(pieces.charAt(at));
        }
      }
      String t = sb.toString();
      String json = JSON.writeValueAsString(t);
      if (rnd.nextBoolean()) json = json.replace(" ", "\\u0020"); // escapes the writer would not make
      String line = "{\"id\":\"" + "x".repeat(rnd.nextInt(8)) + "\",\"text\":" + json + "}";
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      assertThat(words.count(b, 0, b.length)).as(line).isEqualTo(PyText.countWhitespaceWords(t));
    }
  }

  @Test
  void byteLinesSplitAsReadLineDoes() throws Exception {
    String text = "a\nbb\r\nccc\rdddd\n\n\r\re";
    List<String> expected = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      for (String l; (l = r.readLine()) != null; ) expected.add(l);
    }
    List<String> got = new ArrayList<>();
    try (ByteLines lines = new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (lines.next()) got.add(new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8));
    }
    assertThat(got).isEqualTo(expected);
  }
}
