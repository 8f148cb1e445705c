package io.winnow.step.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShortTextPriorTest {
  @Test
  void countsLettersOfEveryScriptAndStopsAtTheFloor() {
    assertThat(ShortTextPrior.letters("Hello, world 42!", 100)).isEqualTo(10);
    assertThat(ShortTextPrior.letters("東京は日本の首都です。", 100)).isEqualTo(10);
    assertThat(ShortTextPrior.letters("Ärger über Öl", 100)).isEqualTo(11);
    assertThat(ShortTextPrior.letters("𝒜𝒷𝒸 1", 100)).as("letters outside the BMP count once").isEqualTo(3);
    assertThat(ShortTextPrior.letters("a".repeat(1000), 300)).isEqualTo(300);
  }

  @Test
  void lowersTheMarginBelowTheFloorOnly() {
    ShortTextPrior p = new ShortTextPrior(300, 4);
    assertThat(p.marginShift("x".repeat(300))).isZero();
    assertThat(p.marginShift("x".repeat(5000))).isZero();
    assertThat(p.marginShift("x".repeat(150))).isCloseTo(-4 * Math.log(2), within(1e-12));
    assertThat(p.marginShift("")).isCloseTo(-4 * Math.log(300), within(1e-12));
    assertThat(p.marginShift("x".repeat(100))).isLessThan(p.marginShift("x".repeat(200)));
    assertThat(ShortTextPrior.NONE.marginShift("")).isZero();
    assertThat(new ShortTextPrior(300, 0).active()).isFalse();
  }

  @Test
  void rejectsValuesOutOfRange() {
    assertThatThrownBy(() -> new ShortTextPrior(-1, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min letters");
    assertThatThrownBy(() -> new ShortTextPrior(300, Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("penalty");
  }
}
