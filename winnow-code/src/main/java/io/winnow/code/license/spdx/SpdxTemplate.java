package io.winnow.code.license.spdx;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * The fixed text with the copyright holder's name made variable wherever the body repeats it ("the names of Sam
   * Leffler and Silicon Graphics may not be used", "IN NO EVENT SHALL SAM LEFFLER OR SILICON GRAPHICS BE LIABLE"),
   * or null if the body does not name the holder. Each copy of such a license puts its own holder there, as it does
   * in the notice the template already leaves variable; the SPDX templates mark the name as a variable in most
   * licenses of this kind (BSD-3-Clause's "Neither the name of &lt;&lt;var&gt;&gt;") but not in all (libtiff, X11). The
   * holder is read from the template's copyright variable: its capitalised words that are not common words of a
   * notice or a license ({@link #NOT_A_NAME}).
   */
  public static String fixedTextWithHolderVariable(String template) {
    Set<String> names = holderNames(template);
    if (names.isEmpty()) return null;
    String fixed = fixedText(template);
    String word = "(?:" + String.join("|", names) + ")";
    Pattern run = Pattern.compile("\\b" + word + "(?:(?:[\\s,]+(?:and|or|of|the|&)(?=[\\s,]))*[\\s,]+" + word + ")*\\b",
        Pattern.CASE_INSENSITIVE);
    String out = run.matcher(fixed).replaceAll(String.valueOf(GAP));
    return out.equals(fixed) ? null : out;
  }

  /** Words of a notice, or of the license around it, that are no part of a holder's name. */
  private static final Set<String> NOT_A_NAME = Set.of("copyright", "portions", "all", "rights", "reserved", "inc", "ltd",
      "llc", "corp", "co", "the", "and", "or", "of", "by", "for", "this", "that", "to", "not", "no", "notice", "license",
      "licensed", "software", "program", "free", "foundation", "project", "contributors", "contributor", "author",
      "authors", "holder", "holders", "owner", "owners", "version", "name", "names", "terms", "use",
      "current", "modifications", "year", "years", "date", "url", "identification", "professional", "everyone",
      "attention", "department", "professor", "team", "university", "institute", "company", "corporation",
      "incorporated", "group", "center", "centre", "information", "systems", "computer", "technology", "technologies",
      "research", "national", "library", "network", "networks", "science", "sciences", "community", "european",
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "as", "is", "in", "at", "on", "with", "see", "file", "files");

  /**
   * The capitalised words of the template's copyright notices (variables whose original text is a notice). The
   * tags are walked as {@link #text} walks them, not by a regular expression: a variable's original text runs to
   * thousands of characters, and a repeated alternation over it overflows the stack.
   */
  private static Set<String> holderNames(String template) {
    Set<String> names = new java.util.TreeSet<>();
    for (int i = template.indexOf("<<"); i >= 0; i = template.indexOf("<<", i + 2)) {
      int end = tagEnd(template, i + 2);
      if (end < 0) break;
      String tag = template.substring(i + 2, end).trim();
      i = end;
      if (!tag.startsWith("var")) continue;
      for (String line : original(tag).split("\\R")) {
        String l = line.strip();
        String lower = l.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("copyright") || lower.startsWith("(c)") || lower.startsWith("\u00a9"))) continue;
        for (Matcher w = CAPITALISED.matcher(l); w.find(); ) {
          String name = w.group();
          if (!NOT_A_NAME.contains(name.toLowerCase(java.util.Locale.ROOT))) names.add(Pattern.quote(name));
        }
      }
    }
    return names;
  }

  private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}\\p{L}+\\b");

  private static String text(String template, boolean keepOptional, boolean keepOriginals) {
    StringBuilder out = new StringBuilder(template.length());
    int optionalDepth = 0;
    boolean optionalIsPhrase = false;
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
            optionalIsPhrase = end + 2 < n && Character.isWhitespace(template.charAt(end + 2));
          } else if (tag.equals("endOptional")) {
            if (optionalDepth > 0) optionalDepth--;
            if (!keepOptional) out.append(GAP);
            // an optional phrase (" version 2") set against the next word ("<<endOptional>>cover") ends at a word
            // boundary, as SPDX's own tools read a tag; an optional suffix ("name<<beginOptional>>s<<endOptional>>")
            // starts with no space and stays part of its word
            else if (optionalIsPhrase && end + 2 < n && Character.isLetterOrDigit(template.charAt(end + 2))) out.append(' ');
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
