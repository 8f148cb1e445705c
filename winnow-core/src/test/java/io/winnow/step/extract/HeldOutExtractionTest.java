package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.step.extract.ExtractOptions.Focus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The held-out extraction check (src/test/resources/extract/heldout/README.md): pages the extractor was never
 * tuned on, with hand-checked gold snippets. Documentation pages of five HTML generators read from the
 * Debian packages installed under /usr/share/doc, and blog pages from the shared WARC samples.
 */
class HeldOutExtractionTest {
  private static final Path DOCS = Path.of(System.getProperty("winnow.docs", "/usr/share/doc"));

  private final MainContentExtractor extractor = new MainContentExtractor();
  private final MainContentExtractor precision = new MainContentExtractor(new ExtractOptions(Focus.PRECISION, true, false, false));
  private final MainContentExtractor recall = new MainContentExtractor(new ExtractOptions(Focus.RECALL, true, false, false));

  @Test
  void documentationPagesOfFiveGenerators() throws Exception {
    List<GoldPageScoring.DocScores> s = GoldPageScoring.documentationPages(
        GoldPageScoring.gold("heldout", "docs-gold.json"), DOCS, "held-out", extractor, precision, recall);
    s.get(0).byGenerator.forEach((g, score) -> System.out.println("held-out " + g + ": " + score));
    System.out.println("held-out documentation: " + s.get(0).all);
    System.out.println("held-out documentation, favor_precision: " + s.get(1).all);
    System.out.println("held-out documentation, favor_recall: " + s.get(2).all);
    assertThat(s.get(0).all.f1()).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void blogPagesOfTheWarcSamples() throws Exception {
    JsonNode gold = GoldPageScoring.gold("heldout", "warc-gold.json");
    List<SnippetScore> s = GoldPageScoring.warcPages(gold, extractor, precision, recall);
    System.out.println("held-out WARC pages: " + s.get(0));
    System.out.println("held-out WARC pages, favor_precision: " + s.get(1));
    System.out.println("held-out WARC pages, favor_recall: " + s.get(2));
    assertThat(s.get(0).pages).isEqualTo(gold.size());
    assertThat(s.get(0).f1()).isGreaterThanOrEqualTo(0.85);
  }
}
