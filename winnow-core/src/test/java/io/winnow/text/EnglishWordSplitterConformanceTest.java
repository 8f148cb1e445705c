package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.testing.SharedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Token-for-token comparison with the reference word and sentence splitter on the golden vectors. */
class EnglishWordSplitterConformanceTest {
  private final EnglishWordSplitter splitter = EnglishWordSplitter.get();

  @Test
  void trickyStringsSplitAsTheReference() {
    List<JsonNode> rows = SharedData.readJsonlGz(SharedData.require("spec/vectors/tokens-tricky.jsonl.gz"));
    Agreement a = compare(rows, rows.stream().collect(Collectors.toMap(r -> r.get("id").asText(), r -> r.get("text").asText())));
    System.out.printf("tokens-tricky: words %.2f %%, sentences %.2f %% of %d%n", a.wordPct(), a.sentPct(), rows.size());
    a.firstDisagreements.forEach(System.out::println);
    a.assertAll();
  }

  @Test
  void devTextsSplitAsTheReference() {
    List<JsonNode> rows = SharedData.readJsonlGz(SharedData.require("spec/vectors/tokens-dev.jsonl.gz"));
    Map<String, String> texts = SharedData.readJsonlGz(SharedData.require("spec/vectors/filters-dev.jsonl.gz"))
        .stream().collect(Collectors.toMap(r -> r.get("id").asText(), r -> r.get("text").asText(), (x, y) -> x));
    Agreement a = compare(rows, texts);
    System.out.printf("tokens-dev: words %.2f %%, sentences %.2f %% of %d%n", a.wordPct(), a.sentPct(), rows.size());
    a.firstDisagreements.forEach(System.out::println);
    a.assertAll();
  }

  private Agreement compare(List<JsonNode> rows, Map<String, String> texts) {
    Agreement a = new Agreement();
    for (JsonNode row : rows) {
      String text = texts.get(row.get("id").asText());
      List<String> expected = SharedData.strings(row.get("tokens"));
      List<String> actual = Arrays.asList(splitter.words(text));
      a.total++;
      if (expected.equals(actual)) a.words++;
      else a.note(row.get("id").asText() + " words: " + firstDiff(expected, actual));
      List<String> expSent = SharedData.strings(row.get("sentences"));
      List<String> actSent = splitter.sentences(text);
      if (expSent.equals(actSent) && splitter.sentenceCount(text) == expSent.size()) a.sentences++;
      else a.note(row.get("id").asText() + " sentences: " + firstDiff(expSent, actSent));
    }
    return a;
  }

  private static String firstDiff(List<String> e, List<String> a) {
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) i++;
    return "at " + i + " expected " + e.subList(Math.max(0, i - 2), Math.min(e.size(), i + 3))
        + " got " + a.subList(Math.max(0, i - 2), Math.min(a.size(), i + 3));
  }

  private static final class Agreement {
    int total;
    int words;
    int sentences;
    final List<String> firstDisagreements = new ArrayList<>();

    void note(String s) {
      if (firstDisagreements.size() < 15) firstDisagreements.add(s);
    }

    double wordPct() {
      return 100.0 * words / total;
    }

    double sentPct() {
      return 100.0 * sentences / total;
    }

    /** Every text splits into the reference's words and sentences: the claim is 100 %, so is the test. */
    void assertAll() {
      assertThat(words).as("texts split into the reference's words; first differences: " + firstDisagreements).isEqualTo(total);
      assertThat(sentences).as("texts split into the reference's sentences; first differences: " + firstDisagreements).isEqualTo(total);
    }
  }
}
