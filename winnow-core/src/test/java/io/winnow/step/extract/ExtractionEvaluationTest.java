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
    long tp = 0, fn = 0, fp = 0, tn = 0;
    int pages = 0;
    long nanos = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = eval.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = dir.resolve("pages").resolve(e.getValue().get("file").asText());
      if (!Files.exists(file)) continue;
      byte[] bytes;
      try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        bytes = in.readAllBytes();
      }
      String html = HtmlCharset.decode(bytes, null).text();
      long t0 = System.nanoTime();
      String text = extractor.extract(html, e.getKey()).text();
      nanos += System.nanoTime() - t0;
      pages++;
      String norm = normalize(text);
      for (JsonNode w : e.getValue().path("with")) {
        if (norm.contains(normalize(w.asText()))) tp++;
        else fn++;
      }
      for (JsonNode w : e.getValue().path("without")) {
        if (norm.contains(normalize(w.asText()))) fp++;
        else tn++;
      }
    }
    double precision = (double) tp / (tp + fp);
    double recall = (double) tp / (tp + fn);
    double f1 = 2 * precision * recall / (precision + recall);
    System.out.printf("extraction on %d pages: precision %.3f recall %.3f F1 %.3f (tp %d fn %d fp %d tn %d); %.0f pages/s%n",
        pages, precision, recall, f1, tp, fn, fp, tn, pages / (nanos / 1e9));
    assertThat(f1).isGreaterThanOrEqualTo(0.90);
  }

  /** Whitespace of any kind (no-break spaces included) as one space, on both sides of the comparison. */
  static String normalize(String s) {
    return s.replaceAll("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]+", " ").strip();
  }
}
