package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongCounterTest {
  @Test
  void countsLikeAMapAcrossResetsOfEverySize() {
    LongCounter c = new LongCounter();
    Random r = new Random(5);
    for (int size : new int[] {10, 5000, 300_000, 20, 0, 1000}) {
      c.reset(size);
      Map<Long, Integer> expected = new HashMap<>();
      for (int i = 0; i < size; i++) {
        long key = r.nextInt(Math.max(1, size / 3)) * 0x100000001L - 7; // repeats, and negative keys
        assertThat(c.increment(key)).isEqualTo(expected.merge(key, 1, Integer::sum));
      }
      for (Map.Entry<Long, Integer> e : expected.entrySet()) assertThat(c.count(e.getKey())).isEqualTo(e.getValue());
      assertThat(c.count(42L << 40)).isZero();
      c.release();
    }
  }

  @Test
  void remembersWhereEachKeyFirstCame() {
    LongCounter c = new LongCounter();
    Random r = new Random(7);
    c.reset(3000);
    Map<Long, Integer> counts = new HashMap<>();
    Map<Long, Integer> firsts = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      long key = r.nextInt(700) * 0x9E3779B97F4A7C15L;
      int position = i;
      long got = c.increment(key, position);
      assertThat((int) (got >>> 32)).isEqualTo(counts.merge(key, 1, Integer::sum));
      assertThat((int) got).isEqualTo(firsts.computeIfAbsent(key, k -> position));
    }
  }
}
