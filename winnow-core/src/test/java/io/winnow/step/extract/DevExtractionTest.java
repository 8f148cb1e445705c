package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The development extraction set (src/test/resources/extract/dev/README.md): pages used to find failure
 * classes, kept apart from the held-out set so that the held-out figure stays a figure on unseen pages.
 * Documentation pages of five HTML generators other than the held-out's, read from Debian packages, and
 * pages of the shared WARC samples that the held-out set does not use.
 */
class DevExtractionTest {
  private static final Path DOCS = Path.of(System.getProperty("winnow.devdocs", "/usr/share/doc"));

  private final MainContentExtractor extractor = new MainContentExtractor();

  @Test
  void documentationPagesOfFiveOtherGenerators() throws Exception {
    GoldPageScoring.DocScores s = GoldPageScoring.documentationPages(GoldPageScoring.gold("dev", "docs-gold.json"), DOCS, "dev", extractor).get(0);
    s.byGenerator.forEach((g, score) -> System.out.println("dev " + g + ": " + score));
    System.out.println("dev documentation: " + s.all);
    assertThat(s.all.f1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void pagesOfTheWarcSamples() throws Exception {
    JsonNode gold = GoldPageScoring.gold("dev", "warc-gold.json");
    SnippetScore score = GoldPageScoring.warcPages(gold, extractor).get(0);
    System.out.println("dev WARC pages: " + score);
    assertThat(score.pages).isEqualTo(gold.size());
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.85);
  }
}
