package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Document;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes the JSONL writer puts in its files: one record a line, files rolled exactly at the limit, levels. */
class JsonlWriterTest {
  @TempDir Path dir;

  private static Document doc(int i) {
    Document d = Document.of("d" + i, "text " + i);
    d.metadata().put("n", i);
    return d;
  }

  /** The line {@code doc(i)} is written as, '\n' included. */
  private static String line(int i) {
    return "{\"id\":\"d" + i + "\",\"text\":\"text " + i + "\",\"n\":" + i + "}\n";
  }

  private List<Path> write(JsonlWriter w, int count) throws IOException {
    try (w) {
      for (int i = 0; i < count; i++) w.write(doc(i));
      return w.commit();
    }
  }

  @Test
  void everyLineIsOneRecordStartingWithABrace() throws IOException {
    List<Path> files = write(new JsonlWriter(dir, "out", Compression.NONE, Long.MAX_VALUE, "id", "text"), 3);
    assertThat(files).hasSize(1);
    byte[] bytes = Files.readAllBytes(files.get(0));
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(line(0) + line(1) + line(2));
  }

  @Test
  void compressedFilesHoldTheSameBytes() throws IOException {
    for (Compression c : List.of(Compression.ZSTD, Compression.GZIP)) {
      List<Path> files = write(new JsonlWriter(dir, "out-" + c, c, Long.MAX_VALUE, "id", "text"), 2);
      try (InputStream in = Compression.open(Files.newInputStream(files.get(0)))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(line(0) + line(1));
      }
    }
  }

  @Test
  void aFileRollsWithTheRecordThatReachesTheLimitNotBefore() throws IOException {
    // records 0..9 are one line each of the same length
    int len = line(0).getBytes(StandardCharsets.UTF_8).length;
    assertThat(line(9)).hasSize(len);
    List<Path> exact = write(new JsonlWriter(dir, "exact", Compression.NONE, 3L * len, "id", "text"), 7);
    assertThat(exact).extracting(f -> size(f)).containsExactly(3L * len, 3L * len, (long) len);
    // one byte over three records: the fourth record is the one that reaches it
    List<Path> over = write(new JsonlWriter(dir, "over", Compression.NONE, 3L * len + 1, "id", "text"), 7);
    assertThat(over).extracting(f -> size(f)).containsExactly(4L * len, 3L * len);
    // the limit counts uncompressed bytes, whatever the compressor holds back
    List<Path> zstd = write(new JsonlWriter(dir, "zstd", Compression.ZSTD, 3L * len, "id", "text"), 7);
    assertThat(zstd).hasSize(3);
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theLevelChangesTheCompressedBytesNotTheRecords() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) text.append("word").append(i % 97).append(' ');
    byte[] plain = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] fast = compress(new OutputCompression(Compression.ZSTD, -5), plain);
    byte[] strong = compress(new OutputCompression(Compression.ZSTD, 19), plain);
    assertThat(fast.length).isGreaterThan(strong.length);
    for (byte[] c : List.of(fast, strong)) {
      try (InputStream in = Compression.open(new java.io.ByteArrayInputStream(c))) {
        assertThat(in.readAllBytes()).isEqualTo(plain);
      }
    }
  }

  @Test
  void gzipAtItsDefaultLevelIsTheJdkStreamsBytes() throws IOException {
    byte[] plain = line(1).repeat(500).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(jdk, 1 << 16)) {
      out.write(plain);
    }
    assertThat(compress(OutputCompression.of(Compression.GZIP), plain)).isEqualTo(jdk.toByteArray());
  }

  @Test
  void aLevelTheCodecLacksIsRefused() {
    assertThatThrownBy(() -> new OutputCompression(Compression.ZSTD, 23)).hasMessageContaining("zstd levels are -7 to 22, got 23");
    assertThatThrownBy(() -> new OutputCompression(Compression.GZIP, 0)).hasMessageContaining("gzip levels are 1 to 9");
  }

  private static byte[] compress(OutputCompression c, byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = c.compress(b)) {
      out.write(plain);
    }
    return b.toByteArray();
  }
}
