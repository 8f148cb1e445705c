package io.winnow.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReservoirTest {
  @Test
  void keepsKItemsInStreamOrderAndTheSameSeedGivesTheSameSample() {
    Reservoir<Integer> a = new Reservoir<>(5, 1);
    Reservoir<Integer> b = new Reservoir<>(5, 1);
    for (int i = 0; i < 1000; i++) {
      a.offer(i);
      b.offer(i);
    }
    assertThat(a.items()).hasSize(5).isSorted().isEqualTo(b.items());
    assertThat(a.seen()).isEqualTo(1000);
  }

  @Test
  void everyItemIsEquallyLikelyToBeKept() {
    int n = 20, k = 4, trials = 20_000;
    int[] hits = new int[n];
    for (int t = 0; t < trials; t++) {
      Reservoir<Integer> r = new Reservoir<>(k, t);
      for (int i = 0; i < n; i++) r.offer(i);
      for (int i : r.items()) hits[i]++;
    }
    double expected = (double) trials * k / n;
    for (int i = 0; i < n; i++) assertThat(Math.abs(hits[i] - expected)).as("item %d", i).isLessThan(expected * 0.08);
  }

  @Test
  void aShortStreamIsKeptWholeAndLazyItemsAreBuiltOnlyWhenTaken() {
    Reservoir<Integer> r = new Reservoir<>(10, 3);
    int[] built = new int[1];
    for (int i = 0; i < 1000; i++) {
      int v = i;
      r.offer(() -> {
        built[0]++;
        return v;
      });
    }
    assertThat(built[0]).isLessThan(200);
    Reservoir<String> s = new Reservoir<>(10, 3);
    s.offer("a");
    s.offer("b");
    assertThat(s.items()).isEqualTo(List.of("a", "b"));
  }
}
