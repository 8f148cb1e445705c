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
    int ns = firstMember(pos);
    while (ns >= 0) {
      int ne = nameEnd(ns);
      ns = nextMember(visitor.member(ns, ne, valueStart(ne)));
    }
    return ~ns;
  }

  /** Visits the elements of the array at {@code pos}; returns the offset after it. */
  int array(int pos, Elements visitor) throws IOException {
    int es = firstElement(pos);
    while (es >= 0) es = nextElement(visitor.element(es));
    return ~es;
  }

  /*
   * A cursor over an object's members or an array's elements, for loops that read what they need in place (no
   * visitor to call, which keeps the hot loops of refilter small and monomorphic):
   *   for (int ns = firstMember(pos); ns >= 0; ns = nextMember(valueEnd)) { ne = nameEnd(ns); vs = valueStart(ne); ... }
   * and after the loop ~ns is the offset after the object. Arrays alike with firstElement and nextElement.
   */

  /** The start of the first member name of the object at {@code pos}, or ~(offset after it) when it is empty. */
  int firstMember(int pos) throws IOException {
    pos = skipWs(expect(skipWs(pos), '{'));
    if (at(pos) == '}') return ~(pos + 1);
    if (b[pos] != '"') throw malformed(pos, "a member name");
    return pos;
  }

  /** After a member's value (ending at {@code valueEnd}): the next member name, or ~(offset after the object). */
  int nextMember(int valueEnd) throws IOException {
    int pos = skipWs(valueEnd);
    if (at(pos) == '}') return ~(pos + 1);
    pos = skipWs(expect(pos, ','));
    if (at(pos) != '"') throw malformed(pos, "a member name");
    return pos;
  }

  /** The end of the member name starting (with its quote) at {@code nameStart}. */
  int nameEnd(int nameStart) throws IOException {
    return string(nameStart);
  }

  /** Where the value of the member whose name ends at {@code nameEnd} starts. */
  int valueStart(int nameEnd) throws IOException {
    return skipWs(expect(skipWs(nameEnd), ':'));
  }

  /** The first element of the array at {@code pos}, or ~(offset after it) when it is empty. */
  int firstElement(int pos) throws IOException {
    pos = skipWs(expect(skipWs(pos), '['));
    return at(pos) == ']' ? ~(pos + 1) : pos;
  }

  /** After an element (ending at {@code elementEnd}): the next one, or ~(offset after the array). */
  int nextElement(int elementEnd) throws IOException {
    int pos = skipWs(elementEnd);
    if (at(pos) == ']') return ~(pos + 1);
    return skipWs(expect(pos, ','));
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
