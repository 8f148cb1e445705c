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
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Compression is found by magic bytes, and damaged compressed data is reported after every readable record. */
class CompressionTest {
  @TempDir Path dir;

  private List<ReadResult> readAll(Path file) throws IOException {
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, "jsonl", "id", "text", new ReaderLimits(1 << 20), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    }
    return out;
  }

  private static List<String> ids(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.document() != null).map(r -> r.document().id()).toList();
  }

  private static List<Rejection> rejections(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.rejection() != null).map(ReadResult::rejection).toList();
  }

  private static String lines(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) sb.append("{\"id\":\"d").append(i).append("\",\"text\":\"document ").append(i).append("\"}\n");
    return sb.toString();
  }

  private static byte[] compress(Compression c, String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = c.compress(b)) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) b.writeBytes(p);
    return b.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void compressionIsDetectedByMagicWhateverTheName(Compression c) throws IOException {
    Path p = dir.resolve("misnamed.jsonl"); // no extension says it is compressed
    Files.write(p, compress(c, lines(0, 50)));
    List<ReadResult> rs = readAll(p);
    assertThat(rejections(rs)).isEmpty();
    assertThat(ids(rs)).hasSize(50).startsWith("d0").endsWith("d49");
  }

  @Test
  void concatenatedGzipMembersAreAllRead() throws IOException {
    Path p = dir.resolve("multi.jsonl.gz");
    Files.write(p, concat(compress(Compression.GZIP, lines(0, 10)), compress(Compression.GZIP, lines(10, 20))));
    assertThat(ids(readAll(p))).hasSize(20);
  }

  /** The JDK's GZIPInputStream ends silently here: the third member's records vanished without a rejection. */
  @Test
  void damagedSecondMemberHeaderIsReportedAfterTheFirstMembersRecords() throws IOException {
    byte[] first = compress(Compression.GZIP, lines(0, 10));
    byte[] second = compress(Compression.GZIP, lines(10, 20));
    second[0] = 0x42; // the second member's magic is broken
    Path p = dir.resolve("bad-member.jsonl.gz");
    Files.write(p, concat(first, second, compress(Compression.GZIP, lines(20, 30))));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).hasSize(10).endsWith("d9");
    assertThat(rs.get(rs.size() - 1).rejection()).isNotNull(); // the rejection comes after every readable record
    List<Rejection> rej = rejections(rs);
    assertThat(rej).hasSize(1);
    assertThat(rej.get(0).reason()).isEqualTo(Reason.CORRUPT);
    assertThat(rej.get(0).location()).startsWith(p.toString());
    assertThat(rej.get(0).detail()).contains("rest of file unreadable from byte " + first.length);
  }

  @Test
  void garbageAfterTheLastGzipMemberIsReported() throws IOException {
    byte[] gz = compress(Compression.GZIP, lines(0, 5));
    Path p = dir.resolve("tail.jsonl.gz");
    Files.write(p, concat(gz, "trailing junk".getBytes(StandardCharsets.US_ASCII)));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).hasSize(5);
    assertThat(rejections(rs)).singleElement().satisfies(r ->
        assertThat(r.detail()).contains("from byte " + gz.length));
  }

  @Test
  void zeroPaddingAfterTheLastGzipMemberIsNotData() throws IOException {
    Path p = dir.resolve("padded.jsonl.gz");
    Files.write(p, concat(compress(Compression.GZIP, lines(0, 5)), new byte[512]));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).hasSize(5);
    assertThat(rejections(rs)).isEmpty();
  }

  @Test
  void badGzipCrcIsReported() throws IOException {
    byte[] gz = compress(Compression.GZIP, lines(0, 5));
    gz[gz.length - 6] ^= 0x55; // inside the CRC32 of the trailer
    Path p = dir.resolve("crc.jsonl.gz");
    Files.write(p, gz);
    assertThat(rejections(readAll(p))).singleElement().satisfies(r -> assertThat(r.detail()).contains("CRC"));
  }

  @Test
  void zstdFrameFollowedByGarbageKeepsItsRecordsAndNamesTheOffset() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new ZstdOutputStream(b)) {
      out.write(lines(0, 200).getBytes(StandardCharsets.UTF_8));
    }
    byte[] frame = b.toByteArray();
    Path p = dir.resolve("tail.jsonl.zst");
    Files.write(p, concat(frame, "\u0001\u0002 not a zstd frame at all".getBytes(StandardCharsets.US_ASCII)));
    List<ReadResult> rs = readAll(p);
    assertThat(ids(rs)).hasSize(200);
    assertThat(rs.get(rs.size() - 1).rejection()).isNotNull();
    assertThat(rejections(rs)).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(Reason.CORRUPT);
      assertThat(r.detail()).contains("rest of file unreadable from byte " + frame.length);
    });
  }

  @Test
  void gzipWithoutJsonlExtensionWasOnceReadAsMalformedText() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(b)) {
      out.write(lines(0, 30).getBytes(StandardCharsets.UTF_8));
    }
    Path p = dir.resolve("data.jsonl");
    Files.write(p, b.toByteArray());
    List<ReadResult> rs = readAll(p);
    assertThat(rejections(rs)).isEmpty();
    assertThat(ids(rs)).hasSize(30);
  }

  @Test
  void truncatedBzip2IsReportedAsTruncated() throws IOException {
    byte[] bz = compress(Compression.BZIP2, lines(0, 2000));
    Path p = dir.resolve("cut.jsonl.bz2");
    Files.write(p, java.util.Arrays.copyOf(bz, bz.length - 20));
    List<ReadResult> rs = readAll(p);
    assertThat(rejections(rs)).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(Reason.TRUNCATED);
      assertThat(r.detail()).contains("from byte");
    });
  }
}
