package io.winnow.code.license;

import io.winnow.code.license.spdx.SpdxExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code SPDX-License-Identifier:} tags of a file (REUSE, the Linux kernel, most of today's projects), each
 * parsed as an SPDX expression. The tag's value ends at the end of the line or at a closing comment marker. Only
 * the first {@value #MAX_LINE} lines count: a tag is a header, and further down the string is more likely code that
 * writes or parses tags.
 */
public final class SpdxHeaders {
  private static final Pattern TAG = Pattern.compile("SPDX-License-Identifier:[ \\t]*([^\\r\\n]*)");
  private static final Pattern COMMENT_END = Pattern.compile("\\s*(?:\\*/|-->|\\*\\)|-\\}|\"\"\"|'''|#>|\\]\\]|%>).*$");

  static final int MAX_LINE = 60;

  private SpdxHeaders() {}

  /** One tag: its value as written, and the parsed expression or why it could not be parsed. */
  public record Tag(int line, String value, SpdxExpression expression, String problem) {}

  public static List<Tag> find(String text) {
    List<Tag> out = new ArrayList<>();
    if (text.indexOf("SPDX-License-Identifier") < 0) return out;
    Matcher m = TAG.matcher(text);
    int line = 1;
    int counted = 0;
    while (m.find()) {
      for (int i = counted; i < m.start(); i++) if (text.charAt(i) == '\n') line++;
      counted = m.start();
      if (line > MAX_LINE) break;
      String value = COMMENT_END.matcher(m.group(1)).replaceFirst("").strip();
      try {
        out.add(new Tag(line, value, SpdxExpression.parse(value), null));
      } catch (SpdxExpression.ParseException e) {
        out.add(new Tag(line, value, null, e.getMessage()));
      }
    }
    return out;
  }
}
