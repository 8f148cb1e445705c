package io.winnow.step.extract;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one scoring loop of the hand-checked extraction sets (held-out, development): reads each gold page, runs
 * every given extractor on it and adds the output to that extractor's {@link SnippetScore}. Documentation pages
 * come from an installed documentation root and are scored per generator too; WARC pages come from the shared
 * WARC samples, matched by URL.
 */
final class GoldPageScoring {
  private static final String[] WARC_SAMPLES = {"sample-0000.warc.gz", "sample-0001.warc.gz"};

  private GoldPageScoring() {}

  /** One extractor's scores over a set of documentation pages: all pages and per generator. */
  static final class DocScores {
    final SnippetScore all = new SnippetScore();
    final Map<String, SnippetScore> byGenerator = new TreeMap<>();
  }

  /** The gold file {@code /extract/<set>/<name>} of the test resources. */
  static JsonNode gold(String set, String name) {
    String resource = "/extract/" + set + "/" + name;
    try (InputStream in = GoldPageScoring.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing test resource " + resource);
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * Scores the extractors on the documentation pages of {@code gold} (keys are paths under {@code root}); skips
   * the test when fewer than half of the pages are installed, since a figure on a few of them says little.
   */
  static List<DocScores> documentationPages(JsonNode gold, Path root, String label, MainContentExtractor... extractors) throws IOException {
    List<DocScores> scores = new ArrayList<>();
    for (int i = 0; i < extractors.length; i++) scores.add(new DocScores());
    int missing = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = root.resolve(e.getKey());
      if (!Files.exists(file)) {
        missing++;
        continue;
      }
      String html = HtmlCharset.decode(Files.readAllBytes(file), null).text();
      String generator = e.getValue().get("generator").asText();
      for (int i = 0; i < extractors.length; i++) {
        String text = extractors[i].extract(html, "file://" + file).text();
        DocScores s = scores.get(i);
        s.all.add(text, e.getValue());
        s.byGenerator.computeIfAbsent(generator, g -> new SnippetScore()).add(text, e.getValue());
      }
    }
    assumeTrue(scores.get(0).all.pages >= gold.size() / 2, "skipped: " + missing + " of " + gold.size()
        + " documentation pages are not installed under " + root + " (see the README beside the " + label + " gold)");
    if (missing > 0) System.out.println(label + ": " + missing + " of " + gold.size() + " pages not installed under " + root);
    return scores;
  }

  /** Scores the extractors on the pages of {@code gold} (keys are URLs, "warc" names the sample) in the shared WARC samples. */
  static List<SnippetScore> warcPages(JsonNode gold, MainContentExtractor... extractors) throws IOException {
    List<SnippetScore> scores = new ArrayList<>();
    for (int i = 0; i < extractors.length; i++) scores.add(new SnippetScore());
    for (String warc : WARC_SAMPLES) {
      Path path = SharedData.require("data/web/warc/" + warc);
      try (DocumentReader r = DocumentReaders.open(path, "warc", "id", "text", ReaderLimits.defaults(), n -> {})) {
        for (ReadResult x; (x = r.next()) != null; ) {
          Document d = x.document();
          if (d == null) continue;
          String url = String.valueOf(d.metadata().get("url"));
          JsonNode g = gold.get(url);
          if (g == null || !g.get("warc").asText().equals(warc)) continue;
          for (int i = 0; i < extractors.length; i++) scores.get(i).add(extractors[i].extract(d.text(), url).text(), g);
        }
      }
    }
    return scores;
  }
}
