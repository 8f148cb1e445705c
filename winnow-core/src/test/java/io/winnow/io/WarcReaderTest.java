package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WarcReaderTest {
  static List<ReadResult> readAll(Path file) {
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, "warc", "id", "text", ReaderLimits.defaults(), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  @Test
  void readsTheHtmlResponseWithItsUrlDateAndCharset() {
    List<ReadResult> rs = readAll(Fixtures.path("whirlwind.warc.gz"));
    List<Document> docs = rs.stream().filter(r -> r.document() != null).map(ReadResult::document).toList();
    assertThat(docs).hasSize(1);
    Document d = docs.get(0);
    assertThat(d.id()).startsWith("urn:uuid:");
    assertThat(d.metadata()).containsKeys("url", "date", "charset").containsEntry("content_type", "text/html");
    assertThat(d.text()).containsIgnoringCase("<html");
  }

  @Test
  void sharedWarcFilesReadWithNonHtmlCounted() {
    Path dir = SharedData.require("data/web/warc");
    int docs = 0;
    int notHtml = 0;
    for (String name : List.of("sample-0000.warc.gz", "sample-0001.warc.gz")) {
      for (ReadResult r : readAll(dir.resolve(name))) {
        if (r.document() != null) docs++;
        else if (r.rejection().reason() == Rejection.Reason.NOT_HTML) notHtml++;
        else throw new AssertionError(r.rejection().message());
      }
    }
    System.out.printf("shared WARC samples: %d HTML documents, %d non-HTML responses%n", docs, notHtml);
    assertThat(docs).isGreaterThanOrEqualTo(30);
  }

  /** Every edge case is read or rejected with a reason; none throws. */
  @Test
  void edgeCasesAreReadOrRejectedNeverThrown() throws IOException {
    Path dir = SharedData.require("data/web/warc/edge-cases");
    Map<String, String> outcome = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> !p.getFileName().toString().startsWith("LICENSE")).sorted().toList();
    }
    for (Path f : files) {
      List<ReadResult> rs = readAll(f);
      long docs = rs.stream().filter(r -> r.document() != null).count();
      List<String> reasons = rs.stream().filter(r -> r.rejection() != null).map(r -> r.rejection().reason().code()).distinct().toList();
      outcome.put(f.getFileName().toString(), docs + " documents " + reasons);
      assertThat(rs).allSatisfy(r -> {
        if (r.rejection() != null) assertThat(r.rejection().location()).startsWith(f.toString());
      });
    }
    outcome.forEach((k, v) -> System.out.println("  " + k + ": " + v));
  }

  @Test
  void charsetComesFromHeaderThenMetaThenDetection() {
    byte[] latin = "<html><meta charset=\"iso-8859-1\"><p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(HtmlCharset.decode(latin, null).text()).contains("café");
    assertThat(HtmlCharset.decode(latin, null).source()).isEqualTo("meta");
    byte[] utf8 = "<p>caf\u00e9 \u65e5\u672c</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(HtmlCharset.decode(utf8, null).charset()).isEqualTo("UTF-8");
    assertThat(HtmlCharset.decode(utf8, "utf-8").source()).isEqualTo("http");
    byte[] cp1252 = "<p>na\u00efve \u2019quote\u2019</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"));
    assertThat(HtmlCharset.decode(cp1252, "bogus-charset").text()).contains("naïve").contains("\u2019quote\u2019");
  }
}
