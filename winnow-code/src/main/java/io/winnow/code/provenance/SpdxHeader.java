package io.winnow.code.provenance;

/**
 * The {@code SPDX-License-Identifier:} line of a source file, as the Linux kernel and most projects now write
 * it in their first lines. Only the head of the file is read: an identifier quoted deep inside a file is
 * about some other code.
 */
public final class SpdxHeader {
  private static final String TAG = "SPDX-License-Identifier:";
  /** Kernel files put it on line 1 (line 2 for scripts); other projects after a copyright block. */
  private static final int HEAD_LINES = 30;

  private SpdxHeader() {}

  /** The license expression of the file's SPDX header, or null when its head has none. */
  public static String find(CharSequence text) {
    int n = text.length();
    int line = 0;
    int start = 0;
    while (start < n && line < HEAD_LINES) {
      int end = start;
      while (end < n && text.charAt(end) != '\n') end++;
      String expr = inLine(text, start, end);
      if (expr != null) return expr;
      start = end + 1;
      line++;
    }
    return null;
  }

  private static String inLine(CharSequence text, int start, int end) {
    int at = indexOf(text, start, end);
    if (at < 0) return null;
    String rest = text.subSequence(at + TAG.length(), end).toString();
    // the comment closes on the same line in C ("*/"), HTML ("-->") or OCaml ("*)")
    for (String close : new String[] {"*/", "-->", "*)"}) {
      int c = rest.indexOf(close);
      if (c >= 0) rest = rest.substring(0, c);
    }
    rest = rest.strip();
    return rest.isEmpty() ? null : rest;
  }

  private static int indexOf(CharSequence text, int start, int end) {
    outer:
    for (int i = start; i + TAG.length() <= end; i++) {
      for (int j = 0; j < TAG.length(); j++) if (text.charAt(i + j) != TAG.charAt(j)) continue outer;
      return i;
    }
    return -1;
  }
}
