package io.winnow.report.html;

/** HTML text escaping: the report shows untrusted document text, which must never become markup. */
final class Html {
  private Html() {}

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // control characters other than tab and newline are not allowed in HTML text
          if (c < 0x20 && c != '\n' && c != '\t') sb.append('\uFFFD');
          else sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}
