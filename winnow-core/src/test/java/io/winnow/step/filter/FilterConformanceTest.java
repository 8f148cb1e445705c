package io.winnow.step.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import io.winnow.step.StepRunner;
import io.winnow.testing.SharedData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.winnow.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each filter independently on the reference's golden dev vectors and requires the same verdict and
 * reason on every document (and the same rewritten text for C4). Prints agreement per filter.
 */
class FilterConformanceTest {
  /** The full golden vectors from the shared folder, or the 300-row fixture shipped in the repository. */
  static List<JsonNode> rows(String source) {
    if (source.equals("fixture")) return SharedData.readJsonlGz(Fixtures.path("filters-dev-300.jsonl.gz"));
    return SharedData.readJsonlGz(SharedData.require("spec/vectors/filters-dev.jsonl.gz"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void gopherRepetition(String source) {
    check(rows(source), "gopher_repetition", null, () -> new GopherRepetitionFilter(GopherRepetitionFilter.Config.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void gopherQuality(String source) {
    check(rows(source), "gopher_quality", null, () -> new GopherQualityFilter(GopherQualityFilter.Config.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void c4Defaults(String source) {
    check(rows(source), "c4", "c4_text", () -> new C4Filter(C4Filter.Config.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void c4FineWebVariant(String source) {
    check(rows(source), "c4_fineweb", "c4_fineweb_text", () -> new C4Filter(C4Filter.Config.from(
        new Params("c4", new LinkedHashMap<>(Map.of("filter_no_terminal_punct", false))))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void fineWebQuality(String source) {
    check(rows(source), "fineweb_quality", null, () -> new FineWebQualityFilter(FineWebQualityFilter.Config.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixture", "shared"})
  void wordCountsMatch(String source) {
    List<JsonNode> rows = rows(source);
    int same = 0;
    List<String> disagreements = new ArrayList<>();
    for (JsonNode row : rows) {
      int words = Document.of("x", row.get("text").asText()).words().length;
      if (words == row.get("words").asInt()) same++;
      else if (disagreements.size() < 10) disagreements.add(row.get("id").asText() + ": expected " + row.get("words") + " words, got " + words);
    }
    System.out.printf("word count agreement: %.3f %% of %d%n", 100.0 * same / rows.size(), rows.size());
    assertThat(same).as("documents with the reference's word count; first differences: " + disagreements).isEqualTo(rows.size());
  }

  private static void check(List<JsonNode> rows, String field, String textField, Supplier<Step> factory) {
    String stepName = field.startsWith("c4") ? "c4" : field;
    StepRunner runner = new StepRunner(stepName, factory.get());
    int agree = 0;
    List<String> disagreements = new ArrayList<>();
    for (JsonNode row : rows) {
      Document doc = Document.of(row.get("id").asText(), row.get("text").asText());
      Decision d = runner.run(doc);
      String expected = row.get(field).asText();
      String actual = d.action() == Action.DROP ? d.reason().substring(stepName.length() + 1) : "keep";
      boolean same = expected.equals(actual);
      if (same && textField != null && "keep".equals(expected)) same = row.get(textField).asText().equals(doc.text());
      if (same) agree++;
      else if (disagreements.size() < 10) disagreements.add(row.get("id").asText() + ": expected " + expected + ", got " + actual + " " + d.values());
    }
    double pct = 100.0 * agree / rows.size();
    System.out.printf("%-18s agreement %.3f %% (%d of %d)%n", field, pct, agree, rows.size());
    disagreements.forEach(s -> System.out.println("  " + s));
    assertThat(agree).as(field + " agreement; first differences: " + disagreements).isEqualTo(rows.size());
  }
}
