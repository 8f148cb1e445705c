package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WetReaderTest {
  @TempDir Path dir;

  private static List<ReadResult> readAll(Path file) throws IOException {
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, "wet", "id", "text", ReaderLimits.defaults(), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    }
    return out;
  }

  @Test
  void readsConversionRecordsWithIdUrlAndDate() throws IOException {
    List<ReadResult> rs = readAll(Fixtures.path("whirlwind.warc.wet.gz"));
    assertThat(rs).allMatch(r -> r.document() != null);
    Document d = rs.get(0).document();
    assertThat(d.id()).startsWith("urn:uuid:");
    assertThat(d.metadata().get("url").toString()).startsWith("http");
    assertThat(d.metadata()).containsKey("date");
    assertThat(d.text()).isNotBlank();
    assertThat(d.provenance().location()).contains("@");
  }

  @Test
  void truncatedArchiveEndsWithOneRejection() throws IOException {
    byte[] whole = Files.readAllBytes(Fixtures.path("whirlwind.warc.wet.gz"));
    Path cut = dir.resolve("cut.warc.wet.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length - 400));
    List<ReadResult> rs = readAll(cut);
    assertThat(rs.stream().filter(r -> r.rejection() != null)).hasSize(1);
  }

  @Test
  void sharedWetFileReads() throws IOException {
    Path p = SharedData.require("data/web/warc/whirlwind.warc.wet.gz");
    assertThat(readAll(p)).isNotEmpty().allMatch(r -> r.document() != null);
  }
}
