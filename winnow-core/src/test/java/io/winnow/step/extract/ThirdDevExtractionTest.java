package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The third development extraction set (src/test/resources/extract/dev3/README.md): documentation pages of
 * five HTML generators that none of the sets before uses (qdoc, erl_docgen, mdBook, GAPDoc, Scribble), read
 * from Debian packages. Like the first two it is for finding failure classes; its figure is a figure on
 * studied pages. Skipped, with a message, when the pages are not installed.
 */
class ThirdDevExtractionTest {
  private static final Path DOCS = Path.of(System.getProperty("winnow.dev3docs", "/usr/share/doc"));

  @Test
  void documentationPagesOfFiveMoreGenerators() throws Exception {
    GoldPageScoring.DocScores s = GoldPageScoring.documentationPages(
        GoldPageScoring.gold("dev3", "docs-gold.json"), DOCS, "dev3", new MainContentExtractor()).get(0);
    s.byGenerator.forEach((g, score) -> System.out.println("dev3 " + g + ": " + score));
    System.out.println("dev3 documentation: " + s.all);
    assertThat(s.all.f1()).isGreaterThanOrEqualTo(0.85);
  }
}
