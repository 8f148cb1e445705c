package io.winnow.code.license.spdx;

/**
 * The fixed text of an SPDX license template: the words every copy of the license must contain. Variable parts
 * ({@code <<var;...>>}, a copyright line, a bullet, a name) and optional parts ({@code <<beginOptional>>} to
 * {@code <<endOptional>>}, a title, an appendix) are left out, each replaced by {@link #GAP}, so that no word pair
 * is formed across them (the words around a variable are not adjacent in a real copy). {@link #fullText} keeps the
 * optional parts.
 */
public final class SpdxTemplate {
  /** Marks where a variable or optional part was; the tokenizer breaks word pairs there. */
  public static final char GAP = '\uFFFF';

  private SpdxTemplate() {}

  public static String fixedText(String template) {
    return text(template, false, false);
  }

  /** The template's text without its optional parts, with each variable's original text (its usual wording). */
  public static String requiredText(String template) {
    return text(template, false, true);
  }

  /** The template's text with its optional parts kept and each variable's original text: the license as the list prints it. */
  public static String fullText(String template) {
    return text(template, true, true);
  }

  private static String text(String template, boolean keepOptional, boolean keepOriginals) {
    StringBuilder out = new StringBuilder(template.length());
    int optionalDepth = 0;
    int i = 0;
    int n = template.length();
    while (i < n) {
      if (template.startsWith("<<", i)) {
        int end = tagEnd(template, i + 2);
        if (end > 0) {
          String tag = template.substring(i + 2, end).trim();
          if (tag.equals("beginOptional") || tag.startsWith("beginOptional;")) {
            optionalDepth++;
            if (!keepOptional) out.append(GAP);
          } else if (tag.equals("endOptional")) {
            if (optionalDepth > 0) optionalDepth--;
            if (!keepOptional) out.append(GAP);
          } else if (tag.startsWith("var")) {
            if (keepOriginals && (optionalDepth == 0 || keepOptional)) out.append(' ').append(original(tag)).append(' ');
            else out.append(GAP);
          }
          i = end + 2;
          continue;
        }
      }
      if (optionalDepth == 0 || keepOptional) out.append(template.charAt(i));
      i++;
    }
    return out.toString();
  }

  /** The {@code original="..."} value of a variable tag, or "" if it has none. */
  private static String original(String tag) {
    int k = tag.indexOf("original=\"");
    if (k < 0) return "";
    int from = k + "original=\"".length();
    StringBuilder v = new StringBuilder();
    for (int i = from; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c == '\\' && i + 1 < tag.length()) v.append(tag.charAt(++i));
      else if (c == '"') break;
      else v.append(c);
    }
    return v.toString();
  }

  /** Index of the {@code >>} closing a tag whose body starts at {@code from}, skipping quoted values; -1 if none. */
  private static int tagEnd(String t, int from) {
    boolean quoted = false;
    for (int i = from; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '>' && t.charAt(i + 1) == '>') {
        return i;
      }
    }
    return -1;
  }
}
