package io.winnow.step.extract;

import java.util.Locale;
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

  private static final Pattern CLASS_OR_ID = Pattern.compile(
      "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|menus|submenu|header|masthead|footer|sidebar|side-bar|widget|widgets|"
          + "breadcrumbs?|cookies?|consent|gdpr|banner|advert|advertisement|ads?|adsense|sponsor|promo|share|sharing|"
          + "social|related|recommended|popular|trending|newsletter|subscribe|subscription|signup|login|register|"
          + "search|searchform|pagination|pager|tags|tagcloud|taglist|comments?|comment-list|respond|reply|disqus|"
          + "author-?bio|author-?box|author-?description|author-?info|author-?longdesc|about-?(?:the-?)?author|post-?author|"
          + "(?:image|img|photo|foto|bild|picture)-?(?:subtitle|source|author|credits?|caption|metadata|copyright)|"
          + "bilduntertitel|bildunterschrift|bildquelle|byline-?share|toolbar|skip|skiplink|modal|popup|overlay|print-only|rating|"
          + "copyright|legal|sitemap|topbar|top-bar|shop|cart|slider|carousel|teasers|more-stories|"
          + "form|caption|credits?|photo-?credits?|image-?credits?|bildnachweis|byline|dateline|timestamp|"
          + "entry-meta|post-meta|article-meta|postmetadata|meta-data|read-?more|see-?also|also-?read|"
          + "print|rss|feedback|survey|paywall)"
          + "(?:$|[\\s_-])");

  /** Class words of elements that are hidden by the page's own style sheet. */
  private static final Pattern HIDDEN_CLASS = Pattern.compile(
      "(?:^|\\s)(?:hidden|hide|d-none|sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|"
          + "element-invisible|invisible|offscreen|is-hidden|u-hidden)(?:$|\\s)");

  private Boilerplate() {}

  /** Tag-level furniture: removed wherever it is. */
  static boolean isFurnitureTag(Element e) {
    return DROP_TAGS.contains(e.normalName());
  }

  /** Not shown to a reader: {@code hidden}, {@code aria-hidden}, inline display:none, or a hiding class. */
  static boolean isHidden(Element e) {
    if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) return true;
    String style = e.attr("style");
    if (!style.isEmpty()) {
      style = style.replace(" ", "").toLowerCase(Locale.ROOT);
      if (style.contains("display:none") || style.contains("visibility:hidden")) return true;
    }
    String cls = e.className();
    return !cls.isEmpty() && HIDDEN_CLASS.matcher(cls.toLowerCase(Locale.ROOT)).find();
  }

  /** Furniture by role or class/id words; the caller spares large containers (wrappers). */
  static boolean isBoilerplate(Element e) {
    String tag = e.normalName();
    if (DROP_TAGS.contains(tag)) return true;
    if (tag.equals("header") && !insideArticle(e)) return true;
    if (tag.equals("form")) return true;
    if (tag.equals("figcaption")) return true;
    String role = e.attr("role").toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && DROP_ROLES.contains(role)) return true;
    String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    if (words.isBlank()) return false;
    if (isContentName(words)) return false;
    return CLASS_OR_ID.matcher(words).find();
  }

  /**
   * Class words that name a layout role rather than furniture: an article's header holds its lead paragraph,
   * a paywall container holds the story's tail, "print" marks
   * what the print style sheet keeps ("print-full", "recipe-print-step").
   */
  private static final Pattern LAYOUT_WORD = Pattern.compile(
      "(?:^|[\\s_-])(?:header|paywall|print)(?=$|[\\s_-])");

  /**
   * Furniture only by a layout word (or a {@code <header>} tag): furniture when it holds no prose, kept
   * otherwise (the caller decides).
   */
  static boolean isLayoutOnly(Element e) {
    String tag = e.normalName();
    String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    if (DROP_TAGS.contains(tag) || tag.equals("form") || tag.equals("figcaption")) return false;
    String role = e.attr("role").toLowerCase(Locale.ROOT);
    if (!role.isEmpty() && DROP_ROLES.contains(role)) return false;
    String rest = LAYOUT_WORD.matcher(words).replaceAll(" ");
    if (CLASS_OR_ID.matcher(rest).find()) return false;
    return tag.equals("header") || !rest.equals(words);
  }

  private static final Pattern ALWAYS_FURNITURE = Pattern.compile("(?:^|[\\s_-])(?:comments?|comment-list|disqus|respond)(?:$|[\\s_-])");

  /** Reader comments: furniture however much text they hold (a long thread can outweigh the article). */
  static boolean isCommentSection(Element e) {
    String words = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return !words.isBlank() && !isContentName(words) && ALWAYS_FURNITURE.matcher(words).find();
  }

  private static final Pattern CONTENT_NAME = Pattern.compile(
      "(?:^|[\\s_-])(?:article-?body|post-?body|entry-?content|post-?content|story-?body|main-?content|article-?content|articletext|storytext)(?:$|[\\s_-])");

  /** Names that say "main content" win over furniture words in the same attribute ("post-content-tags"?). */
  static boolean isContentName(String words) {
    return CONTENT_NAME.matcher(words).find();
  }

  private static boolean insideArticle(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) if (p.normalName().equals("article")) return true;
    return false;
  }
}
