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
import io.winnow.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
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
    JsonNode gold = read("docs-gold.json");
    Map<String, SnippetScore> byGenerator = new TreeMap<>();
    SnippetScore all = new SnippetScore();
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
      byGenerator.computeIfAbsent(e.getValue().get("generator").asText(), g -> new SnippetScore()).add(text, e.getValue());
    }
    assumeTrue(all.pages >= gold.size() / 2, "skipped: " + missing + " of " + gold.size()
        + " documentation pages are not installed under " + DOCS + " (see the README beside docs-gold.json)");
    byGenerator.forEach((g, s) -> System.out.println("dev " + g + ": " + s));
    System.out.println("dev documentation: " + all + (missing > 0 ? "; " + missing + " pages not installed" : ""));
    assertThat(all.f1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void pagesOfTheWarcSamples() throws Exception {
    JsonNode gold = read("warc-gold.json");
    SnippetScore score = new SnippetScore();
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
        }
      }
    }
    System.out.println("dev WARC pages: " + score);
    assertThat(score.pages).isEqualTo(gold.size());
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.85);
  }

  private static JsonNode read(String name) throws Exception {
    try (InputStream in = DevExtractionTest.class.getResourceAsStream("/extract/dev/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
