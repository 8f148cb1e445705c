package io.winnow.refilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast decimal reading of recorded figures gives the double a full parser gives, or leaves the text to it. */
class RecordedMeasuresTest {
  @Test
  void plainDecimalsReadAsTheFullParserReadsThem() {
    SplittableRandom random = new SplittableRandom(16);
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 4) {
        case 0 -> random.nextDouble();                       // ratios, as most figures are
        case 1 -> random.nextInt(1, 5000) / (double) random.nextInt(1, 5000);
        case 2 -> random.nextDouble() * 100;                 // mean word lengths and the like
        default -> -random.nextDouble() * random.nextInt(1, 1_000_000);
      };
      String text = Double.toString(v);
      double got = read(text);
      if (got == got) {
        fast++;
        assertThat(Double.doubleToRawLongBits(got)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
      }
    }
    // doubles whose shortest text has 17 significant digits (about two in five) go to the full parser
    assertThat(fast).as("taken for most ratios").isGreaterThan(100_000);
  }

  @Test
  void edgeCasesAreExactOrLeftToTheFullParser() {
    for (String text : new String[] {"0.0", "-0.0", "1.0", "0.5", "9007199254740992.0", "0.1", "0.30000000000000004",
        "123.456", "-42.125", "0.0000000000000000000001", "1.", "12"}) {
      double got = read(text);
      if (got == got) assertThat(Double.doubleToRawLongBits(got)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    assertThat(Double.doubleToRawLongBits(read("-0.0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    for (String text : new String[] {"1.0E-5", "2.5e3", "9007199254740993.0", "0.12345678901234567", "1.2.3", "-", "-.", "0x1p3",
        "0.00000000000000000000001"})
      assertThat(read(text)).as(text).isNaN();
  }

  private static double read(String text) {
    byte[] b = ("[" + text + "]").getBytes(StandardCharsets.US_ASCII);
    return RecordedMeasures.exactDecimal(b, 1, b.length - 1);
  }
}
