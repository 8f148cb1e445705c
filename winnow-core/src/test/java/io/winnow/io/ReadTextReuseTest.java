package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.text.PyText;
import io.winnow.text.Utf8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text read from JSON Lines is written back by copying its bytes when they are the ones Jackson would write, and
 * sized from them: both must give exactly what decoding and encoding again give, whatever escaping the input used.
 */
class ReadTextReuseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /**
   * Strings made to hit every escaping rule (controls, quotes, backslashes, slashes, 2/3/4-byte characters, lone
   * surrogates) and every whitespace character.
   */
  private static List<String> strings(long seed, int count) {
    String pieces = "ab Z09/\"\\\b\t\n\f\r\u0000\u0001\u000b\u001c\u001f\u007f\u0080\u0085éß\u00a0\u07ff\u0800€"
        + "\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000\uffff"; // with every kind of whitespace
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        int kind = rnd.nextInt(10);
        if (kind == 0) sb.appendCodePoint(0x10000 + rnd.nextInt(0x100000)); // a surrogate pair
        else if (kind == 1) sb.append((char) (0xd800 + rnd.nextInt(0x800))); // a lone surrogate, high or low
        else if (kind < 5) sb.append("plain text ");
        else sb.append(pieces.charAt(rnd.nextInt(pieces.length())));
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Jackson's own encoding of a string, quotes included: the canonical form. */
  private static String jackson(String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(b, JsonEncoding.UTF8)) {
      g.writeString(s);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /**
   * Another writer's encoding: every non-ASCII character (or every one, with {@code allEscaped}) as a
   * {@code \}{@code uxxxx} escape in lower case, slashes escaped; characters above U+FFFF raw when not all are escaped.
   */
  private static String foreign(String s, boolean allEscaped) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair && !allEscaped) {
        sb.append(c).append(s.charAt(++i));
      } else if (c == '"' || c == '\\' || c == '/') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f && (allEscaped || Character.isSurrogate(c)) || allEscaped && c > 'z') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static Document readOne(String line) throws IOException {
    try (JsonlReader r = new JsonlReader("f.jsonl", new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
        "id", "text", new ReaderLimits(1 << 20))) {
      ReadResult res = r.next();
      assertThat(res.rejection()).as(line).isNull();
      return res.document();
    }
  }

  private String written(Document d, String name) throws IOException {
    JsonlWriter w = new JsonlWriter(dir, name, Compression.NONE, Long.MAX_VALUE, "id", "text");
    w.write(d);
    return Files.readString(w.commit().get(0), StandardCharsets.UTF_8);
  }

  @Test
  void aTextReadInAnyEscapingIsSizedAndWrittenBackAsEncodingItAgainWould() throws IOException {
    int n = 0;
    int reused = 0;
    for (String s : strings(7, 100)) {
      for (String encoded : List.of(jackson(s), foreign(s, false), foreign(s, true))) {
        Document read = readOne("{\"text\": " + encoded + ", \"id\":\"d\", \"n\": 1}");
        assertThat(read.text()).isEqualTo(s);
        assertThat(read.utf8Bytes()).as(encoded).isEqualTo(Utf8.length(s));
        assertThat(read.whitespaceWords()).as(encoded).isEqualTo(PyText.countWhitespaceWords(s));
        // the same record built from its values alone is written by encoding the text
        Document fresh = new Document("d", s, new LinkedHashMap<>(read.metadata()), read.provenance());
        assertThat(fresh.jsonText()).isNull();
        assertThat(written(read, "r" + n)).as(encoded).isEqualTo(written(fresh, "f" + n));
        if (read.jsonText() != null) reused++;
        n++;
      }
    }
    // Jackson's own encoding is always reused; the other writers' only when they happen to agree with it
    assertThat(reused).isGreaterThanOrEqualTo(100);
    assertThat(readOne("{\"id\":\"d\",\"text\":\"a\\/b\"}").jsonText()).isNull();
    assertThat(readOne("{\"id\":\"d\",\"text\":\"caf\\u00e9\"}").jsonText()).isNull();
    assertThat(readOne("{\"id\":\"d\",\"text\":\"caf\u00e9\\n\"}").jsonText()).isNotNull();
  }

  @Test
  void changingTheTextForgetsTheBytesItWasReadFrom() throws IOException {
    Document d = readOne("{\"id\":\"d\",\"text\":\"old text\"}");
    assertThat(d.jsonText()).isNotNull();
    d.setText("new \"text\"");
    assertThat(d.jsonText()).isNull();
    assertThat(d.utf8Bytes()).isEqualTo(Utf8.length("new \"text\""));
    assertThat(written(d, "changed")).contains("\"text\":\"new \\\"text\\\"\"");
  }

  @Test
  void aTextFieldThatIsNotTopLevelOrNotAStringIsNotTakenForTheText() throws IOException {
    Document d = readOne("{\"id\":\"d\",\"meta\":{\"text\":\"inner\"},\"text\":\"outer\"}");
    assertThat(d.text()).isEqualTo("outer");
    assertThat(d.jsonText()).isEqualTo("outer".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void skippingAsciiBeforeCheckingUtf8GivesTheSameVerdictAsCheckingEveryByte() {
    Random rnd = new Random(3);
    byte[][] pieces = {"plain ascii text".getBytes(StandardCharsets.UTF_8), "é€😀".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xc3}, {(byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90}, {(byte) 0xff}};
    for (int k = 0; k < 3000; k++) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int i = rnd.nextInt(12); i > 0; i--) b.writeBytes(pieces[rnd.nextInt(pieces.length)]);
      byte[] bytes = b.toByteArray();
      int off = bytes.length == 0 ? 0 : rnd.nextInt(bytes.length);
      assertThat(JsonlReader.validUtf8(bytes, off, bytes.length - off))
          .isEqualTo(Utf8.isValid(bytes, off, bytes.length - off));
    }
  }
}
