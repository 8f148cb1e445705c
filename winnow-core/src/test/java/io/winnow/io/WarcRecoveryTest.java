package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import io.winnow.io.Rejection.Reason;
import io.winnow.testing.SharedData;
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

/**
 * One bad record in a WARC or ARC file costs that record only: it is rejected with its offset and the records
 * after it are read. The archives are built here, record by record.
 */
class WarcRecoveryTest {
  @TempDir Path dir;

  // ---- building archives ----

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) b.writeBytes(p);
    return b.toByteArray();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(b)) {
      out.write(data);
    }
    return b.toByteArray();
  }

  /** A WARC record; null headers are left out, so a record can lack its id or date. */
  static byte[] record(String type, String id, String date, String contentType, byte[] block, long contentLength) {
    StringBuilder h = new StringBuilder("WARC/1.0\r\nWARC-Type: ").append(type).append("\r\n");
    if (id != null) h.append("WARC-Record-ID: <urn:uuid:").append(id).append(">\r\n");
    if (date != null) h.append("WARC-Date: ").append(date).append("\r\n");
    h.append("WARC-Target-URI: http://example.com/").append(id).append("\r\n");
    h.append("Content-Type: ").append(contentType).append("\r\n");
    h.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
    return concat(ascii(h.toString()), block, ascii("\r\n\r\n"));
  }

  static byte[] response(String id, String httpHeaders, byte[] body) {
    byte[] http = concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + httpHeaders
        + "Content-Length: " + body.length + "\r\n\r\n"), body);
    return record("response", id, "2024-01-01T00:00:00Z", "application/http; msgtype=response", http, http.length);
  }

  static byte[] page(String id) {
    return response(id, "", ascii("<html><body><p>page " + id + "</p></body></html>"));
  }

  static String uuid(int n) {
    return String.format("00000000-0000-0000-0000-%012d", n);
  }

  // ---- reading ----

  private List<ReadResult> read(String name, byte[] content, ReaderLimits limits) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(p, "warc", "id", "text", limits, n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    }
    return out;
  }

  private List<ReadResult> read(String name, byte[] content) throws IOException {
    return read(name, content, ReaderLimits.defaults());
  }

  private static List<String> pages(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.document() != null).map(r -> r.document().text().replaceAll(".*page ([^<]*)<.*", "$1")).toList();
  }

  private static List<Rejection> rejections(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.rejection() != null).map(ReadResult::rejection).toList();
  }

  private Rejection onlyRejection(List<ReadResult> rs) {
    List<Rejection> rej = rejections(rs);
    assertThat(rej).hasSize(1);
    return rej.get(0);
  }

  private String at(String name, long offset) {
    return dir.resolve(name) + "@" + offset;
  }

  // ---- one bad record, the rest read ----

  @Test
  void unsupportedContentEncodingsAreRejectedAndReadingGoesOn() throws IOException {
    for (String encoding : List.of("br", "compress", "x-unknown", "deflate")) {
      byte[] a = page(uuid(1));
      byte[] bad = response(uuid(2), "Content-Encoding: " + encoding + "\r\n", ascii("\u00ff\u00fe not encoded at all"));
      List<ReadResult> rs = read("enc.warc", concat(a, bad, page(uuid(3))));
      assertThat(pages(rs)).as(encoding).containsExactly(uuid(1), uuid(3));
      Rejection r = onlyRejection(rs);
      assertThat(r.reason()).isEqualTo(Reason.CORRUPT);
      assertThat(r.location()).isEqualTo(at("enc.warc", a.length));
    }
  }

  @Test
  void recordsWithoutIdOrDateAreRejectedAndReadingGoesOn() throws IOException {
    byte[] a = page(uuid(1));
    byte[] html = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page x</p>");
    byte[] noId = record("response", null, "2024-01-01T00:00:00Z", "application/http; msgtype=response", html, html.length);
    byte[] noDate = record("response", uuid(9), null, "application/http; msgtype=response", html, html.length);
    List<ReadResult> rs = read("ids.warc", concat(a, noId, noDate, page(uuid(3))));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(3));
    List<Rejection> rej = rejections(rs);
    assertThat(rej).extracting(Rejection::location).containsExactly(at("ids.warc", a.length), at("ids.warc", a.length + noId.length));
    assertThat(rej.get(0).detail()).contains("WARC-Record-ID");
    assertThat(rej.get(1).detail()).contains("WARC-Date");
  }

  @Test
  void contentLengthTooLongOrTooShortCostsOnlyThatRecord() throws IOException {
    byte[] html = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page bad</p>");
    for (int delta : new int[] {-7, +40, +100000}) {
      byte[] a = page(uuid(1));
      byte[] bad = record("response", uuid(2), "2024-01-01T00:00:00Z", "application/http; msgtype=response", html, html.length + delta);
      List<ReadResult> rs = read("len.warc", concat(a, bad, page(uuid(3)), page(uuid(4))));
      assertThat(pages(rs)).as("delta " + delta).containsExactly(uuid(1), uuid(3), uuid(4));
      Rejection r = onlyRejection(rs);
      assertThat(r.location()).isEqualTo(at("len.warc", a.length));
      assertThat(r.detail()).contains("Content-Length");
    }
  }

  @Test
  void garbageBetweenRecordsIsOneRejectionNamingItsBytes() throws IOException {
    byte[] a = page(uuid(1));
    byte[] junk = ascii("this is not a record\nnor is WARC/ this\n\u0000\u0001\u0002");
    byte[] b = page(uuid(2));
    List<ReadResult> rs = read("junk.warc", concat(a, junk, b));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(2));
    Rejection r = onlyRejection(rs);
    assertThat(r.location()).isEqualTo(at("junk.warc", a.length));
    assertThat(r.detail()).contains("bytes " + a.length + " to " + (a.length + junk.length));
  }

  @Test
  void garbageToTheEndIsRestOfFileUnreadable() throws IOException {
    byte[] a = page(uuid(1));
    List<ReadResult> rs = read("tail.warc", concat(a, ascii("garbage without end ".repeat(500))));
    assertThat(pages(rs)).containsExactly(uuid(1));
    assertThat(onlyRejection(rs).detail()).startsWith("rest of file unreadable from byte " + a.length);
  }

  @Test
  void archiveCutInsideARecordIsTruncated() throws IOException {
    byte[] a = page(uuid(1));
    byte[] b = page(uuid(2));
    List<ReadResult> rs = read("cut.warc", concat(a, Arrays.copyOf(b, b.length - 30)));
    assertThat(pages(rs)).containsExactly(uuid(1));
    Rejection r = onlyRejection(rs);
    assertThat(r.reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(r.detail()).startsWith("rest of file unreadable from byte " + a.length);
  }

  // ---- gzip: each record its own member ----

  @Test
  void truncatedGzipMemberCostsOnlyItsRecord() throws IOException {
    byte[] m1 = gzip(page(uuid(1)));
    byte[] m2 = gzip(page(uuid(2)));
    byte[] m3 = gzip(page(uuid(3)));
    byte[] cut = Arrays.copyOf(m2, m2.length / 2);
    List<ReadResult> rs = read("cut.warc.gz", concat(m1, cut, m3));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(3));
    Rejection r = onlyRejection(rs);
    assertThat(r.location()).isEqualTo(at("cut.warc.gz", m1.length));
    assertThat(r.detail()).contains("bytes " + m1.length + " to " + (m1.length + cut.length));
  }

  @Test
  void damagedMemberHeaderCostsOnlyItsRecord() throws IOException {
    byte[] m1 = gzip(page(uuid(1)));
    byte[] m2 = gzip(page(uuid(2)));
    byte[] m3 = gzip(page(uuid(3)));
    m2[0] = 0x42;
    List<ReadResult> rs = read("hdr.warc.gz", concat(m1, m2, m3));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(3));
    assertThat(onlyRejection(rs).location()).isEqualTo(at("hdr.warc.gz", m1.length));
  }

  @Test
  void garbageBetweenGzipMembersIsSkipped() throws IOException {
    byte[] m1 = gzip(page(uuid(1)));
    byte[] junk = ascii("junk between members");
    List<ReadResult> rs = read("gap.warc.gz", concat(m1, junk, gzip(page(uuid(2)))));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(2));
    assertThat(onlyRejection(rs).location()).isEqualTo(at("gap.warc.gz", m1.length));
  }

  @Test
  void damagedLastMemberIsRestOfFileUnreadableAfterTheGoodRecords() throws IOException {
    byte[] m1 = gzip(page(uuid(1)));
    byte[] m2 = gzip(page(uuid(2)));
    m2[m2.length - 5] ^= 0x33; // the CRC no longer matches
    List<ReadResult> rs = read("crc.warc.gz", concat(m1, m2));
    assertThat(pages(rs)).containsExactly(uuid(1));
    assertThat(rs.get(rs.size() - 1).rejection().detail()).startsWith("rest of file unreadable from byte " + m1.length);
  }

  @Test
  void tooLargeRecordIsSkippedUnreadAndCounted() throws IOException {
    byte[] big = response(uuid(2), "", ascii("<p>" + "x".repeat(3 << 20) + "</p>"));
    List<ReadResult> rs = read("big.warc.gz", concat(gzip(page(uuid(1))), gzip(big), gzip(page(uuid(3)))), new ReaderLimits(1000));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(3));
    assertThat(onlyRejection(rs).reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void zstdWarcWithAFrameARecordIsReadAndGarbageAfterItReported() throws IOException {
    byte[] f1 = zstd(page(uuid(1)));
    byte[] f2 = zstd(page(uuid(2)));
    List<ReadResult> rs = read("z.warc.zst", concat(f1, f2, ascii("not a frame")));
    assertThat(pages(rs)).containsExactly(uuid(1), uuid(2));
    assertThat(onlyRejection(rs).detail()).startsWith("rest of file unreadable from byte " + (f1.length + f2.length));
  }

  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = new com.github.luben.zstd.ZstdOutputStream(b)) {
      out.write(data);
    }
    return b.toByteArray();
  }

  // ---- resource records and ARC ----

  @Test
  void htmlResourceRecordsAreDocuments() throws IOException {
    byte[] html = ascii("<html><body><p>page res</p></body></html>");
    byte[] res = record("resource", uuid(5), "2024-01-01T00:00:00Z", "text/html; charset=utf-8", html, html.length);
    byte[] log = record("resource", uuid(6), "2024-01-01T00:00:00Z", "text/plain", ascii("a log"), 5);
    List<ReadResult> rs = read("res.warc", concat(res, log));
    assertThat(rejections(rs)).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.NOT_HTML));
    Document d = rs.get(0).document();
    assertThat(d.id()).isEqualTo("urn:uuid:" + uuid(5));
    assertThat(d.text()).contains("page res");
    assertThat(d.metadata()).containsEntry("content_type", "text/html").containsEntry("charset", "UTF-8")
        .containsEntry("url", "http://example.com/" + uuid(5));
  }

  static byte[] arcFile(String url) {
    String desc = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
    byte[] http = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>page " + url + "</p></html>\n");
    return concat(ascii("filedesc://test.arc 127.0.0.1 20140216050221 text/plain " + desc.length() + "\n" + desc + "\n"),
        ascii(url + " 93.184.216.119 20140216050221 text/html " + http.length + "\n"), http, ascii("\n"));
  }

  @Test
  void arcRecordsAreReadLikeResponses() throws IOException {
    List<ReadResult> rs = read("t.arc", arcFile("http://example.com/a"));
    assertThat(rejections(rs)).isEmpty();
    Document d = rs.get(0).document();
    assertThat(d.text()).contains("page http://example.com/a");
    assertThat(d.metadata()).containsEntry("url", "http://example.com/a").containsEntry("date", "2014-02-16T05:02:21Z");
    assertThat(d.id()).startsWith(dir.resolve("t.arc") + "@");
  }

  @Test
  void concatenatedGzippedArcFilesAreAllRead() throws IOException {
    byte[] one = gzip(arcFile("http://example.com/a"));
    List<ReadResult> rs = read("three.arc.gz", concat(one, one, one));
    assertThat(rejections(rs)).isEmpty();
    assertThat(rs).hasSize(3).allMatch(r -> r.document() != null);
    assertThat(rs).extracting(r -> r.document().id()).doesNotHaveDuplicates();
  }

  /** Three copies of the shared example.arc.gz read as "1 record, 1 rejected" before ARC was read. */
  @Test
  void sharedArcCopiesAreAllRead() throws IOException {
    byte[] arc = Files.readAllBytes(SharedData.require("data/web/warc/edge-cases/example.arc.gz"));
    List<ReadResult> rs = read("example3.arc.gz", concat(arc, arc, arc));
    assertThat(rejections(rs)).isEmpty();
    assertThat(rs).hasSize(3).allMatch(r -> r.document() != null && r.document().text().contains("Example Domain"));
  }
}
