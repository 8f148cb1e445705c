package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.HtmlCharset;
import io.winnow.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The standard main-content extraction benchmark (trafilatura's evaluation set): for each page, snippets the
 * output must contain and snippets it must not. Reports precision, recall and F1 over all snippets.
 */
class ExtractionEvaluationTest {
  @Test
  void snippetPrecisionRecallAndF1() throws Exception {
    Path dir = SharedData.require("data/html/trafilatura-eval");
    JsonNode eval = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
    MainContentExtractor extractor = new MainContentExtractor();
    SnippetScore score = new SnippetScore();
    for (Iterator<Map.Entry<String, JsonNode>> it = eval.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = dir.resolve("pages").resolve(e.getValue().get("file").asText());
      if (!Files.exists(file)) continue;
      byte[] bytes;
      try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        bytes = in.readAllBytes();
      }
      String html = HtmlCharset.decode(bytes, null).text();
      String text = extractor.extract(html, e.getKey()).text();
      score.add(text, e.getValue());
    }
    System.out.printf("extraction (trafilatura evaluation set) on %s%n", score);
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.925);
  }
}
