package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The word-at-a-time line-break search against a byte-by-byte one, on a real JSONL file and its every offset. */
class ByteLinesTest {
  private static final Path WEB_200 = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz");

  private static int naive(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] == '\n' || b[i] == '\r') return i;
    return to;
  }

  @Test
  void findsTheFirstLineBreakFromEveryOffsetAsAByteByByteScanDoes() throws IOException {
    byte[] file = new GZIPInputStream(Files.newInputStream(WEB_200)).readAllBytes();
    // a window with lines of every length, and \r\n and lone \r mixed in
    byte[] b = new String(file, 0, 200_000, java.nio.charset.StandardCharsets.ISO_8859_1).replace("}\n{\"id\":\"a", "}\r\n{\"id\":\"a")
        .replace("}\n{\"id\":\"b", "}\r{\"id\":\"b").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int from = 0; from < b.length; from += 7) {
      int to = Math.min(b.length, from + 1 + (from % 4099));
      assertThat(ByteLines.lineBreak(b, from, to)).isEqualTo(naive(b, from, to));
    }
  }

  @Test
  void splitsARealFileIntoTheLinesAReaderGives() throws IOException {
    byte[] file = new GZIPInputStream(Files.newInputStream(WEB_200)).readAllBytes();
    String[] expected = new String(file, java.nio.charset.StandardCharsets.UTF_8).split("\r\n|\r|\n");
    int n = 0;
    try (ByteLines lines = new ByteLines(new ByteArrayInputStream(file))) {
      while (lines.next()) {
        assertThat(new String(lines.buffer(), lines.start(), lines.end() - lines.start(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(expected[n++]);
      }
    }
    assertThat(n).isEqualTo(expected.length);
  }
}
