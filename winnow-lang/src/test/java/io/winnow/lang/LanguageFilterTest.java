package io.winnow.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.SharedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageFilterTest {
  private static LanguageFilter english;

  @BeforeAll
  static void load() {
    english = new LanguageFilter(LanguageFilter.Config.from(new Params("language", new LinkedHashMap<>())));
  }

  @Test
  void keepsEnglishAndAnnotatesIt() {
    Document d = Document.of("en", "The committee will meet next week to discuss the budget for the new library and the repairs to the old bridge.");
    Verdict v = english.apply(d);
    assertThat(v.action()).isEqualTo(Action.KEEP);
    assertThat(d.metadata()).containsEntry("language", "en");
    assertThat((Double) d.metadata().get("language_score")).isGreaterThan(0.65);
  }

  @Test
  void dropsOtherLanguagesNamingThem() {
    Map<String, String> texts = Map.of(
        "de", "Der Ausschuss trifft sich nächste Woche, um den Haushalt für die neue Bibliothek zu besprechen.",
        "fr", "Le comité se réunira la semaine prochaine pour discuter du budget de la nouvelle bibliothèque.",
        "es", "El comité se reunirá la próxima semana para discutir el presupuesto de la nueva biblioteca.");
    texts.forEach((lang, text) -> {
      Verdict v = english.apply(Document.of(lang, text));
      assertThat(v.action()).isEqualTo(Action.DROP);
      assertThat(v.reason().code()).isEqualTo("other_language");
      assertThat(v.values()).containsEntry("language", lang);
    });
  }

  @Test
  void textWithoutLettersIsUnknown() {
    assertThat(english.apply(Document.of("n", "12345 67890 !!! ???")).reason().code()).isEqualTo("unknown");
  }

  @Test
  void theStepIsRegisteredFromThisModule() {
    assertThat(StepRegistry.builtIn().get("language")).isNotNull();
    assertThat(StepRegistry.core().get("language")).isNull();
  }

  @Test
  void realCommonCrawlPagesSplitByLanguage() {
    List<JsonNode> rows = SharedData.readJsonlGz(SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz"));
    // the sample is multilingual (about 45 % English): keep those, drop the others by their language
    int kept = 0;
    Map<String, Integer> dropped = new java.util.TreeMap<>();
    for (JsonNode r : rows) {
      Verdict v = english.apply(Document.of("x", r.get("text").asText()));
      if (v.action() == Action.KEEP) kept++;
      else dropped.merge(v.reason().code() + ":" + v.values().getOrDefault("language", "-"), 1, Integer::sum);
    }
    System.out.printf("language en >= 0.65: kept %d of %d Common Crawl pages; dropped %s%n", kept, rows.size(), dropped);
    assertThat(kept).isBetween(250, 400);
    assertThat(dropped.keySet()).contains("other_language:de", "other_language:fr", "other_language:es");
  }
}
