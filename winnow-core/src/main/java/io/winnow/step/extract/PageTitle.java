package io.winnow.step.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page title: {@code og:title} / {@code twitter:title} when the page sets one, else {@code <title>}, else
 * the first {@code <h1>}.
 */
final class PageTitle {
  private PageTitle() {}

  static String find(Document doc) {
    for (String key : new String[] {"meta[property=og:title]", "meta[name=twitter:title]", "meta[property=twitter:title]"}) {
      Element m = doc.selectFirst(key);
      if (m != null && !m.attr("content").isBlank()) return m.attr("content").strip();
    }
    String title = doc.title().strip();
    if (!title.isEmpty()) return title;
    Element h1 = doc.selectFirst("h1");
    return h1 == null ? "" : h1.text().strip();
  }
}
