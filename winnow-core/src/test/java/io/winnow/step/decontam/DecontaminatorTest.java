package io.winnow.step.decontam;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.step.StepRunner;
import io.winnow.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecontaminatorTest {
  @TempDir Path dir;

  private static final String FILLER = "The town council met on Tuesday evening to discuss the new library, the repairs to the "
      + "bridge over the river and the summer festival that the volunteers are planning for the families of the valley. ";

  private static Decontaminator step(String action) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("benchmarks", List.of(Fixtures.path("gsm8k-test-30.jsonl").toString()));
    p.put("action", action);
    return new Decontaminator(Decontaminator.Config.from(new Params("decontaminate", p)));
  }

  private static final String QUESTION = "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes "
      + "muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg.";

  @Test
  void reformattedQuestionIsFoundAndExplained() {
    String reformatted = QUESTION.toUpperCase().replace(" ", "   ").replace(".", " ;") + " (Problem 1)";
    Decision d = new StepRunner("decontaminate", step("drop")).run(Document.of("d", FILLER.repeat(3) + reformatted + FILLER));
    assertThat(d.action()).isEqualTo(Action.DROP);
    assertThat(d.reason()).isEqualTo("decontaminate.contaminated");
    assertThat(d.values()).containsEntry("benchmark", "gsm8k-test-30").containsEntry("item", "gsm8k-test-30/1");
    assertThat((String) d.values().get("ngram")).contains("DUCKS   LAY");
    assertThat((Integer) d.values().get("overlap")).isGreaterThan(5);
  }

  @Test
  void cleanTextIsKept() {
    Decision d = new StepRunner("decontaminate", step("drop")).run(Document.of("d", FILLER.repeat(10)));
    assertThat(d.action()).isEqualTo(Action.KEEP);
  }

  @Test
  void cutRemovesTheMatchWithItsMarginAndKeepsTheRest() {
    StepRunner runner = new StepRunner("decontaminate", step("cut"));
    String before = FILLER.repeat(8);
    String after = FILLER.repeat(8);
    Document doc = Document.of("d", before + QUESTION + " " + after);
    Decision d = runner.run(doc);
    assertThat(d.action()).isEqualTo(Action.MODIFY);
    assertThat(d.reason()).isEqualTo("decontaminate.cut");
    assertThat(doc.text()).doesNotContain("ducks").contains("town council");
    assertThat(doc.text().length()).isLessThan(before.length() + after.length() - 300);
  }

  @Test
  void cutDropsWhatWouldBeTooSmallOrTooFragmented() {
    Decision small = new StepRunner("decontaminate", step("cut")).run(Document.of("d", QUESTION + " " + FILLER));
    assertThat(small.action()).isEqualTo(Action.DROP);
    assertThat(small.reason()).isEqualTo("decontaminate.contaminated");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 12; i++) many.append(FILLER.repeat(3)).append(QUESTION).append(' ');
    Decision fragmented = new StepRunner("decontaminate", step("cut")).run(Document.of("d", many.toString() + FILLER.repeat(3)));
    assertThat(fragmented.reason()).isEqualTo("decontaminate.too_many_pieces");
  }

  @Test
  void savedIndexFindsTheSameMatches() throws IOException {
    List<BenchmarkItem> items = BenchmarkFiles.read(Fixtures.path("gsm8k-test-30.jsonl"), null, "auto", List.of());
    DecontamIndex built = DecontamIndex.build(items, 13, 4);
    Path file = dir.resolve("index.bin");
    built.save(file);
    DecontamIndex loaded = DecontamIndex.load(file);
    assertThat(loaded.items()).isEqualTo(built.items());
    assertThat(loaded.indexedNgrams()).isEqualTo(built.indexedNgrams());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("index", file.toString());
    Decontaminator fromFile = new Decontaminator(Decontaminator.Config.from(new Params("decontaminate", p)));
    assertThat(new StepRunner("x", fromFile).run(Document.of("d", FILLER + QUESTION)).action()).isEqualTo(Action.DROP);
  }

  @Test
  void shortItemsAreMatchedWhole() {
    BenchmarkItem shortItem = new BenchmarkItem("trivia", "trivia/1", List.of("Question: Who was the man behind The Chipmunks? Answer: David Seville"));
    DecontamIndex index = DecontamIndex.build(List.of(shortItem), 13, 4);
    Decontaminator d = new Decontaminator(new Decontaminator.Config(index, "drop", 200, 10, 200, 200));
    assertThat(d.apply(Document.of("a", FILLER + "question: who was the man behind the chipmunks? answer: DAVID SEVILLE!" + FILLER)).action())
        .isEqualTo(Action.DROP);
    assertThat(d.apply(Document.of("b", FILLER + "who was the man behind the chipmunks" + FILLER)).action()).isEqualTo(Action.KEEP);
  }
}
