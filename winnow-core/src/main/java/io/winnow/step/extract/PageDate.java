package io.winnow.step.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The publication date of a page, as {@code yyyy-MM-dd}, from the most to the least explicit source (the order
 * htmldate uses): meta tags, JSON-LD {@code datePublished}, {@code itemprop=datePublished}, {@code <time
 * datetime>}, then a date in the URL path. Dates before 1995 or after 2100 are ignored (copyright years,
 * placeholder values).
 */
final class PageDate {
  private static final List<String> META_NAMES = List.of("article:published_time", "og:published_time",
      "article.published", "datepublished", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created",
      "dcterms.date", "dcterms.issued", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
      "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "og:updated_time",
      "article:modified_time", "last-modified", "dc.date.modified", "dcterms.modified");

  private static final Pattern JSON_LD_DATE = Pattern.compile("\"(?:datePublished|dateCreated|dateModified)\"\\s*:\\s*\"([^\"]{8,40})\"");
  private static final Pattern ISO = Pattern.compile("((?:19|20|21)\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})");
  private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?((?:19|20)\\d\\d)");
  private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d\\d)[/-](\\d{1,2})[/-](\\d{1,2})(?:/|[-_]|$)");
  private static final Pattern URL_COMPACT = Pattern.compile("/((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?:/|[-_.]|$)");

  private PageDate() {}

  /** The date, or "" when the page names none. */
  static String find(Document doc, String url) {
    return find(new PageMetadata(doc), url);
  }

  static String find(PageMetadata page, String url) {
    String best = fromMeta(page.metas);
    if (best.isEmpty()) best = fromJsonLd(page.jsonLd);
    if (best.isEmpty()) best = fromElements(page.dated);
    if (best.isEmpty() && url != null) best = fromUrl(url);
    return best;
  }

  private static String fromMeta(List<Element> metas) {
    String found = "";
    int rank = Integer.MAX_VALUE;
    for (Element m : metas) {
      String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
      if (key.isEmpty() && m.hasAttr("http-equiv")) key = m.attr("http-equiv");
      int r = META_NAMES.indexOf(key.toLowerCase(Locale.ROOT));
      if (r < 0 || r >= rank) continue;
      String d = parse(m.attr("content"));
      if (!d.isEmpty()) {
        found = d;
        rank = r;
      }
    }
    return found;
  }

  private static String fromJsonLd(List<Element> scripts) {
    for (Element s : scripts) {
      Matcher m = JSON_LD_DATE.matcher(s.data());
      if (m.find()) {
        String d = parse(m.group(1));
        if (!d.isEmpty()) return d;
      }
    }
    return "";
  }

  private static String fromElements(List<Element> dated) {
    for (Element e : dated) {
      String d = parse(e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text());
      if (!d.isEmpty()) return d;
    }
    return "";
  }

  static String fromUrl(String url) {
    Matcher m = URL_DATE.matcher(url);
    if (m.find()) return format(m.group(1), m.group(2), m.group(3));
    m = URL_COMPACT.matcher(url);
    if (m.find()) return format(m.group(1), m.group(2), m.group(3));
    return "";
  }

  /** An ISO-like (2020-03-04, 2020/03/04, 2020-03-04T10:00Z) or dotted (04.03.2020) date, or "". */
  static String parse(String s) {
    if (s == null || s.isBlank()) return "";
    Matcher m = ISO.matcher(s);
    if (m.find()) return format(m.group(1), m.group(2), m.group(3));
    m = DOTTED.matcher(s);
    if (m.find()) return format(m.group(3), m.group(2), m.group(1));
    return "";
  }

  private static String format(String year, String month, String day) {
    int y = Integer.parseInt(year), mo = Integer.parseInt(month), d = Integer.parseInt(day);
    if (y < 1995 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return "";
    return String.format(Locale.ROOT, "%04d-%02d-%02d", y, mo, d);
  }
}
