package io.winnow.step.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real texts shipped with the repository for the quality tests. */
final class QualityTestData {
  /** 200 real Common Crawl pages (CC-MAIN-2019-30 sample), many languages; the README example's input. */
  static final Path WEB_200 = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath();

  private QualityTestData() {}

  static List<String> webTexts() {
    List<String> out = new ArrayList<>();
    for (JsonNode n : SharedData.readJsonlGz(WEB_200)) out.add(n.path("text").asText());
    return out;
  }

  /** Human and machine texts of four domains with their prompt group (fixtures/slop-pairs.jsonl). */
  static List<JsonNode> labelledTexts() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.path("slop-pairs.jsonl"))) if (!line.isBlank()) out.add(json.readTree(line));
    return out;
  }

  /** German, French and Spanish page openings (fixtures/slop-languages.jsonl). */
  static List<String> otherLanguageTexts() throws IOException {
    return field(Fixtures.path("slop-languages.jsonl"), "text");
  }

  private static List<String> field(Path jsonl, String name) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) if (!line.isBlank()) out.add(json.readTree(line).path(name).asText());
    return out;
  }
}
