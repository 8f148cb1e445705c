package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairSorterTest {
  @TempDir Path dir;

  @Test
  void sortsBeyondItsBufferBySpillingRunsAndMerging() throws IOException {
    Random r = new Random(3);
    List<long[]> expected = new ArrayList<>();
    List<long[]> actual = new ArrayList<>();
    int runs;
    try (PairSorter s = new PairSorter(dir.resolve("sort"), 16 * 1024)) { // 1,024 pairs per run
      for (int i = 0; i < 50_000; i++) {
        long a = r.nextInt(500) - 250;
        long b = r.nextLong();
        s.add(a, b);
        expected.add(new long[] {a, b});
      }
      runs = s.runs();
      s.drain((a, b) -> actual.add(new long[] {a, b}));
    }
    expected.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    assertThat(runs).isGreaterThan(40);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) assertThat(actual.get(i)).containsExactly(expected.get(i));
    try (Stream<Path> left = Files.list(dir.resolve("sort"))) {
      assertThat(left).as("run files are deleted").isEmpty();
    }
  }

  @Test
  void sortsKeysOfEveryMagnitudeAndSignWithTiesBrokenByTheSecond() throws IOException {
    Random r = new Random(5);
    long[] repeated = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 1L << 48, -(1L << 32)};
    List<long[]> expected = new ArrayList<>();
    List<long[]> actual = new ArrayList<>();
    try (PairSorter s = new PairSorter(dir.resolve("wide"), 64L << 20)) {
      for (int i = 0; i < 200_000; i++) {
        long a = i % 5 == 0 ? repeated[r.nextInt(repeated.length)] : r.nextLong() >> r.nextInt(64);
        long b = r.nextLong();
        s.add(a, b);
        expected.add(new long[] {a, b});
      }
      assertThat(s.runs()).isZero();
      s.drain((a, b) -> actual.add(new long[] {a, b}));
    }
    expected.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) assertThat(actual.get(i)).containsExactly(expected.get(i));
  }

  @Test
  void smallInputsNeverTouchTheDisk() throws IOException {
    List<Long> out = new ArrayList<>();
    try (PairSorter s = new PairSorter(dir.resolve("small"), 1 << 20)) {
      s.add(3, 1);
      s.add(1, 2);
      s.add(2, 3);
      assertThat(s.runs()).isZero();
      s.drain((a, b) -> out.add(a));
    }
    assertThat(out).containsExactly(1L, 2L, 3L);
  }
}
