package io.winnow.step.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

/**
 * The elements {@link PageTitle} and {@link PageDate} read, gathered in one walk over the document instead of one
 * selector query each (walking a large page is most of their cost). Document order, as the selectors gave them.
 */
final class PageMetadata {
  final List<Element> metas = new ArrayList<>();
  final List<Element> jsonLd = new ArrayList<>();
  /** {@code [itemprop=datePublished], time[pubdate], time[datetime]}. */
  final List<Element> dated = new ArrayList<>();
  Element ogTitle, twitterTitleByName, twitterTitleByProperty, firstH1;

  PageMetadata(Document doc) {
    doc.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) visit(e);
      }
    });
  }

  private void visit(Element e) {
    switch (e.normalName()) {
      case "meta" -> {
        metas.add(e);
        if (ogTitle == null && is(e, "property", "og:title")) ogTitle = e;
        if (twitterTitleByName == null && is(e, "name", "twitter:title")) twitterTitleByName = e;
        if (twitterTitleByProperty == null && is(e, "property", "twitter:title")) twitterTitleByProperty = e;
      }
      case "script" -> {
        if (is(e, "type", "application/ld+json")) jsonLd.add(e);
      }
      case "h1" -> {
        if (firstH1 == null) firstH1 = e;
      }
      default -> {}
    }
    if (is(e, "itemprop", "datePublished") || e.normalName().equals("time") && (e.hasAttr("pubdate") || e.hasAttr("datetime"))) {
      dated.add(e);
    }
  }

  /** As the selector {@code [key=value]} matches: the attribute's trimmed value, case ignored. */
  private static boolean is(Element e, String key, String value) {
    return e.hasAttr(key) && value.equalsIgnoreCase(e.attr(key).trim());
  }
}
