package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The second development extraction set (src/test/resources/extract/dev2/README.md): documentation pages of
 * five HTML generators that neither the held-out set nor the first development set uses, read from Debian
 * packages. Like the first set it is for finding failure classes; its figure is a figure on studied pages.
 */
class SecondDevExtractionTest {
  private static final Path DOCS = Path.of(System.getProperty("winnow.dev2docs", "/usr/share/doc"));

  @Test
  void documentationPagesOfFiveFurtherGenerators() throws Exception {
    GoldPageScoring.DocScores s = GoldPageScoring.documentationPages(
        GoldPageScoring.gold("dev2", "docs-gold.json"), DOCS, "dev2", new MainContentExtractor()).get(0);
    s.byGenerator.forEach((g, score) -> System.out.println("dev2 " + g + ": " + score));
    System.out.println("dev2 documentation: " + s.all);
    assertThat(s.all.f1()).isGreaterThanOrEqualTo(0.85);
  }
}
