package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;

class Xxh64Test {
  @Test
  void equalsTheLibrarysXxh64OnEveryLengthAndOffset() {
    LongHashFunction library = LongHashFunction.xx(0);
    SplittableRandom r = new SplittableRandom(7);
    byte[] bytes = new byte[300];
    r.nextBytes(bytes);
    // every tail (8-byte lanes, a 4-byte word, single bytes) and the 32-byte stripes, at unaligned offsets
    for (int off = 0; off < 9; off++) {
      for (int len = 0; off + len <= 200; len++) {
        assertThat(Xxh64.hash(bytes, off, len)).as("offset %d length %d", off, len).isEqualTo(library.hashBytes(bytes, off, len));
      }
    }
  }
}
