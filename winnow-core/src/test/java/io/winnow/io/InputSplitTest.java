package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split plan passes over eight bytes at a time where none can end a line; it must give the splits and line
 * counts of reading every byte: checked against a byte-at-a-time plan on random files whose line ends
 * ({@code \n}, {@code \r\n}, a lone {@code \r}) and other control bytes fall at every offset in a word, across
 * the scan buffer's edge too.
 */
class InputSplitTest {
  @TempDir Path dir;

  @Test
  void theWordTestFindsEveryByteBelow14InEveryLane() {
    for (int lane = 0; lane < 8; lane++) {
      for (int v = 0; v < 256; v++) {
        for (long fill : new long[] {0x4141414141414141L, 0xFFFFFFFFFFFFFFFFL, 0x0E0E0E0E0E0E0E0EL, 0x8D8D8D8D8D8D8D8DL}) {
          long w = fill & ~(0xFFL << (8 * lane)) | (long) v << (8 * lane);
          boolean expected = v < 14 || below14Anywhere(fill);
          assertThat(InputSplit.hasByteBelow14(w)).as("byte %d in lane %d of %x", v, lane, fill).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void randomFilesSplitAsTheByteAtATimePlan() throws IOException {
    Random random = new Random(20261204);
    byte[] ends = {'\n', '\r', 0x0B, 0x0C, 0x09, 0x00};
    for (int t = 0; t < 60; t++) {
      int size = t < 20 ? random.nextInt(200) : 1 + random.nextInt(3 << 20);
      byte[] b = new byte[size];
      for (int i = 0; i < size; i++) b[i] = (byte) (0x20 + random.nextInt(0xE0)); // text and UTF-8-like high bytes
      int marks = random.nextInt(Math.max(1, size / (t % 3 == 0 ? 4 : 300)));
      for (int m = 0; m < marks; m++) {
        int at = random.nextInt(size);
        b[at] = ends[random.nextInt(ends.length)];
        if (at + 1 < size && random.nextInt(3) == 0) b[at + 1] = '\n';
      }
      Path file = dir.resolve("f" + t + ".jsonl");
      Files.write(file, b);
      long splitBytes = 1 + random.nextInt(Math.max(1, size / (1 + random.nextInt(12))));
      assertThat(InputSplit.plan(file, splitBytes)).as("file %d of %d bytes, splits of %d", t, size, splitBytes)
          .isEqualTo(byteAtATime(b, splitBytes));
    }
  }

  private static boolean below14Anywhere(long w) {
    for (int i = 0; i < 8; i++) if (((w >>> (8 * i)) & 0xFF) < 14) return true;
    return false;
  }

  /** The plan as the documentation states it, one byte at a time. */
  private static List<InputSplit> byteAtATime(byte[] b, long splitBytes) {
    long size = b.length;
    if (splitBytes <= 0 || size <= splitBytes) return List.of(new InputSplit(0, size, 0, true));
    List<InputSplit> out = new ArrayList<>();
    long lines = 0;
    long start = 0;
    long startLine = 0;
    long target = splitBytes;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) lines++;
      if (b[i] != '\n') continue;
      lines++;
      long after = i + 1;
      if (after >= target && after < size) {
        out.add(new InputSplit(start, after, startLine, false));
        start = after;
        startLine = lines;
        target = after + splitBytes;
      }
    }
    if (out.isEmpty()) return List.of(new InputSplit(0, size, 0, true));
    out.add(new InputSplit(start, size, startLine, false));
    return out;
  }
}
