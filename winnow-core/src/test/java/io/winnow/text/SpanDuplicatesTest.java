package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpanDuplicatesTest {
  /** The reference walk: a set of seen strings. */
  private static long[] reference(String text, int[] starts, int[] ends, int n) {
    Set<String> seen = new HashSet<>();
    long count = 0;
    long chars = 0;
    for (int i = 0; i < n; i++) {
      String s = text.substring(starts[i], ends[i]);
      if (!seen.add(s)) {
        count++;
        chars += s.codePointCount(0, s.length());
      }
    }
    return new long[] {count, chars};
  }

  @Test
  void countsWhatASetOfStringsCounts() {
    Random r = new Random(3);
    String[] pieces = {"a", "b", "Aa", "BB", "😀", "é", "\n"};
    SpanDuplicates d = new SpanDuplicates();
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(60); i > 0; i--) sb.append(pieces[r.nextInt(pieces.length)]);
      String text = sb.toString();
      IntBuffer starts = new IntBuffer();
      IntBuffer ends = new IntBuffer();
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == '\n') {
          starts.add(start);
          ends.add(i);
          start = i + 1;
        }
      }
      assertThat(d.count(text, starts.array(), ends.array(), starts.size()))
          .isEqualTo(reference(text, starts.array(), ends.array(), starts.size()));
    }
  }

  /** Lines built of "Aa" and "BB" share String.hashCode: with a 32-bit hash the walk compared them all. */
  @Test
  void collidingStringHashesStayLinear() {
    StringBuilder sb = new StringBuilder();
    IntBuffer starts = new IntBuffer();
    IntBuffer ends = new IntBuffer();
    for (int i = 0; i < 1 << 16; i++) {
      starts.add(sb.length());
      for (int bit = 15; bit >= 0; bit--) sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      ends.add(sb.length());
      sb.append('\n');
    }
    String text = sb.toString();
    long[] r = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> new SpanDuplicates().count(text, starts.array(), ends.array(), starts.size()));
    assertThat(r).containsExactly(0, 0);
  }
}
