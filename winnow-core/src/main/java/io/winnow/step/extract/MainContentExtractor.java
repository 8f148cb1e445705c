package io.winnow.step.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML → main-content text. Steps, each small: (1) drop page furniture ({@link Boilerplate}) and comments;
 * (2) score every block-level element by the text of its own paragraphs, discounting link text, and pick the
 * container whose subtree scores best — or an explicit {@code <article>}/{@code <main>}/articleBody when one
 * holds most of the text; (3) render it with newlines for blocks and list items, tables as tab-separated rows,
 * and drop lines that are mostly links. Stateless and thread-safe.
 */
public final class MainContentExtractor {
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
      "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "br", "hr", "td", "th", "header",
      "figcaption", "address", "details", "summary", "center", "body");

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]+");

  /**
   * Text and link-text lengths of every element, computed once bottom-up (whitespace runs count as one
   * character), so scoring and link-density checks never re-read a subtree.
   */
  static final class TextStats {
    private final Map<Element, int[]> lengths = new IdentityHashMap<>();

    TextStats(Element root) {
      root.traverse(new org.jsoup.select.NodeVisitor() {
        @Override
        public void head(Node node, int depth) {}

        @Override
        public void tail(Node node, int depth) {
          if (!(node instanceof Element e)) return;
          int text = 0;
          int links = 0;
          for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) text += collapsedLength(t.getWholeText());
            else if (c instanceof Element ce) {
              int[] l = lengths.get(ce);
              if (l != null) {
                text += l[0];
                links += l[1];
              }
            }
          }
          if (e.normalName().equals("a")) links = text;
          lengths.put(e, new int[] {text, links});
        }
      });
    }

    int text(Element e) {
      int[] l = lengths.get(e);
      return l == null ? e.text().length() : l[0];
    }

    double linkDensity(Element e) {
      int[] l = lengths.get(e);
      if (l == null || l[0] == 0) return 1;
      return (double) l[1] / l[0];
    }

    private static int collapsedLength(String s) {
      int n = 0;
      boolean space = false;
      for (int i = 0; i < s.length(); i++) {
        boolean ws = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00a0';
        if (!ws) n++;
        else if (!space) n++;
        space = ws;
      }
      return n;
    }
  }

  /** The extracted text and the page title. */
  public record Result(String text, String title) {}

  public Result extract(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    String title = doc.title();
    Element body = doc.body();
    if (body == null) return new Result("", title);
    clean(body);
    TextStats stats = new TextStats(body);
    Element main = chooseMain(body, stats);
    StringBuilder sb = new StringBuilder();
    for (Element part : withProseSiblings(main, stats)) render(part, sb, stats, Math.max(1, stats.text(main)));
    return new Result(postProcess(sb.toString()), title);
  }

  private static void clean(Element root) {
    List<Node> remove = new ArrayList<>();
    root.traverse((node, depth) -> {
      if (node instanceof Comment) remove.add(node);
      else if (node instanceof Element e && e != root && Boilerplate.isFurnitureTag(e)) remove.add(e);
    });
    for (Node n : remove) if (n.parent() != null) n.remove();
    remove.clear();
    // furniture by class/id/role, but never a container with much of the page's text: class names of layout
    // wrappers ("page-header-wrap", "menu-open") say little about what they hold
    TextStats stats = new TextStats(root);
    int total = Math.max(1, stats.text(root));
    root.traverse((node, depth) -> {
      if (node instanceof Element e && e != root && Boilerplate.isBoilerplate(e)
          && (stats.text(e) < 0.3 * total || Boilerplate.isCommentSection(e))) remove.add(e);
    });
    for (Node n : remove) if (n.parent() != null) n.remove();
  }

  /** The element holding the main content. */
  private Element chooseMain(Element body, TextStats stats) {
    int total = stats.text(body);
    for (String sel : new String[] {"[itemprop=articleBody]", "article", "main", "[role=main]"}) {
      Element best = null;
      int bestLen = 0;
      for (Element e : body.select(sel)) {
        int len = stats.text(e);
        if (len > bestLen) {
          best = e;
          bestLen = len;
        }
      }
      if (best != null && bestLen >= 0.35 * total && bestLen > 200) return best;
    }
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, blockquote, td, li, div, h1, h2, h3")) {
      double s = ownScore(p);
      if (s <= 0) continue;
      Element parent = p.parent();
      if (parent == null) continue;
      scores.merge(parent, s, Double::sum);
      Element grand = parent.parent();
      if (grand != null) scores.merge(grand, s / 2, Double::sum);
    }
    Element best = body;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - stats.linkDensity(e.getKey()));
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    // a container with little of the page's text is probably a fragment: widen while the parent adds real text
    while (best != body && best.parent() != null && stats.text(best) < 0.5 * total) {
      Element parent = best.parent();
      if (stats.linkDensity(parent) > 0.4) break;
      best = parent;
    }
    return best;
  }

  /**
   * The main element with the siblings that also read as prose (a lead paragraph or standfirst just before
   * the article body, a closing paragraph after it): long enough, few links, ending a sentence.
   */
  private static List<Element> withProseSiblings(Element main, TextStats stats) {
    Element parent = main.parent();
    if (parent == null || main.normalName().equals("body")) return List.of(main);
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == main) parts.add(sibling);
      else if (isProse(sibling, stats)) parts.add(sibling);
    }
    return parts;
  }

  private static boolean isProse(Element e, TextStats stats) {
    int len = stats.text(e);
    if (len < 80 || stats.linkDensity(e) > 0.2) return false;
    String t = e.text().strip();
    if (t.isEmpty()) return false;
    char last = t.charAt(t.length() - 1);
    return ".!?\"”'»:".indexOf(last) >= 0;
  }

  /** Text of the element's own text nodes (not of nested blocks), commas as a sign of prose. */
  private static double ownScore(Element e) {
    int len = 0;
    int commas = 0;
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        String s = t.text().strip();
        len += s.length();
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ',') commas++;
      } else if (n instanceof Element c && !BLOCKS.contains(c.normalName()) && !c.normalName().equals("a")) {
        len += c.text().length();
      }
    }
    if (len < 25) return 0;
    return 1 + commas + Math.min(3, len / 100.0);
  }

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> LINK_LIST_CANDIDATES = Set.of("ul", "ol", "div", "section", "table", "dl", "p", "li", "span");

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
    if (links >= 2 && density >= 0.5) return true;
    return density >= 0.9 && total < 80 && !e.normalName().equals("span");
  }

  /** @param mainText text length of the main element: a block holding much of it is content, not a link list */
  private static void render(Node node, StringBuilder sb, TextStats stats, int mainText) {
    if (node instanceof TextNode t) {
      String s = WHITESPACE.matcher(t.getWholeText()).replaceAll(" ");
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
    boolean block = BLOCKS.contains(tag);
    if (block) newline(sb);
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
      render(c, sb, stats, mainText);
      if (c instanceof Element ce && HEADINGS.contains(ce.normalName())) headingStart = before;
      else if (sb.length() > before && !(c instanceof TextNode tn && tn.isBlank())) headingStart = -1;
    }
    if (block) newline(sb);
  }

  private static void newline(StringBuilder sb) {
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == ' ') n--;
    sb.setLength(n);
    if (n > 0 && sb.charAt(n - 1) != '\n') sb.append('\n');
  }

  private static String postProcess(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.equals("-")) continue;
      if (out.length() > 0) out.append('\n');
      out.append(t);
    }
    return out.toString();
  }
}
