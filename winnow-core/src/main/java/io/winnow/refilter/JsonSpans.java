package io.winnow.refilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where the values of a compact JSON line lie, found by scanning its bytes without building a tree: what lets
 * {@code refilter} copy the parts of a decision-log entry it does not change byte for byte. Offsets are into one
 * line's buffer; a value's span runs from its first byte to just after its last.
 */
final class JsonSpans {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Receives the members of an object in order; returns the offset just after the value, found with
   * {@link #value} or by reading the value on the way, so that no byte is scanned twice.
   */
  interface Members {
    int member(int nameStart, int nameEnd, int valueStart) throws IOException;
  }

  /** Receives the elements of an array in order; returns the offset just after the element. */
  interface Elements {
    int element(int start) throws IOException;
  }

  private final byte[] b;
  private final int limit;

  JsonSpans(byte[] b, int limit) {
    this.b = b;
    this.limit = limit;
  }

  /** Visits the members of the object at {@code pos}; returns the offset after it. Names span their quotes. */
  int object(int pos, Members visitor) throws IOException {
    pos = expect(skipWs(pos), '{');
    pos = skipWs(pos);
    if (at(pos) == '}') return pos + 1;
    while (true) {
      int nameStart = pos;
      if (at(pos) != '"') throw malformed(pos, "a member name");
      int nameEnd = string(pos);
      pos = expect(skipWs(nameEnd), ':');
      pos = skipWs(visitor.member(nameStart, nameEnd, skipWs(pos)));
      if (at(pos) == '}') return pos + 1;
      pos = skipWs(expect(pos, ','));
    }
  }

  /** Visits the elements of the array at {@code pos}; returns the offset after it. */
  int array(int pos, Elements visitor) throws IOException {
    pos = skipWs(expect(skipWs(pos), '['));
    if (at(pos) == ']') return pos + 1;
    while (true) {
      pos = skipWs(visitor.element(pos));
      if (at(pos) == ']') return pos + 1;
      pos = skipWs(expect(pos, ','));
    }
  }

  /** The offset just after the value starting at {@code pos}. */
  int value(int pos) throws IOException {
    byte c = at(pos);
    if (c == '"') return string(pos);
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int i = pos; i < limit; i++) {
        byte x = b[i];
        if (x == '"') i = string(i) - 1;
        else if (x == '{' || x == '[') depth++;
        else if ((x == '}' || x == ']') && --depth == 0) return i + 1;
      }
      throw malformed(limit, "the end of an object or array");
    }
    int i = pos;
    while (i < limit && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] > ' ') i++;
    if (i == pos) throw malformed(pos, "a value");
    return i;
  }

  /** The offset just after the string whose opening quote is at {@code pos}. */
  private int string(int pos) throws IOException {
    for (int i = pos + 1; i < limit; i++) {
      if (b[i] == '\\') i++;
      else if (b[i] == '"') return i + 1;
    }
    throw malformed(limit, "the end of a string");
  }

  byte[] bytes() {
    return b;
  }

  boolean isString(int start) {
    return b[start] == '"';
  }

  /** The text of a value as Jackson's {@code asText} gives it: a string unescaped, anything else as written. */
  String text(int start, int end) throws IOException {
    if (b[start] != '"') return new String(b, start, end - start, StandardCharsets.UTF_8);
    for (int i = start + 1; i < end - 1; i++) {
      if (b[i] == '\\') return JSON.readValue(b, start, end - start, String.class);
    }
    return new String(b, start + 1, end - start - 2, StandardCharsets.UTF_8);
  }

  /** Whether the value at [start, end) is the string {@code s}, which has no characters needing escapes. */
  boolean isString(int start, int end, String s) {
    int n = s.length();
    if (end - start != n + 2 || b[start] != '"') return false;
    for (int i = 0; i < n; i++) if (b[start + 1 + i] != s.charAt(i)) return false;
    return true;
  }

  private byte at(int pos) throws IOException {
    if (pos >= limit) throw malformed(pos, "more");
    return b[pos];
  }

  private int expect(int pos, char c) throws IOException {
    if (at(pos) != c) throw malformed(pos, "'" + c + "'");
    return pos + 1;
  }

  private int skipWs(int pos) {
    while (pos < limit && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) pos++;
    return pos;
  }

  private IOException malformed(int pos, String expected) {
    return new IOException("malformed JSON: expected " + expected + " at byte " + pos);
  }
}
