package io.winnow.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StreamingHistogramTest {
  @Test
  void countsEveryValueOnceWhileTheRangeWidens() {
    StreamingHistogram h = new StreamingHistogram(40);
    SplittableRandom r = new SplittableRandom(7);
    int n = 50_000;
    double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      // the first values are narrow, later ones far outside their range, both below and above
      double v = i < 2000 ? r.nextDouble() : (r.nextDouble() - 0.5) * 1e6;
      min = Math.min(min, v);
      max = Math.max(max, v);
      h.add(v);
    }
    StreamingHistogram.Snapshot s = h.snapshot();
    assertThat(LongStream.of(s.counts()).sum()).isEqualTo(n);
    assertThat(s.count()).isEqualTo(n);
    assertThat(s.counts().length).isLessThanOrEqualTo(40);
    assertThat(s.lo()).isLessThanOrEqualTo(min);
    assertThat(s.lo() + s.counts().length * s.width()).isGreaterThan(max);
  }

  @Test
  void eachValueFallsInTheBinThatCoversIt() {
    StreamingHistogram h = new StreamingHistogram(10);
    for (int i = 0; i < 100; i++) h.add(i);
    StreamingHistogram.Snapshot s = h.snapshot();
    for (int b = 0; b < s.counts().length; b++) {
      double lo = s.lo() + b * s.width();
      long expected = LongStream.range(0, 100).filter(v -> v >= lo && v < lo + s.width()).count();
      assertThat(s.counts()[b]).as("bin %d", b).isEqualTo(expected);
    }
  }

  @Test
  void nonFiniteValuesAreLeftOutAndAnEmptyHistogramHasNoBins() {
    StreamingHistogram h = new StreamingHistogram(10);
    assertThat(h.snapshot().counts()).isEmpty();
    h.add(Double.NaN);
    h.add(Double.POSITIVE_INFINITY);
    h.add(3);
    assertThat(h.snapshot().count()).isEqualTo(1);
  }

  @Test
  void binWidthsAreRoundNumbers() {
    assertThat(StreamingHistogram.niceWidth(0.013)).isEqualTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(StreamingHistogram.niceWidth(37)).isEqualTo(50.0);
    assertThat(StreamingHistogram.niceWidth(1)).isEqualTo(1.0);
  }
}
