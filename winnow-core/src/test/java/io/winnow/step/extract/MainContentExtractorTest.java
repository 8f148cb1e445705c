package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.testing.Fixtures;
import org.junit.jupiter.api.Test;

class MainContentExtractorTest {
  private static final String PAGE = """
      <html><head><title>Town news</title><script>var x = 1;</script></head><body>
      <header class="site-header"><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></header>
      <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav>
      <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
      <article>
        <h1>Library reopens after two years</h1>
        <p>The town library reopened on Monday after two years of repairs, with a new reading room, a children's
        corner and longer opening hours on weekends.</p>
        <p>The mayor thanked the volunteers, who moved more than forty thousand books, and the builders, who
        finished the roof before the winter.</p>
        <ul><li>Opening hours: 9 to 18, Monday to Saturday</li><li>Entry is free for residents</li></ul>
        <h3>Related articles</h3>
        <ul><li><a href="/x">Council approves budget</a></li><li><a href="/y">New bridge opens</a></li></ul>
      </article>
      <aside class="sidebar"><h3>Most read</h3><a href="/z">Weather warning</a></aside>
      <footer>Copyright 2024 Town Gazette. All rights reserved. <a href="/privacy">Privacy</a></footer>
      <!-- tracking comment -->
      </body></html>""";

  @Test
  void keepsTheArticleAndDropsTheFurniture() {
    MainContentExtractor.Result r = new MainContentExtractor().extract(PAGE, "https://town.example/news/1");
    assertThat(r.title()).isEqualTo("Town news");
    assertThat(r.text()).contains("Library reopens after two years").contains("forty thousand books")
        .contains("- Opening hours: 9 to 18, Monday to Saturday")
        .doesNotContain("Politics").doesNotContain("cookies").doesNotContain("Copyright").doesNotContain("Most read")
        .doesNotContain("Related articles").doesNotContain("Council approves").doesNotContain("var x");
    assertThat(r.text().split("\n")).contains("Library reopens after two years");
  }

  @Test
  void stepReplacesHtmlWithTextAndDropsEmptyPages() {
    ExtractStep step = new ExtractStep(new ExtractStep.Config(1));
    Document d = Document.of("p", PAGE);
    Verdict v = step.apply(d);
    assertThat(v.action()).isEqualTo(Action.MODIFY);
    assertThat(v.newText()).startsWith("Library reopens");
    assertThat(d.metadata()).containsEntry("title", "Town news");
    assertThat(step.apply(Document.of("e", "<html><body><nav><a href='/'>Home</a></nav></body></html>")).reason().code())
        .isEqualTo("no_content");
  }

  @Test
  void extractsTheRealPageOfTheShippedWarc() throws Exception {
    try (DocumentReader r = DocumentReaders.open(Fixtures.path("whirlwind.warc.gz"), "warc", "id", "text", ReaderLimits.defaults(), n -> {})) {
      Document page = null;
      for (ReadResult x; (x = r.next()) != null; ) if (x.document() != null) page = x.document();
      Verdict v = new ExtractStep(new ExtractStep.Config(1)).apply(page);
      assertThat(v.action()).isEqualTo(Action.MODIFY);
      assertThat(v.newText()).hasSizeGreaterThan(200).doesNotContain("<div").doesNotContain("<script");
    }
  }
}
