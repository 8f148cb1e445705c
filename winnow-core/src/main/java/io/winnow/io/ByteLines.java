package io.winnow.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a stream as byte ranges, without decoding them: for copying records through unchanged. A line ends
 * at {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine} splits them. After
 * {@link #next} returns true the line is {@code buffer()[start(), end())}, valid until the next call.
 */
public final class ByteLines implements Closeable {
  private final InputStream in;
  private byte[] buf = new byte[1 << 20];
  private int pos;
  private int limit;
  private int start;
  private int end;
  private boolean eof;
  private boolean skipLf;

  public ByteLines(InputStream in) {
    this.in = in;
  }

  public boolean next() throws IOException {
    while (true) {
      if (skipLf && pos < limit) {
        if (buf[pos] == '\n') pos++;
        skipLf = false;
      }
      int i = lineBreak(buf, pos, limit);
      if (i < limit) {
        byte b = buf[i];
        start = pos;
        end = i;
        pos = i + 1;
        skipLf = b == '\r';
        return true;
      }
      if (eof) {
        if (pos == limit) return false;
        start = pos;
        end = limit;
        pos = limit;
        return true;
      }
      fill();
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LF = '\n' * ONES;
  private static final long CR = '\r' * ONES;

  /**
   * The index of the first {@code \n} or {@code \r} in {@code b[from, to)}, or {@code to}: eight bytes a step
   * (a byte equal to the pattern is a zero byte of {@code word ^ pattern}, found with the classic
   * {@code (x − 0x01…) & ~x & 0x80…} test), since data lines are kilobytes long and the scan reads every byte.
   */
  static int lineBreak(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      long x = w ^ LF;
      long y = w ^ CR;
      long hit = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
      if (hit != 0) return i + (Long.numberOfTrailingZeros(hit) >>> 3);
    }
    for (; i < to; i++) if (b[i] == '\n' || b[i] == '\r') return i;
    return to;
  }

  /** Keeps the unfinished line, grows the buffer if that line fills it, and reads more. */
  private void fill() throws IOException {
    int kept = limit - pos;
    if (kept == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    System.arraycopy(buf, pos, buf, 0, kept);
    pos = 0;
    limit = kept;
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) eof = true;
    else limit += n;
  }

  public byte[] buffer() {
    return buf;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
