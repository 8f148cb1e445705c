package io.winnow.step.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * HTML → main-content text. Steps, each small: (1) drop page furniture ({@link Boilerplate}): furniture tags,
 * hidden elements, furniture by role and class/id words, HTML comments, and keep {@code <noscript>} content
 * only when it is real text; (2) pick the container: an explicit {@code articleBody}/{@code <article>}/{@code
 * <main>} chosen by its prose (not its raw text, so a related-posts {@code <article>} loses to the story), else
 * the element whose children's paragraphs score best ({@link TextStats}); (3) render it ({@link TextRenderer})
 * with the prose blocks and the sections under headings of the same level beside it; (4) drop repeated,
 * credit, prompt and date/byline lines ({@link LineFilter}). Deterministic, stateless and thread-safe.
 */
public final class MainContentExtractor {
  private final ExtractOptions options;

  public MainContentExtractor() {
    this(ExtractOptions.defaults());
  }

  public MainContentExtractor(ExtractOptions options) {
    this.options = options;
  }

  /**
   * The extracted text, the page title and publication date ({@code yyyy-MM-dd}, "" when unknown), and the
   * reader comments ("" unless comments are on).
   */
  public record Result(String text, String title, String date, String comments) {}

  public Result extract(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    PageMetadata page = new PageMetadata(doc);
    String title = PageTitle.find(doc, page);
    String date = PageDate.find(page, baseUri);
    Element body = doc.body();
    if (body == null) return new Result("", title, date, "");
    Boilerplate furniture = new Boilerplate();
    String comments = options.comments() ? comments(body, furniture) : "";
    clean(body, furniture);
    TextStats stats = new TextStats(body);
    Element main = chooseMain(body, stats);
    TextRenderer renderer = new TextRenderer(stats, options, Math.max(1, stats.text(main)));
    StringBuilder sb = new StringBuilder();
    for (Element part : withProseSiblings(main, stats)) renderer.render(part, sb);
    return new Result(LineFilter.apply(sb.toString(), options), title, date, comments);
  }

  /** The text of the reader-comment sections, rendered apart before cleaning removes them. */
  private String comments(Element body, Boilerplate furniture) {
    StringBuilder sb = new StringBuilder();
    for (Element e : body.getAllElements()) {
      if (e == body || !furniture.isCommentSection(e)) continue;
      boolean nested = false;
      for (Element p = e.parent(); p != null && !nested; p = p.parent()) nested = furniture.isCommentSection(p);
      if (nested) continue;
      Element copy = e.clone();
      copy.select("form, button, input, textarea, select, script, style, nav").remove();
      TextStats s = new TextStats(copy);
      new TextRenderer(s, options, Math.max(1, s.text(copy))).render(copy, sb);
    }
    return LineFilter.apply(sb.toString(), options);
  }

  private void clean(Element root, Boilerplate furniture) {
    List<Node> remove = new ArrayList<>();
    boolean captionsAreText = options.recall() || isGallery(root);
    // captions read as paragraphs: their class words ("slide-caption") say caption, which is furniture elsewhere
    Set<Element> captionParagraphs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    root.traverse((node, depth) -> {
      if (node instanceof Comment) remove.add(node);
      else if (node instanceof Element e && e != root) {
        // a modal dialog goes with the furniture tags, before the page's text is measured: a consent manager's
        // cookie tables must not make the story look like a small part of the page
        if (Boilerplate.isFurnitureTag(e) || Boilerplate.isModalDialog(e)) remove.add(e);
        else if (e.normalName().equals("noscript") && !isRealText(e)) remove.add(e);
        else if (captionsAreText && e.normalName().equals("figcaption")) {
          e.tagName("p");
          captionParagraphs.add(e);
        }
      }
    });
    removeAll(remove);
    // hidden elements and furniture by class/id/role, but never a container with much of the page's text:
    // class names of layout wrappers ("page-header-wrap", "menu-open") say little about what they hold, and a
    // page may hide its whole body until a script runs
    TextStats stats = new TextStats(root);
    int total = Math.max(1, stats.text(root));
    double totalProse = stats.prose(root);
    Set<Element> storyWrappers = storyWrappers(root, furniture);
    root.traverse((node, depth) -> {
      if (!(node instanceof Element e) || e == root) return;
      int len = stats.text(e);
      if (furniture.isHidden(e) && len < 0.5 * total) remove.add(e);
      else if (furniture.isCommentSection(e)) remove.add(e);
      else if (furniture.isBoilerplate(e) && len < 0.3 * total && !storyWrappers.contains(e) && !captionParagraphs.contains(e) && !holdsTheStory(e, stats, totalProse)
          && !(furniture.isLayoutOnly(e) && stats.prose(e) > 0 && stats.linkDensity(e) < 0.5) && !isCodeCaption(e, stats)) remove.add(e);
    });
    removeAll(remove);
  }

  /**
   * A class/id word says furniture ("modal-enabled", "box-promo") but the
   * element holds much of the page's prose with few links: a wrapper of the story, not furniture. Menus, link
   * lists and teaser blocks have little prose of their own or many links.
   */
  private static boolean holdsTheStory(Element e, TextStats stats, double totalProse) {
    return stats.prose(e) >= 0.4 * totalProse && stats.linkDensity(e) < 0.5;
  }


  /**
   * A gallery or slideshow page ("90+ costumes to make", a photo essay): its text is in the captions of its
   * pictures, at least {@value #GALLERY_CAPTIONS} of them of {@value #GALLERY_CAPTION_CHARS}+ characters holding
   * {@value #GALLERY_SHARE} of the page's text or more. Captions are furniture beside a story, the story itself here.
   */
  private static boolean isGallery(Element root) {
    int captions = 0;
    long captionChars = 0;
    for (Element c : root.getElementsByTag("figcaption")) {
      int n = c.text().length();
      if (n < GALLERY_CAPTION_CHARS) continue;
      captions++;
      captionChars += n;
    }
    return captions >= GALLERY_CAPTIONS && captionChars >= GALLERY_SHARE * root.text().length();
  }

  private static final int GALLERY_CAPTIONS = 5;
  private static final int GALLERY_CAPTION_CHARS = 80;
  private static final double GALLERY_SHARE = 0.4;

  /**
   * A caption beside a code example ("Listing 18-8: Attempting to use a refutable pattern", right after the
   * {@code <pre>}): it says what the code shows, and the code is kept, so it is text; captions of pictures are not.
   */
  private static boolean isCodeCaption(Element e, TextStats stats) {
    if (!e.className().toLowerCase(Locale.ROOT).contains("caption")) return false;
    Element block = e;
    // a caption span that is all of its paragraph stands for the paragraph
    if (!TextStats.BLOCKS.contains(e.normalName()) && e.parent() != null && stats.text(e.parent()) == stats.text(e)) block = e.parent();
    Element before = block.previousElementSibling(), after = block.nextElementSibling();
    return before != null && isCodeExample(before) || after != null && isCodeExample(after);
  }

  /** The ancestors of an element named as the story ({@code itemprop=articleBody}, "entry-content", "post-body"...). */
  private static Set<Element> storyWrappers(Element root, Boilerplate furniture) {
    Set<Element> wrappers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e : root.getAllElements()) {
      boolean story = e.attr("itemprop").equals("articleBody") || furniture.isContentName(e);
      if (story) for (Element p = e.parent(); p != null && p != root && wrappers.add(p); p = p.parent()) {}
    }
    return wrappers;
  }


  /** A {@code <noscript>} holding text a reader would see (not a tracking pixel or an "enable JavaScript" note). */
  private static boolean isRealText(Element noscript) {
    String t = noscript.text();
    return t.length() >= 100 && !t.toLowerCase(Locale.ROOT).contains("javascript");
  }

  private static void removeAll(List<Node> nodes) {
    for (Node n : nodes) if (n.parent() != null) n.remove();
    nodes.clear();
  }

  /**
   * An explicit container, when one holds enough of the page's prose, chosen by prose times (1 − link density)
   * among its kind; articleBody needs less (it names the story itself, even beside a long comment thread).
   */
  private static final String[] EXPLICIT = {"[itemprop=articleBody]", "article", "main, [role=main]"};
  private static final double[] EXPLICIT_SHARE = {0.15, 0.3, 0.3};

  /** The element holding the main content. */
  private Element chooseMain(Element body, TextStats stats) {
    double totalProse = Math.max(1e-9, stats.prose(body));
    for (int i = 0; i < EXPLICIT.length; i++) {
      Element best = null;
      double bestScore = 0;
      for (Element e : body.select(EXPLICIT[i])) {
        double s = stats.prose(e) * (1 - stats.linkDensity(e));
        if (s > bestScore) {
          best = e;
          bestScore = s;
        }
      }
      if (best != null && stats.prose(best) >= EXPLICIT_SHARE[i] * totalProse && stats.text(best) > 200) return best;
    }
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.getAllElements()) {
      double s = stats.ownScore(p);
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
    // a container with little of the page's prose is probably a fragment: widen while the parent adds prose
    while (best != body && best.parent() != null && stats.prose(best) < 0.5 * totalProse) {
      Element parent = best.parent();
      if (stats.linkDensity(parent) > 0.4) break;
      best = parent;
    }
    return best;
  }

  /**
   * The main element with the siblings that also read as prose (a lead paragraph or standfirst just before
   * the article body, a closing paragraph after it): long enough, few links, ending a sentence, and not
   * several paragraphs under headings — a block of headed teasers beside the story is not its standfirst.
   */
  private List<Element> withProseSiblings(Element main, TextStats stats) {
    Element parent = main.parent();
    if (parent == null || main.normalName().equals("body") || options.precision()) return List.of(main);
    // climb the wrappers that add little text to the main element: a lead paragraph often sits beside one of them
    // ("div.row > div.teaser-text" beside "div.row > div.col > div[itemprop=articleBody]")
    Set<Element> path = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Element top = main;
    path.add(main);
    while (top.parent() != null && top.parent().parent() != null && !top.parent().normalName().equals("body")
        && stats.text(top.parent()) <= 1.5 * stats.text(top)) {
      top = top.parent();
      path.add(top);
    }
    List<Element> parts = new ArrayList<>();
    collect(top.parent(), main, path, stats, parts);
    return parts;
  }

  /**
   * The main element and the prose children of the wrappers on the way to it, in document order, with the
   * sections parallel to the one on the way.
   */
  private static void collect(Element level, Element main, Set<Element> path, TextStats stats, List<Element> parts) {
    Element onPath = null;
    for (Element child : level.children()) if (child == main || path.contains(child)) onPath = child;
    String sectionHeading = onPath == null ? null : sectionHeading(onPath);
    Element previous = null;
    for (Element child : level.children()) {
      if (child == main) parts.add(child);
      else if (path.contains(child)) collect(child, main, path, stats, parts);
      else if (isProse(child, stats) || isParallelSection(child, onPath, stats) || isSiblingSection(child, sectionHeading, stats)) parts.add(child);
      else if (onPath != null && child.elementSiblingIndex() < onPath.elementSiblingIndex() && isTitleBlock(child, stats)) parts.add(child);
      // the one-line summary under a bare title heading ("<h1>QMutex Class</h1><p>The QMutex class provides …</p>")
      else if (onPath != null && child.elementSiblingIndex() < onPath.elementSiblingIndex() && previous != null
          && !parts.isEmpty() && parts.get(parts.size() - 1) == previous && isTitleHeading(previous) && isSubtitle(child, stats)) parts.add(child);
      // the code example a kept paragraph introduces ("… as follows:", "For example,") belongs with it
      else if (previous != null && !parts.isEmpty() && parts.get(parts.size() - 1) == previous && endsIntroducing(previous)
          && isCodeExample(child)) parts.add(child);
      previous = child;
    }
  }

  /** The page's title with its one-line purpose or subtitle ("GtkLabel — A widget that displays text"), before the text. */
  private static boolean isTitleBlock(Element e, TextStats stats) {
    int len = stats.text(e);
    if (len == 0 || len > 300 || stats.linkDensity(e) > 0.2) return false;
    return !e.select("h1, h2").isEmpty();
  }

  private static boolean isTitleHeading(Element e) {
    return e.normalName().equals("h1") || e.normalName().equals("h2");
  }

  /** A short paragraph, less than 40 % of it links (a summary names the classes it is about): a title's second line. */
  private static boolean isSubtitle(Element e, TextStats stats) {
    int len = stats.text(e);
    return e.normalName().equals("p") && len > 0 && len <= 300 && stats.linkDensity(e) < 0.4;
  }

  private static boolean endsIntroducing(Element e) {
    String t = e.text().strip();
    return !t.isEmpty() && (t.charAt(t.length() - 1) == ':' || t.charAt(t.length() - 1) == ',');
  }

  /** A {@code <pre>}, or a block holding only one (an "example" wrapper). */
  private static boolean isCodeExample(Element e) {
    return e.normalName().equals("pre") || e.children().size() == 1 && e.child(0).normalName().equals("pre");
  }

  /**
   * A sibling of the same kind as the chosen block (same tag, same class: the other {@code div.section}s of a
   * chapter, the other {@code div.refsect1}s of a reference page) that holds prose with few links: the chosen
   * block is the longest section of the text, not all of it. Teaser and link blocks of the same kind have many
   * links, or no prose of their own.
   */
  private static boolean isParallelSection(Element e, Element chosen, TextStats stats) {
    if (chosen == null || !e.normalName().equals(chosen.normalName())) return false;
    String tag = e.normalName();
    if (!tag.equals("div") && !tag.equals("section")) return false;
    if (!e.className().equals(chosen.className()) || (tag.equals("div") && e.className().isEmpty())) return false;
    return stats.prose(e) > 0 && stats.linkDensity(e) < 0.2;
  }

  private static boolean isProse(Element e, TextStats stats) {
    int len = stats.text(e);
    if (len < 80 || stats.linkDensity(e) > 0.2) return false;
    if (e.select("p").size() > 2 && !e.select("h1, h2, h3, h4, h5, h6").isEmpty()) return false;
    String t = e.text().strip();
    if (t.isEmpty()) return false;
    char last = t.charAt(t.length() - 1);
    return ".!?\"”'»:".indexOf(last) >= 0 || last == ',' && introducesExample(e);
  }

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  /**
   * A section of the same text as the block on the way to the container: it opens with a heading of the same
   * level as that block's ("Description" beside "Data Types", both {@code h3}; "Member Function Documentation"
   * beside "Detailed Description", both {@code h2}), a heading that is not a link, and holds paragraph prose
   * with few links. Such a section may end on a reference ("wxWidgets docs: wxGraphicsPath") and name the classes
   * it describes, so it needs no closing full stop and may be a little richer in links than a lead paragraph.
   * Boxes beside a story open with headings of their own level, or with linked titles (teasers).
   */
  private static boolean isSiblingSection(Element e, String sectionHeading, TextStats stats) {
    if (sectionHeading == null) return false;
    Element h = leadingHeading(e);
    if (h == null || !h.normalName().equals(sectionHeading) || stats.linkDensity(h) >= 0.5) return false;
    return stats.prose(e) >= 2 && stats.linkDensity(e) <= 0.3 && !isHeadedTeasers(e, stats);
  }

  /**
   * The heading level a block's section opens with: that of a heading (or heading-only block) just before it
   * ({@code <div><h3>Exports</h3></div>} before the list of exports), else its own leading heading.
   */
  private static String sectionHeading(Element block) {
    Element before = block.previousElementSibling();
    Element h = null;
    if (before != null && before.text().length() < 100) h = HEADINGS.contains(before.normalName()) ? before : leadingHeading(before);
    if (h == null) h = leadingHeading(block);
    return h == null ? null : h.normalName();
  }

  /** The heading a block opens with (its first element child, or that child's first, down to three levels), or null. */
  private static Element leadingHeading(Element e) {
    Element first = e;
    for (int depth = 0; depth <= 3 && first != null; depth++) {
      if (HEADINGS.contains(first.normalName())) return first == e ? null : first;
      first = first.firstElementChild();
    }
    return null;
  }

  /** Headings that are mostly links: teasers, each title linking to its story. */
  private static boolean isHeadedTeasers(Element e, TextStats stats) {
    int headings = 0, linked = 0;
    for (Element h : e.select("h1, h2, h3, h4, h5, h6")) {
      if (stats.text(h) == 0) continue;
      headings++;
      if (stats.linkDensity(h) >= 0.5) linked++;
    }
    return headings > 0 && 2 * linked >= headings;
  }

  /** A paragraph ending "For example," before a code example: it runs on into the example, like one ending ":". */
  private static boolean introducesExample(Element e) {
    Element next = e.nextElementSibling();
    return next != null && isCodeExample(next);
  }
}
