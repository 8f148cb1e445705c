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
    return find(doc, new PageMetadata(doc));
  }

  static String find(Document doc, PageMetadata page) {
    for (Element m : new Element[] {page.ogTitle, page.twitterTitleByName, page.twitterTitleByProperty}) {
      if (m != null && !m.attr("content").isBlank()) return m.attr("content").strip();
    }
    String title = doc.title().strip();
    if (!title.isEmpty()) return title;
    return page.firstH1 == null ? "" : page.firstH1.text().strip();
  }
}
