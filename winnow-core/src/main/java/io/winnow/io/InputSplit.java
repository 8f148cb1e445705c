package io.winnow.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A byte range of an uncompressed JSON Lines file, read as a shard of its own: it starts just after a
 * {@code \n} (or at the file's start) and ends just after one (or at the file's end), so no line and no
 * {@code \r\n} pair is cut, and it knows how many lines come before it, so its records carry the same
 * {@code file:line} locations and fallback ids as when the whole file is read. Splits depend only on the file's
 * bytes and the split size: the same input always gives the same shards.
 *
 * @param firstLine the number of line ends before {@code start} (JsonlReader's count: {@code \n}, {@code \r\n}
 *     and a lone {@code \r} each end a line)
 * @param whole the range is the whole file (read as the file, with its empty-file check)
 */
public record InputSplit(long start, long end, long firstLine, boolean whole) {
  private static final int SCAN_BUFFER = 1 << 20;

  /**
   * The splits of a file of about {@code splitBytes} each; one whole-file split when the file is no larger, or
   * compressed (its bytes cannot be entered in the middle), or {@code splitBytes} is 0.
   */
  public static List<InputSplit> plan(Path file, long splitBytes) throws IOException {
    long size = Files.size(file);
    if (splitBytes <= 0 || size <= splitBytes || !uncompressed(file)) return List.of(new InputSplit(0, size, 0, true));
    List<InputSplit> out = new ArrayList<>();
    byte[] buf = new byte[SCAN_BUFFER];
    long lines = 0;
    long start = 0;
    long startLine = 0;
    long target = splitBytes;
    long offset = 0;
    boolean pendingCr = false;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
        for (int i = 0; i < n; i++) {
          // a line end is one byte in thousands: eight bytes at a time are passed over while none of them is
          // '\r' or below, unless a '\r' just before them awaits its next byte
          if (!pendingCr) {
            while (i + 8 <= n && !hasByteBelow14((long) LONGS.get(buf, i))) i += 8;
            if (i == n) break;
          }
          byte b = buf[i];
          if (b > '\r') {
            if (pendingCr) {
              lines++;
              pendingCr = false;
            }
            continue;
          }
          if (b == '\n') {
            lines++; // ends "\n" or the "\r\n" pair
            pendingCr = false;
            long after = offset + i + 1;
            if (after >= target && after < size) {
              out.add(new InputSplit(start, after, startLine, false));
              start = after;
              startLine = lines;
              target = after + splitBytes;
            }
          } else {
            if (pendingCr) lines++;
            pendingCr = b == '\r';
          }
        }
        offset += n;
      }
    }
    if (out.isEmpty()) return List.of(new InputSplit(0, size, 0, true)); // no line end to split at
    out.add(new InputSplit(start, size, startLine, false));
    return out;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** Whether any of the eight bytes is below 14 (0x0E, so '\n', '\r' or another control byte): exact for any word. */
  static boolean hasByteBelow14(long w) {
    return ((w - 0x0E0E0E0E0E0E0E0EL) & ~w & 0x8080808080808080L) != 0;
  }

  /** The range's bytes; {@code onRawBytes} receives the count read, for progress. */
  public InputStream open(Path file, LongConsumer onRawBytes) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(start);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new CountingInputStream(new Bounded(in, end - start), onRawBytes);
  }

  /** "file[start-end)" for messages; the file itself for a whole-file split. */
  public String describe(Path file) {
    return whole ? file.toString() : file + " [bytes " + start + "-" + end + ")";
  }

  private static boolean uncompressed(Path file) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      return Compression.detect(in) == Compression.NONE;
    }
  }

  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long length) {
      super(in);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) return -1;
      int b = in.read();
      if (b >= 0) left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) left -= n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(Math.min(n, left));
      left -= s;
      return s;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }
  }
}
