package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntArrayTest {
  @TempDir Path dir;

  @Test
  void heapAndMappedArraysBehaveAlikeAndMappedFilesAreRemoved() throws Exception {
    try (IntArray heap = IntArray.allocate(100_000, 1 << 20, dir); IntArray mapped = IntArray.allocate(100_000, 0, dir)) {
      for (int i = 0; i < 100_000; i++) {
        heap.set(i, i * 7);
        mapped.set(i, i * 7);
      }
      for (int i = 0; i < 100_000; i += 997) assertThat(mapped.get(i)).isEqualTo(heap.get(i)).isEqualTo(i * 7);
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.count()).isEqualTo(1);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isZero();
    }
  }
}
