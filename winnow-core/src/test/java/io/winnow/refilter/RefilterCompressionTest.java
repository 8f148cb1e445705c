package io.winnow.refilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.io.Compression;
import io.winnow.pipeline.StepRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refiltered run is compressed as the run it came from was: its codec at its {@code compression_level}. */
class RefilterCompressionTest {
  @TempDir Path tmp;

  @Test
  void refilteredFilesKeepTheRunsCompressionLevel() throws IOException {
    Path annotated = FineWebRuns.run(FineWebRuns.FIXTURE, Map.of(), true, tmp.resolve("annotated"), Map.of("compression_level", 12));
    Path refiltered = tmp.resolve("refiltered");
    new Refilter(annotated, List.of(Refilter.Setting.parse("gopher_quality.min_doc_words=80")), StepRegistry.builtIn()).writeRun(refiltered);

    for (Path f : List.of(only(refiltered.resolve("data")), only(refiltered.resolve("decisions")))) {
      byte[] plain;
      try (InputStream in = Compression.ZSTD.decompress(Files.newInputStream(f))) {
        plain = in.readAllBytes();
      }
      assertThat(plain).as(f.toString()).isNotEmpty();
      // a frame does not name its level; its size does (within a few header bytes of one write at that level)
      long size = Files.size(f);
      assertThat((double) size).as(f + " at level 12").isCloseTo(compress(plain, 12).length, org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(size).as(f + " smaller than at the default level").isLessThan(compress(plain, Compression.ZSTD.defaultLevel()).length * 97L / 100);
    }
  }

  private static Path only(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).as(dir.toString()).hasSize(1);
      return all.get(0);
    }
  }

  private static byte[] compress(byte[] plain, int level) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream out = Compression.ZSTD.compress(b, level)) {
      out.write(plain);
    }
    return b.toByteArray();
  }
}
