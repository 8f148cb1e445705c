package io.winnow.refilter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * New log lines gathered in one array and handed to the stream in large pieces: a line is written as a dozen
 * spans, and calling the (buffering, thread-handing) output stream for each made the re-decide loop several
 * times larger once compiled. The stream receives the same bytes in the same order.
 */
final class PendingBytes {
  private static final int HAND_OVER = 1 << 16;
  private final OutputStream out;
  private byte[] b = new byte[2 * HAND_OVER];
  private int size;

  PendingBytes(OutputStream out) {
    this.out = out;
  }

  void write(byte[] src) {
    write(src, 0, src.length);
  }

  void write(byte[] src, int off, int len) {
    if (size + len > b.length) grow(len);
    System.arraycopy(src, off, b, size, len);
    size += len;
  }

  void write(char c) {
    if (size == b.length) grow(1);
    b[size++] = (byte) c;
  }

  /** Hands what is gathered to the stream once it is large; call after each line. */
  void lineDone() throws IOException {
    if (size >= HAND_OVER) flush();
  }

  void flush() throws IOException {
    out.write(b, 0, size);
    size = 0;
  }

  private void grow(int more) {
    b = Arrays.copyOf(b, Math.max(2 * b.length, size + more));
  }
}
