package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSelectionTest {
  @Test
  void theSampleKeepsAboutItsShareAndDependsOnlyOnLocationAndSeed() {
    RecordSelection s = new RecordSelection(0, 0.2, 7, null);
    int kept = 0;
    for (int i = 0; i < 20_000; i++) if (s.keeps("in.jsonl:" + i)) kept++;
    assertThat(kept).isBetween(3_700, 4_300);
    assertThat(s.keeps("in.jsonl:5")).isEqualTo(new RecordSelection(0, 0.2, 7, null).keeps("in.jsonl:5"));
    int same = 0;
    RecordSelection other = new RecordSelection(0, 0.2, 8, null);
    for (int i = 0; i < 1000; i++) if (s.keeps("f:" + i) == other.keeps("f:" + i)) same++;
    assertThat(same).isLessThan(1000);
  }

  @Test
  void aLimitedSelectionNeedsItsPlan() {
    RecordSelection s = new RecordSelection(5, 1, 0, null);
    DocumentReader empty = new DocumentReader() {
      @Override public ReadResult next() { return null; }
      @Override public void close() {}
    };
    assertThatThrownBy(() -> s.wrap(empty, "a")).isInstanceOf(IllegalStateException.class).hasMessageContaining("run.limit");
    assertThatThrownBy(() -> s.withBudgets(Map.of("b", 1L)).wrap(empty, "a")).hasMessageContaining("not one of the planned");
    assertThatThrownBy(() -> new RecordSelection(0, 0, 0, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
