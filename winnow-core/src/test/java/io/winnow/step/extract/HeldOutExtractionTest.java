package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.HtmlCharset;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.step.extract.ExtractOptions.Focus;
import io.winnow.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
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
    JsonNode gold = read("docs-gold.json");
    Map<String, SnippetScore> byGenerator = new TreeMap<>();
    SnippetScore all = new SnippetScore();
    SnippetScore allPrecision = new SnippetScore();
    SnippetScore allRecall = new SnippetScore();
    int missing = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = DOCS.resolve(e.getKey());
      if (!Files.exists(file)) {
        missing++;
        continue;
      }
      String html = HtmlCharset.decode(Files.readAllBytes(file), null).text();
      String text = extractor.extract(html, "file://" + file).text();
      all.add(text, e.getValue());
      allPrecision.add(precision.extract(html, "file://" + file).text(), e.getValue());
      allRecall.add(recall.extract(html, "file://" + file).text(), e.getValue());
      byGenerator.computeIfAbsent(e.getValue().get("generator").asText(), g -> new SnippetScore()).add(text, e.getValue());
    }
    assumeTrue(all.pages >= gold.size() / 2, "skipped: " + missing + " of " + gold.size()
        + " documentation pages are not installed under " + DOCS + " (see the README beside docs-gold.json)");
    byGenerator.forEach((g, s) -> System.out.println("held-out " + g + ": " + s));
    System.out.println("held-out documentation: " + all + (missing > 0 ? "; " + missing + " pages not installed" : ""));
    System.out.println("held-out documentation, favor_precision: " + allPrecision);
    System.out.println("held-out documentation, favor_recall: " + allRecall);
    assertThat(all.f1()).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void blogPagesOfTheWarcSamples() throws Exception {
    JsonNode gold = read("warc-gold.json");
    SnippetScore score = new SnippetScore();
    SnippetScore scorePrecision = new SnippetScore();
    SnippetScore scoreRecall = new SnippetScore();
    for (String warc : new String[] {"sample-0000.warc.gz", "sample-0001.warc.gz"}) {
      Path path = SharedData.require("data/web/warc/" + warc);
      try (DocumentReader r = DocumentReaders.open(path, "warc", "id", "text", ReaderLimits.defaults(), n -> {})) {
        for (ReadResult x; (x = r.next()) != null; ) {
          Document d = x.document();
          if (d == null) continue;
          String url = String.valueOf(d.metadata().get("url"));
          JsonNode g = gold.get(url);
          if (g == null || !g.get("warc").asText().equals(warc)) continue;
          score.add(extractor.extract(d.text(), url).text(), g);
          scorePrecision.add(precision.extract(d.text(), url).text(), g);
          scoreRecall.add(recall.extract(d.text(), url).text(), g);
        }
      }
    }
    System.out.println("held-out WARC pages: " + score);
    System.out.println("held-out WARC pages, favor_precision: " + scorePrecision);
    System.out.println("held-out WARC pages, favor_recall: " + scoreRecall);
    assertThat(score.pages).isEqualTo(gold.size());
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.85);
  }

  private static JsonNode read(String name) throws Exception {
    try (InputStream in = HeldOutExtractionTest.class.getResourceAsStream("/extract/heldout/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
