package io.winnow.step.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Text length, link-text length and prose score of every element, computed once bottom-up (whitespace runs
 * count as one character), so scoring and link-density checks never re-read a subtree. The prose score of a
 * paragraph-like element is 1 + its commas (none for {@code <pre>}) + up to 3 for its own text (text nodes and
 * inline children, links excluded), when that text is at least 25 characters; an element's prose is the sum over
 * its subtree.
 */
final class TextStats {
  static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
      "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "br", "hr", "td", "th", "header",
      "figcaption", "address", "details", "summary", "center", "body", "figure", "form", "noscript", "tbody", "thead");

  private static final Set<String> PROSE_TAGS = Set.of("p", "pre", "blockquote", "td", "li", "div", "h1", "h2", "h3", "dd", "section");

  private record Stats(int text, int links, double ownScore, double prose) {}

  private final Map<Element, Stats> stats = new IdentityHashMap<>();

  TextStats(Element root) {
    root.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {}

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) return;
        int text = 0, links = 0, own = 0, commas = 0;
        double prose = 0;
        for (Node c : e.childNodes()) {
          if (c instanceof TextNode t) {
            String s = t.getWholeText();
            int n = collapsedLength(s);
            text += n;
            own += n;
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ',') commas++;
          } else if (c instanceof Element ce) {
            Stats l = stats.get(ce);
            if (l == null) continue;
            text += l.text;
            links += l.links;
            prose += l.prose;
            if (!BLOCKS.contains(ce.normalName())) own += l.text - l.links;
          }
        }
        if (e.normalName().equals("a")) links = text;
        // the commas of code (argument lists) say nothing about prose: a code example scored by them outweighs
        // the paragraphs around it and is taken for the text
        if (e.normalName().equals("pre")) commas = 0;
        double ownScore = PROSE_TAGS.contains(e.normalName()) && own >= 25 ? 1 + commas + Math.min(3, own / 100.0) : 0;
        stats.put(e, new Stats(text, links, ownScore, prose + ownScore));
      }
    });
  }

  int text(Element e) {
    Stats l = stats.get(e);
    return l == null ? e.text().length() : l.text;
  }

  double prose(Element e) {
    Stats l = stats.get(e);
    return l == null ? 0 : l.prose;
  }

  /** The element's own paragraph score (0 unless it is a paragraph-like element with 25+ characters of its own). */
  double ownScore(Element e) {
    Stats l = stats.get(e);
    return l == null ? 0 : l.ownScore;
  }

  double linkDensity(Element e) {
    Stats l = stats.get(e);
    if (l == null || l.text == 0) return 1;
    return (double) l.links / l.text;
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
