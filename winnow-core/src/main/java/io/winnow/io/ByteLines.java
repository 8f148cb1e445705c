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
      for (int i = pos; i < limit; i++) {
        byte b = buf[i];
        if (b == '\n' || b == '\r') {
          start = pos;
          end = i;
          pos = i + 1;
          skipLf = b == '\r';
          return true;
        }
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
