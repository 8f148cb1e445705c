package io.winnow.step.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes the chosen container as text: a newline around every block, {@code - } before list items, headings
 * marked for {@link LineFilter}, link lists left out. In Markdown, headings get {@code #}s, links become {@code
 * [text](url)} and table rows {@code | a | b |}; tables can be dropped.
 */
final class TextRenderer {
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> LINK_LIST_CANDIDATES = Set.of("ul", "ol", "div", "section", "table", "dl", "p", "li", "span");

  private final TextStats stats;
  private final ExtractOptions options;
  /** Text length of the main element: a block holding much of it is content, not a link list. */
  private final int mainText;

  TextRenderer(TextStats stats, ExtractOptions options, int mainText) {
    this.stats = stats;
    this.options = options;
    this.mainText = mainText;
  }

  /**
   * A block that is mostly links is navigation or "related articles", not content: a list or section whose text
   * is at least half links over two or more links, or a short block that is one link.
   */
  static boolean isLinkBlock(Element e, TextStats stats) {
    if (!LINK_LIST_CANDIDATES.contains(e.normalName())) return false;
    int total = stats.text(e);
    if (total == 0) return false;
    double density = stats.linkDensity(e);
    if (density == 0) return false;
    int links = density >= 0.5 ? e.getElementsByTag("a").size() : 0;
    if (links >= 2 && density >= 0.5) return !isAnnotatedList(e);
    return density >= 0.9 && total < 80 && !e.normalName().equals("span");
  }

  /**
   * A list whose items say something beside their link ("The Illustrated Transformer by Jay Alammar", "SVM
   * Tutorial – a gentle introduction"): a reading list or bibliography of the text, not a menu or a teaser list,
   * whose items are their links alone or a link and a date.
   */
  private static boolean isAnnotatedList(Element list) {
    String tag = list.normalName();
    if (!tag.equals("ul") && !tag.equals("ol")) return false;
    int items = 0, annotated = 0;
    for (Element li : list.children()) {
      if (!li.normalName().equals("li")) continue;
      items++;
      if (words(ownWordsBesideLinks(li, new StringBuilder()).toString()) >= 2) annotated++;
    }
    return items >= 2 && annotated * 10 >= items * 6;
  }

  /** The text of an element outside its links and nested lists. */
  private static StringBuilder ownWordsBesideLinks(Element e, StringBuilder sb) {
    for (Node c : e.childNodes()) {
      if (c instanceof TextNode t) sb.append(t.getWholeText()).append(' ');
      else if (c instanceof Element ce && !ce.normalName().equals("a") && !ce.normalName().equals("ul") && !ce.normalName().equals("ol")) {
        ownWordsBesideLinks(ce, sb);
      }
    }
    return sb;
  }

  /** Words of two or more letters (so "by X", not dates, counts or separators). */
  private static int words(String s) {
    int words = 0, run = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i < s.length() && Character.isLetter(s.charAt(i))) run++;
      else {
        if (run >= 2 && !isMonth(s, i - run, run)) words++;
        run = 0;
      }
    }
    return words;
  }

  private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
      "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december");

  private static boolean isMonth(String s, int start, int len) {
    return len <= 9 && MONTHS.contains(s.substring(start, start + len).toLowerCase(java.util.Locale.ROOT));
  }

  void render(Node node, StringBuilder sb) {
    if (node instanceof TextNode t) {
      String s = collapseWhitespace(t.getWholeText());
      if (!s.isBlank()) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') s = s.stripLeading();
        sb.append(s);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n' && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
      return;
    }
    if (!(node instanceof Element e)) return;
    String tag = e.normalName();
    if (tag.equals("br")) {
      sb.append('\n');
      return;
    }
    if (tag.equals("table") && !options.tables()) return;
    if (options.markdown()) {
      if (tag.equals("a")) {
        renderLink(e, sb);
        return;
      }
      if (tag.equals("tr")) {
        renderRow(e, sb);
        return;
      }
    }
    boolean block = TextStats.BLOCKS.contains(tag);
    if (block) newline(sb);
    if (HEADINGS.contains(tag)) {
      sb.append(LineFilter.HEADING);
      if (options.markdown()) sb.append("#".repeat(tag.charAt(1) - '0')).append(' ');
    }
    if (tag.equals("li")) sb.append("- ");
    int headingStart = -1; // where the last rendered child heading began, if nothing followed it yet
    for (Node c : e.childNodes()) {
      if (c instanceof Element ce && stats.text(ce) < 0.3 * mainText && isLinkBlock(ce, stats)) {
        // a heading that only introduced this link list ("Related articles") goes with it
        if (headingStart >= 0) sb.setLength(headingStart);
        headingStart = -1;
        continue;
      }
      int before = sb.length();
      render(c, sb);
      if (c instanceof Element ce && HEADINGS.contains(ce.normalName())) headingStart = before;
      else if (sb.length() > before && !(c instanceof TextNode tn && tn.isBlank())) headingStart = -1;
    }
    if (block) newline(sb);
  }

  private void renderLink(Element a, StringBuilder sb) {
    String href = a.absUrl("href");
    if (href.isEmpty() || href.startsWith("javascript:")) {
      for (Node c : a.childNodes()) render(c, sb);
      return;
    }
    int start = sb.length();
    sb.append('[');
    for (Node c : a.childNodes()) render(c, sb);
    if (sb.substring(start + 1).isBlank()) sb.setLength(start);
    else sb.append("](").append(href).append(')');
  }

  private void renderRow(Element tr, StringBuilder sb) {
    newline(sb);
    int cells = 0;
    sb.append('|');
    for (Element cell : tr.children()) {
      if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) continue;
      sb.append(' ');
      StringBuilder c = new StringBuilder();
      for (Node n : cell.childNodes()) render(n, c);
      sb.append(c.toString().replace('\n', ' ').replace("|", "\\|").strip()).append(" |");
      cells++;
    }
    Element table = tr.closest("table");
    if (cells > 0 && table != null && table.select("tr").first() == tr) {
      sb.append('\n').append('|').append(" --- |".repeat(cells));
    }
    newline(sb);
  }

  /**
   * Each run of whitespace (ASCII, no-break, the Unicode spaces, zero-width space) as one space; the text
   * itself when it has no run to change (most text nodes).
   */
  static String collapseWhitespace(String text) {
    int n = text.length();
    int i = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (isSpace(c) && (c != ' ' || i + 1 < n && isSpace(text.charAt(i + 1)))) break;
    }
    if (i == n) return text;
    StringBuilder sb = new StringBuilder(n).append(text, 0, i);
    boolean inRun = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!inRun) sb.append(' ');
        inRun = true;
      } else {
        sb.append(c);
        inRun = false;
      }
    }
    return sb.toString();
  }

  /** {@code [\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]} ({@code \\s} as java.util.regex reads it). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0'
        || c >= '\u2000' && c <= '\u200b' || c == '\u202f' || c == '\u205f' || c == '\u3000';
  }

  private static void newline(StringBuilder sb) {
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == ' ') n--;
    sb.setLength(n);
    if (n > 0 && sb.charAt(n - 1) != '\n') sb.append('\n');
  }
}
