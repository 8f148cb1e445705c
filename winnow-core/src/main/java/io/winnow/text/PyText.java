package io.winnow.text;

import java.util.ArrayList;
import java.util.List;

/**
 * String primitives with Python 3 {@code str} semantics. The reference filters are written in Python, so
 * "whitespace", "a line" and "alphabetic" must mean exactly what {@code str.isspace()}, {@code splitlines()}
 * and {@code isalpha()} mean there, not what {@link Character#isWhitespace} means (which, for one, excludes
 * U+00A0).
 */
public final class PyText {
  private PyText() {}

  /** {@code str.isspace()} for one code point (Unicode 15 table, as CPython 3.11). */
  public static boolean isSpace(int c) {
    if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    if (c < 0x85) return false;
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
        || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  /** {@code str.isalpha()} for one code point: letters of categories Lu, Ll, Lt, Lm, Lo. */
  public static boolean isAlpha(int c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return Character.isLetter(c);
  }

  /** True when the string contains at least one alphabetic code point. */
  public static boolean hasAlpha(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        if (isAlpha(ch)) return true;
      } else if (Character.isHighSurrogate(ch) && i + 1 < n) {
        if (Character.isLetter(Character.toCodePoint(ch, s.charAt(i + 1)))) return true;
        i++;
      } else if (Character.isLetter(ch)) {
        return true;
      }
    }
    return false;
  }

  /** Line break characters of {@code str.splitlines()}. */
  public static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
        || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** {@code str.splitlines()} without keepends: "\r\n" is one break, a trailing break adds no empty line. */
  public static List<String> splitLines(String s) {
    int[] spans = lineSpans(s);
    List<String> lines = new ArrayList<>(spans.length / 2);
    for (int i = 0; i < spans.length; i += 2) lines.add(s.substring(spans[i], spans[i + 1]));
    return lines;
  }

  /**
   * Start and end offsets of the lines of {@code str.splitlines()}, flattened: [s0, e0, s1, e1, ...]; the
   * same lines, in the same order, as {@link #splitLines}.
   */
  public static int[] lineSpans(String s) {
    int[] spans = new int[16];
    int count = 0;
    int n = s.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        if (2 * count + 2 > spans.length) spans = java.util.Arrays.copyOf(spans, spans.length * 2);
        spans[2 * count] = start;
        spans[2 * count + 1] = i;
        count++;
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
        start = i + 1;
      }
    }
    if (start < n) {
      if (2 * count + 2 > spans.length) spans = java.util.Arrays.copyOf(spans, spans.length + 2);
      spans[2 * count] = start;
      spans[2 * count + 1] = n;
      count++;
    }
    return java.util.Arrays.copyOf(spans, 2 * count);
  }

  /** {@code str.strip()}. Surrogates are never whitespace, so scanning UTF-16 units is exact. */
  public static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && isSpace(s.charAt(b))) b++;
    while (e > b && isSpace(s.charAt(e - 1))) e--;
    return s.substring(b, e);
  }

  /** {@code str.lstrip()}. */
  public static String lstrip(String s) {
    int b = 0;
    while (b < s.length() && isSpace(s.charAt(b))) b++;
    return s.substring(b);
  }

  /** {@code str.rstrip()}. */
  public static String rstrip(String s) {
    int e = s.length();
    while (e > 0 && isSpace(s.charAt(e - 1))) e--;
    return s.substring(0, e);
  }

  /** True when every code point is whitespace (an empty string counts as blank). */
  public static boolean isBlank(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) if (!isSpace(s.charAt(i))) return false;
    return true;
  }

  /** {@code str.split()} without arguments: split on whitespace runs, no empty strings. */
  public static List<String> splitWhitespace(String s) {
    List<String> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) i++;
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) i++;
      if (i > start) out.add(s.substring(start, i));
    }
    return out;
  }

  /** Length in code points, as Python's {@code len(str)}. */
  public static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Number of non-overlapping occurrences of {@code needle}, as {@code str.count}. */
  public static int count(String s, String needle) {
    int count = 0;
    int from = 0;
    while ((from = s.indexOf(needle, from)) >= 0) {
      count++;
      from += needle.length();
    }
    return count;
  }

  /** Number of occurrences of one BMP character. */
  public static int count(CharSequence s, char c) {
    int count = 0;
    for (int i = 0, n = s.length(); i < n; i++) if (s.charAt(i) == c) count++;
    return count;
  }

  /** Number of runs of non-whitespace characters, as {@code len(str.split())}. */
  public static int countWhitespaceWords(CharSequence s) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      boolean space = isSpace(s.charAt(i));
      if (!space && !inWord) count++;
      inWord = !space;
    }
    return count;
  }
}
