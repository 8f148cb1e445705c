package io.winnow.step.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Recall and false-positive rate of decontamination with every shared benchmark indexed (13-grams): real
 * benchmark items — the whole item, the question alone, or the answer alone — reformatted (whitespace, case,
 * punctuation, numbering, LaTeX delimiters) and placed inside real web pages; and clean pages, alone or with
 * phrases common in exam questions.
 */
class ContaminationQualityTest {
  private static final String[] COMMON_PHRASES = {
    "Which of the following is true?", "What is the value of x?", "Answer the following question.",
    "Select the best answer from the choices below.", "Show your work and explain your reasoning.",
    "The answer is 42.", "Let's think step by step.", "True or false?", "Read the passage and answer the questions."};

  enum Variant { WHOLE_ITEM, QUESTION_ONLY, ANSWER_ONLY }

  @Test
  void recallAndFalsePositives() throws Exception {
    List<BenchmarkItem> items = BenchmarkFiles.read(SharedData.require("data/benchmarks"), null, "auto", List.of());
    DecontamIndex index = DecontamIndex.build(items, 13, 4);
    Decontaminator step = new Decontaminator(new Decontaminator.Config(index, "drop", 200, 10, 200, 200));
    List<String> pages = new ArrayList<>();
    for (JsonNode row : SharedData.readJsonlGz(SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz"))) {
      pages.add(row.get("text").asText());
    }
    Random r = new Random(99);
    Map<String, int[]> found = new LinkedHashMap<>();
    for (int t = 0; t < 1500; t++) {
      BenchmarkItem item = items.get(r.nextInt(items.size()));
      String text = item.texts().get(0);
      Variant v = Variant.values()[t % 3];
      String[] qa = text.split("\n", 2);
      String placed = switch (v) {
        case WHOLE_ITEM -> text;
        case QUESTION_ONLY -> qa[0];
        case ANSWER_ONLY -> qa.length > 1 ? qa[1] : null;
      };
      if (placed == null || placed.isBlank()) continue;
      String page = pages.get(r.nextInt(pages.size()));
      int at = page.indexOf(". ", r.nextInt(Math.max(1, page.length()))) + 2;
      if (at < 2) at = page.length();
      String doc = page.substring(0, at) + reformat(placed, r) + " " + page.substring(at);
      String key = v.name().toLowerCase() + (wordCount(placed) < 13 ? " (<13 words)" : "");
      int[] c = found.computeIfAbsent(key, k -> new int[2]);
      c[1]++;
      if (step.apply(Document.of("t" + t, doc)).action() == Action.DROP) c[0]++;
    }
    int cleanFlagged = 0;
    for (String page : pages) if (step.apply(Document.of("c", page)).action() == Action.DROP) cleanFlagged++;
    int phraseFlagged = 0;
    for (int i = 0; i < pages.size(); i++) {
      String doc = pages.get(i) + " " + COMMON_PHRASES[i % COMMON_PHRASES.length] + " " + COMMON_PHRASES[(i + 3) % COMMON_PHRASES.length];
      if (step.apply(Document.of("p", doc)).action() == Action.DROP) phraseFlagged++;
    }
    long hits = 0;
    long total = 0;
    System.out.printf("decontamination, %,d items of %d benchmarks indexed (13-grams):%n", items.size(), index.perBenchmark().size());
    for (Map.Entry<String, int[]> e : found.entrySet()) {
      System.out.printf("  %-28s %5d documents, recall %5.1f %%%n", e.getKey(), e.getValue()[1], 100.0 * e.getValue()[0] / e.getValue()[1]);
      hits += e.getValue()[0];
      total += e.getValue()[1];
    }
    double recall = (double) hits / total;
    double fpClean = (double) cleanFlagged / pages.size();
    double fpPhrases = (double) phraseFlagged / pages.size();
    System.out.printf("  overall recall %.3f; false positives: clean pages %d / %d, pages with common exam phrases %d / %d%n",
        recall, cleanFlagged, pages.size(), phraseFlagged, pages.size());
    // items (question and answer) are indexed whole: texts of 13+ words by their 13-grams, shorter ones matched
    // whole; a short question or answer on its own is not an item and is not expected to be found
    assertThat(recall(found, "whole_item")).isGreaterThanOrEqualTo(0.97);
    assertThat(recall(found, "question_only")).isGreaterThanOrEqualTo(0.97);
    assertThat(recall(found, "answer_only")).isGreaterThanOrEqualTo(0.95);
    assertThat(recall(found, "whole_item (<13 words)")).isGreaterThanOrEqualTo(0.80);
    assertThat(fpClean).isLessThanOrEqualTo(0.01);
    assertThat(fpPhrases).isLessThanOrEqualTo(0.01);
  }

  private static double recall(Map<String, int[]> found, String variant) {
    int hit = 0;
    int all = 0;
    for (Map.Entry<String, int[]> e : found.entrySet()) {
      if (e.getKey().equals(variant)) {
        hit += e.getValue()[0];
        all += e.getValue()[1];
      }
    }
    return (double) hit / all;
  }

  private static int wordCount(String s) {
    return new io.winnow.text.NormalizedWords().scan(s).size();
  }

  /** Whitespace, case, punctuation, numbering and LaTeX changes, one or more at random. */
  static String reformat(String s, Random r) {
    String out = s;
    if (r.nextBoolean()) out = out.replaceAll("\\s+", r.nextBoolean() ? "  " : "\n");
    if (r.nextInt(3) == 0) out = out.toUpperCase();
    else if (r.nextInt(3) == 0) out = out.toLowerCase();
    if (r.nextBoolean()) out = out.replace(",", " ,").replace("?", " ?!").replace(".", ";");
    if (r.nextInt(3) == 0) out = (1 + r.nextInt(40)) + ". " + out;
    if (r.nextInt(4) == 0) out = "Q: " + out;
    if (r.nextInt(4) == 0) out = out.replaceAll("(\\d+)", "\\$$1\\$");
    return out;
  }
}
