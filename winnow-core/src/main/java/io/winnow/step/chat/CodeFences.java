package io.winnow.step.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of a Markdown text, CommonMark style: a line of three or more backticks or tildes
 * (indented at most three spaces) opens a block, with an optional info string ({@code json}, {@code python});
 * a line of the same character, at least as long and with nothing after it, closes it. A block still open at
 * the end of the text is unclosed.
 */
final class CodeFences {
  /** One block: its language (first word of the info string, may be empty) and the text between the fences. */
  record Block(String language, int start, int end, boolean closed, String body) {}

  private CodeFences() {}

  static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    int n = text.length();
    int pos = 0;
    char fenceChar = 0;
    int fenceLen = 0;
    String lang = null;
    int blockStart = 0;
    int bodyStart = 0;
    while (pos <= n) {
      int eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      int i = pos;
      int indent = 0;
      while (i < eol && text.charAt(i) == ' ' && indent < 4) {
        i++;
        indent++;
      }
      if (indent < 4 && i < eol && (text.charAt(i) == '`' || text.charAt(i) == '~')) {
        char c = text.charAt(i);
        int j = i;
        while (j < eol && text.charAt(j) == c) j++;
        int len = j - i;
        if (len >= 3) {
          String info = text.substring(j, eol).strip();
          if (fenceChar == 0) {
            if (c != '`' || info.indexOf('`') < 0) {
              fenceChar = c;
              fenceLen = len;
              int space = info.indexOf(' ');
              lang = (space < 0 ? info : info.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
              blockStart = pos;
              bodyStart = Math.min(n, eol + 1);
            }
          } else if (c == fenceChar && len >= fenceLen && info.isEmpty()) {
            out.add(new Block(lang, blockStart, eol, true, text.substring(Math.min(bodyStart, pos), pos)));
            fenceChar = 0;
          }
        }
      }
      pos = eol + 1;
    }
    if (fenceChar != 0) out.add(new Block(lang, blockStart, n, false, text.substring(Math.min(bodyStart, n))));
    return out;
  }

  /** The text with fenced blocks and inline code spans blanked out (same length), so prose rules skip code. */
  static String prose(String text) {
    if (text.indexOf('`') < 0 && text.indexOf("~~~") < 0) return text;
    char[] c = text.toCharArray();
    for (Block b : blocks(text)) java.util.Arrays.fill(c, b.start(), Math.min(b.end(), c.length), ' ');
    // inline spans: a run of backticks up to the next run of the same length on the same paragraph
    for (int i = 0; i < c.length; i++) {
      if (c[i] != '`') continue;
      int j = i;
      while (j < c.length && c[j] == '`') j++;
      int run = j - i;
      int close = findRun(c, j, run);
      if (close < 0) {
        i = j - 1;
        continue;
      }
      java.util.Arrays.fill(c, i, close + run, ' ');
      i = close + run - 1;
    }
    return new String(c);
  }

  private static int findRun(char[] c, int from, int run) {
    for (int k = from; k < c.length; k++) {
      if (c[k] == '\n' && k + 1 < c.length && c[k + 1] == '\n') return -1;
      if (c[k] != '`') continue;
      int m = k;
      while (m < c.length && c[m] == '`') m++;
      if (m - k == run) return k;
      k = m - 1;
    }
    return -1;
  }
}
