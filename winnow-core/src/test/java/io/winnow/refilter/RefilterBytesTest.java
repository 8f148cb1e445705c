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
