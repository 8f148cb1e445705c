package io.winnow.step.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Recognises page furniture by tag, ARIA role, visibility and class or id words: navigation, headers, footers,
 * ads, captions and credits, bylines...
 */
final class Boilerplate {
  /**
   * Tags that never hold main content. {@code form} is not one: ASP.NET pages wrap the whole page in one, so
   * forms go by the class/id rule (small ones only); {@code noscript} and {@code figure} are handled apart.
   */
  static final Set<String> DROP_TAGS = Set.of("script", "style", "iframe", "svg", "canvas", "button",
      "select", "input", "textarea", "nav", "aside", "footer", "template", "object", "embed", "video", "audio", "map",
      "menu", "dialog", "option");

  private static final Set<String> DROP_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "menu",
      "menubar", "search", "dialog", "alert", "toolbar", "alertdialog", "tooltip");

  private static final ClassWords CLASS_OR_ID = new ClassWords(
      "nav|navbar|navigation|menu|menus|submenu|header|masthead|footer|sidebar|side-bar|widget|widgets|"
          + "breadcrumbs?|cookies?|consent|gdpr|banner|advert|advertisement|ads?|adsense|sponsor|promo|share|sharing|"
          + "social|related|recommended|popular|trending|newsletter|subscribe|subscription|signup|login|register|"
          + "search|searchform|pagination|pager|tags|tagcloud|taglist|comments?|comment-list|respond|reply|disqus|"
          + "author-?bio|author-?box|author-?description|author-?info|author-?longdesc|about-?(?:the-?)?author|post-?author|"
          + "(?:image|img|photo|foto|bild|picture)-?(?:subtitle|source|author|credits?|caption|metadata|copyright)|"
          + "bilduntertitel|bildunterschrift|bildquelle|byline-?share|toolbar|skip|skiplink|modal|popup|overlay|print-only|rating|"
          + "copyright|legal|sitemap|topbar|top-bar|shop|cart|slider|carousel|teasers|more-stories|"
          + "form|caption|credits?|photo-?credits?|image-?credits?|bildnachweis|byline|dateline|timestamp|"
          + "entry-meta|post-meta|article-meta|postmetadata|meta-data|read-?more|see-?also|also-?read|"
          + "print|rss|feedback|survey|paywall");

  /** Class words of elements that are hidden by the page's own style sheet. */
  private static final ClassWords HIDDEN_CLASS = ClassWords.betweenWhitespace(
      "hidden|hide|d-none|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|"
          + "element-invisible|invisible|offscreen|is-hidden|u-hidden");

  private static final ClassWords ALWAYS_FURNITURE = new ClassWords("comments?|comment-list|disqus|respond");

  private static final ClassWords CONTENT_NAME = new ClassWords(
      "article-?body|post-?body|entry-?content|post-?content|story-?body|main-?content|article-?content|articletext|storytext");

  /**
   * Class words that name a layout role rather than furniture: an article's header holds its lead paragraph,
   * a paywall container holds the story's tail, "print" marks what the print style sheet keeps ("print-full",
   * "recipe-print-step").
   */
  private static final Pattern LAYOUT_WORD = Pattern.compile("(?:^|[\\s_-])(?:header|paywall|print)(?=$|[\\s_-])");

  // what the class and id words of an element say, as bits; computed once per distinct class/id pair of a page
  private static final int FURNITURE_WORD = 1, COMMENT_WORD = 2, CONTENT_WORD = 4, LAYOUT_WORD_ONLY = 8,
      FURNITURE_BEYOND_LAYOUT = 16, HIDING_CLASS = 32;

  /**
   * Class and id attributes repeat across a page (hundreds of "menu-item"s), and the word patterns are the costly
   * part of cleaning: one instance per page remembers each pair's answer. Not thread-safe; one per extraction.
   */
  private final Map<String, Integer> wordFlags = new HashMap<>();

  Boilerplate() {}

  private int flags(Element e) {
    String cls = e.className(), id = e.id();
    if (cls.isEmpty() && id.isEmpty()) return 0;
    String key = id.isEmpty() ? cls : cls + '\u0001' + id;
    Integer known = wordFlags.get(key);
    if (known != null) return known;
    int f = wordFlags(cls, id);
    wordFlags.put(key, f);
    return f;
  }

  /**
   * A page builder's name for every block of a page: Elementor calls each block, the story's text blocks included,
   * "elementor-widget" ("elementor-widget elementor-widget-text-editor", "elementor-widget-container"), so the word
   * says nothing of furniture there. Only the prefix goes: the block's type after it ("nav-menu", "sidebar",
   * "theme-post-content") is still read.
   */
  private static final Pattern BUILDER_BLOCK = Pattern.compile("elementor-widget(?:-container|-wrap)?(?=$|[\\s_-])");

  /** An element's class and id words, lower case, a page builder's block prefix left out ({@link #BUILDER_BLOCK}). */
  private static String classIdWords(String cls, String id) {
    String words = (cls + " " + id).toLowerCase(Locale.ROOT);
    return words.contains("elementor-widget") ? BUILDER_BLOCK.matcher(words).replaceAll(" ") : words;
  }

  private static int wordFlags(String cls, String id) {
    String words = classIdWords(cls, id);
    int f = 0;
    if (!cls.isEmpty() && HIDDEN_CLASS.find(cls.toLowerCase(Locale.ROOT))) f |= HIDING_CLASS;
    if (words.isBlank()) return f;
    boolean content = CONTENT_NAME.find(words);
    if (content) f |= CONTENT_WORD;
    else {
      if (CLASS_OR_ID.find(words)) f |= FURNITURE_WORD;
      if (ALWAYS_FURNITURE.find(words)) f |= COMMENT_WORD;
    }
    return f;
  }

  /** The layout-word bits, asked for only of the few elements furniture words would remove. */
  private static int layoutFlags(String cls, String id) {
    String words = classIdWords(cls, id);
    String rest = LAYOUT_WORD.matcher(words).replaceAll(" ");
    int f = 0;
    if (CLASS_OR_ID.find(rest)) f |= FURNITURE_BEYOND_LAYOUT;
    if (!rest.equals(words)) f |= LAYOUT_WORD_ONLY;
    return f;
  }

  /** Tag-level furniture: removed wherever it is. */
  static boolean isFurnitureTag(Element e) {
    return DROP_TAGS.contains(e.normalName());
  }

  /** Not shown to a reader: {@code hidden}, {@code aria-hidden}, inline display:none, or a hiding class. */
  boolean isHidden(Element e) {
    if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) return true;
    String style = e.attr("style");
    if (!style.isEmpty()) {
      style = style.replace(" ", "").toLowerCase(Locale.ROOT);
      if (style.contains("display:none") || style.contains("visibility:hidden")) return true;
    }
    return (flags(e) & HIDING_CLASS) != 0;
  }

  /**
   * A modal dialog ({@code aria-modal="true"} on a dialog role): an overlay over the page — cookie consent, a
   * newsletter or login prompt — never its content, however much text it holds (a consent manager's cookie tables
   * can outweigh a short article).
   */
  static boolean isModalDialog(Element e) {
    if (!e.attr("aria-modal").equalsIgnoreCase("true")) return false;
    String role = e.attr("role").toLowerCase(Locale.ROOT);
    return role.equals("dialog") || role.equals("alertdialog");
  }

  /** Furniture by role or class/id words; the caller spares large containers (wrappers). */
  boolean isBoilerplate(Element e) {
    String tag = e.normalName();
    if (DROP_TAGS.contains(tag)) return true;
    if (tag.equals("header") && !insideArticle(e)) return true;
    if (tag.equals("form")) return true;
    if (tag.equals("figcaption")) return true;
    if (hasDropRole(e)) return true;
    return (flags(e) & FURNITURE_WORD) != 0;
  }

  /**
   * Furniture only by a layout word (or a {@code <header>} tag): furniture when it holds no prose, kept
   * otherwise (the caller decides).
   */
  boolean isLayoutOnly(Element e) {
    String tag = e.normalName();
    if (DROP_TAGS.contains(tag) || tag.equals("form") || tag.equals("figcaption")) return false;
    if (hasDropRole(e)) return false;
    int f = layoutFlags(e.className(), e.id());
    if ((f & FURNITURE_BEYOND_LAYOUT) != 0) return false;
    return tag.equals("header") || (f & LAYOUT_WORD_ONLY) != 0;
  }

  private static boolean hasDropRole(Element e) {
    String role = e.attr("role");
    return !role.isEmpty() && DROP_ROLES.contains(role.toLowerCase(Locale.ROOT));
  }

  /** Reader comments: furniture however much text they hold (a long thread can outweigh the article). */
  boolean isCommentSection(Element e) {
    return (flags(e) & COMMENT_WORD) != 0;
  }

  /** Class or id words that say "main content" ("article-body", "entry-content"); they win over furniture words. */
  boolean isContentName(Element e) {
    return (flags(e) & CONTENT_WORD) != 0;
  }

  private static boolean insideArticle(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) if (p.normalName().equals("article")) return true;
    return false;
  }
}
