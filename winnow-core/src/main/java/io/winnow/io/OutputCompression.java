package io.winnow.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * How a writer compresses what it writes: the codec and its level ({@code output.compression} and
 * {@code output.compression_level}).
 */
public record OutputCompression(Compression codec, int level) {
  public OutputCompression {
    codec.checkLevel(level);
  }

  /** The codec at its usual level. */
  public static OutputCompression of(Compression codec) {
    return new OutputCompression(codec, codec.defaultLevel());
  }

  public String extension() {
    return codec.extension();
  }

  public OutputStream compress(OutputStream raw) throws IOException {
    return codec.compress(raw, level);
  }
}
