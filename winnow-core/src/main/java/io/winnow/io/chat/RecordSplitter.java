package io.winnow.io.chat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into the byte ranges of its records, without parsing them: the lines of a JSON Lines file, or
 * the elements of a top-level JSON array (found by tracking nesting and strings). Each record's exact bytes
 * are what a writer gives back for an untouched record. A record over the size bound is skipped while being
 * read and reported as too large, never held.
 */
final class RecordSplitter {
  /** What {@link #next} found. */
  enum Kind { RECORD, TOO_LARGE, END }

  private final InputStream in;
  private final long maxRecordBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long consumed;
  private boolean array;
  private boolean started;
  private boolean arrayClosed;
  private byte[] record = new byte[1 << 12];
  private int recordLen;
  private long recordBytes;
  private long recordOffset;
  private long lineNo;

  RecordSplitter(InputStream in, long maxRecordBytes) {
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** True once the first byte showed a JSON array ({@code [}); valid after the first {@link #next}. */
  boolean isArray() {
    return array;
  }

  byte[] bytes() {
    return Arrays.copyOf(record, recordLen);
  }

  long recordBytes() {
    return recordBytes;
  }

  /** Byte offset of the record in the (decompressed) stream. */
  long offset() {
    return recordOffset;
  }

  /** Line number of the record (JSON Lines), 1-based. */
  long line() {
    return lineNo;
  }

  Kind next() throws IOException {
    if (!started) {
      started = true;
      int b = peekNonBlank();
      if (b == '[') {
        array = true;
        take();
      }
    }
    return array ? nextElement() : nextLine();
  }

  private Kind nextLine() throws IOException {
    while (true) {
      int b = peek();
      if (b < 0) return Kind.END;
      lineNo++;
      recordOffset = consumed;
      reset();
      while (true) {
        b = peek();
        if (b < 0) break;
        take();
        if (b == '\n') break;
        if (b == '\r') {
          if (peek() == '\n') take();
          break;
        }
        append((byte) b);
      }
      if (recordBytes > maxRecordBytes) return Kind.TOO_LARGE;
      if (!blank()) return Kind.RECORD;
    }
  }

  private Kind nextElement() throws IOException {
    if (arrayClosed) return Kind.END;
    int b = peekNonBlank();
    if (b == ',') {
      take();
      b = peekNonBlank();
    }
    if (b == ']') {
      take();
      arrayClosed = true;
      int rest = peekNonBlank();
      if (rest >= 0) throw new IOException("data after the closing ']' of the array at byte " + consumed);
      return Kind.END;
    }
    if (b < 0) throw new java.io.EOFException("the array is not closed: the file ends at byte " + consumed);
    recordOffset = consumed;
    reset();
    int depth = 0;
    boolean inString = false;
    boolean escape = false;
    while (true) {
      b = peek();
      if (b < 0) throw new java.io.EOFException("the file ends inside a record that starts at byte " + recordOffset);
      if (!inString && depth == 0 && recordBytes > 0 && (b == ',' || b == ']' || isBlank(b))) break;
      take();
      append((byte) b);
      if (inString) {
        if (escape) escape = false;
        else if (b == '\\') escape = true;
        else if (b == '"') inString = false;
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) break;
      }
    }
    return recordBytes > maxRecordBytes ? Kind.TOO_LARGE : Kind.RECORD;
  }

  private void reset() {
    recordLen = 0;
    recordBytes = 0;
  }

  private void append(byte b) {
    recordBytes++;
    if (recordBytes > maxRecordBytes) return;
    if (recordLen == record.length) record = Arrays.copyOf(record, record.length * 2);
    record[recordLen++] = b;
  }

  private boolean blank() {
    for (int i = 0; i < recordLen; i++) if (!isBlank(record[i])) return false;
    return true;
  }

  private static boolean isBlank(int b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private int peekNonBlank() throws IOException {
    int b;
    while ((b = peek()) >= 0 && isBlank(b)) {
      if (b == '\n') lineNo++;
      take();
    }
    return b;
  }

  private int peek() throws IOException {
    if (pos == limit) {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) return -1;
      pos = 0;
      limit = n;
    }
    return buf[pos] & 0xff;
  }

  private void take() {
    pos++;
    consumed++;
  }
}
