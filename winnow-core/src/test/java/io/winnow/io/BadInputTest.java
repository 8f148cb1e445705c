package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import io.winnow.io.Rejection.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input is rejected with its location and reason, and the good records around it survive. */
class BadInputTest {
  @TempDir Path dir;

  private static final String GOOD1 = "{\"id\":\"a\",\"text\":\"first good\"}\n";
  private static final String GOOD2 = "{\"id\":\"b\",\"text\":\"second good\"}\n";

  private List<ReadResult> readAll(Path file) {
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, "jsonl", "id", "text", new ReaderLimits(1 << 20), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private static List<String> ids(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.document() != null).map(r -> r.document().id()).toList();
  }

  private static List<Rejection> rejections(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.rejection() != null).map(ReadResult::rejection).toList();
  }

  @Test
  void malformedJsonLineIsRejectedWithItsLine() throws IOException {
    Path p = write("m.jsonl", (GOOD1 + "{\"id\":\"x\",\"text\":\"unterminated}\n" + GOOD2).getBytes(StandardCharsets.UTF_8));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).containsExactly("a", "b");
    Rejection r = rejections(rs).get(0);
    assertThat(r.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(r.location()).isEqualTo(p + ":2");
    assertThat(r.message()).startsWith(p + ":2: input.malformed_json:");
  }

  @Test
  void trailingGarbageAndNonObjectsAreMalformed() throws IOException {
    Path p = write("g.jsonl", (GOOD1 + "{\"id\":\"x\",\"text\":\"t\"} extra\n[1,2]\n" + GOOD2).getBytes(StandardCharsets.UTF_8));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).containsExactly("a", "b");
    assertThat(rejections(rs)).extracting(Rejection::reason).containsExactly(Reason.MALFORMED_JSON, Reason.MALFORMED_JSON);
  }

  @Test
  void recordWithoutTextNamesTheFieldsPresent() throws IOException {
    Path p = write("t.jsonl", (GOOD1 + "{\"id\":\"c\",\"content\":\"x\"}\n{\"id\":\"d\",\"text\":42}\n" + GOOD2).getBytes(StandardCharsets.UTF_8));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).containsExactly("a", "b");
    List<Rejection> rej = rejections(rs);
    assertThat(rej).extracting(Rejection::reason).containsExactly(Reason.MISSING_TEXT, Reason.MISSING_TEXT);
    assertThat(rej.get(0).id()).isEqualTo("c");
    assertThat(rej.get(0).detail()).contains("no 'text' field").contains("content");
    assertThat(rej.get(1).detail()).contains("not a string");
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(GOOD1.getBytes(StandardCharsets.UTF_8));
    b.write("{\"id\":\"bad\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // a lead byte followed by a non-continuation byte
    b.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    b.write(GOOD2.getBytes(StandardCharsets.UTF_8));
    List<ReadResult> rs = readAll(write("u.jsonl", b.toByteArray()));
    assertThat(ids(rs)).containsExactly("a", "b");
    assertThat(rejections(rs)).extracting(Rejection::reason).containsExactly(Reason.INVALID_UTF8);
    assertThat(rejections(rs).get(0).location()).endsWith(":2");
  }

  @Test
  void truncatedGzipKeepsWhatCameBeforeAndSaysWhere() throws IOException {
    byte[] whole = compress(manyLines(2000), "gz");
    Path p = write("t.jsonl.gz", Arrays.copyOf(whole, whole.length / 2));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs).size()).isBetween(1, 1999);
    List<Rejection> rej = rejections(rs);
    assertThat(rej).hasSize(1);
    assertThat(rej.get(0).reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(rej.get(0).location()).startsWith(p + ":");
  }

  @Test
  void truncatedZstdKeepsWhatCameBefore() throws IOException {
    // large enough for several zstd blocks, so the first half decodes to whole records
    byte[] whole = compress(manyLines(40000), "zst");
    Path p = write("t.jsonl.zst", Arrays.copyOf(whole, whole.length / 2));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs).size()).isBetween(1, 39999);
    assertThat(rejections(rs)).extracting(Rejection::reason).containsExactly(Reason.TRUNCATED);
  }

  @Test
  void gzipCutInsideItsHeaderIsTruncated() throws IOException {
    byte[] whole = compress(manyLines(10), "gz");
    List<ReadResult> rs = readAll(write("h.jsonl.gz", Arrays.copyOf(whole, 5)));
    assertThat(rejections(rs)).extracting(Rejection::reason).containsExactly(Reason.TRUNCATED);
  }

  @Test
  void emptyFilesAreRejectedAsEmpty() throws IOException {
    assertThat(rejections(readAll(write("e.jsonl", new byte[0])))).extracting(Rejection::reason).containsExactly(Reason.EMPTY_FILE);
    assertThat(rejections(readAll(write("e.jsonl.gz", compress("", "gz"))))).extracting(Rejection::reason).containsExactly(Reason.EMPTY_FILE);
  }

  @Test
  void blankLinesAreNotRecords() throws IOException {
    List<ReadResult> rs = readAll(write("b.jsonl", ("\n" + GOOD1 + "  \r\n\n" + GOOD2).getBytes(StandardCharsets.UTF_8)));
    assertThat(ids(rs)).containsExactly("a", "b");
    assertThat(rejections(rs)).isEmpty();
  }

  @Test
  void hundredMegabyteDocumentIsSkippedUnreadAndTheNextRecordSurvives() throws IOException {
    Path p = dir.resolve("big.jsonl");
    try (OutputStream out = Files.newOutputStream(p)) {
      out.write(GOOD1.getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"huge\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] block = "lorem ipsum dolor sit amet ".repeat(4000).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 100L << 20; written += block.length) out.write(block);
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(GOOD2.getBytes(StandardCharsets.UTF_8));
    }
    List<ReadResult> rs = readAll(p); // limit here is 1 MiB
    assertThat(ids(rs)).containsExactly("a", "b");
    Rejection r = rejections(rs).get(0);
    assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(r.location()).isEqualTo(p + ":2");
    assertThat(r.detail()).contains("exceeds max_document_bytes");
  }

  @Test
  void missingIdFallsBackToFileAndLine() throws IOException {
    Path p = write("n.jsonl", "{\"text\":\"no id here\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ids(readAll(p))).containsExactly(p + ":1");
  }

  private static String manyLines(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append("{\"id\":\"d").append(i).append("\",\"text\":\"document number ").append(i).append(" with some words\"}\n");
    return sb.toString();
  }

  private static byte[] compress(String s, String kind) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = kind.equals("gz") ? new GZIPOutputStream(b) : new ZstdOutputStream(b)) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }
}
