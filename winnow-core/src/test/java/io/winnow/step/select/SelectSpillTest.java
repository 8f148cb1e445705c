package io.winnow.step.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.doc.Verdict;
import io.winnow.io.Formats;
import io.winnow.io.ReadResult;
import io.winnow.io.DocumentReader;
import io.winnow.io.ReaderLimits;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import io.winnow.step.chat.TurnScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit's sort buffers spilled to disk (a buffer of 16 pairs, far below every input here) give the same
 * decisions and the same report as buffers that hold everything, on the shipped distillate fixture and on a
 * generated input with many near-copies, balanced and not.
 */
class SelectSpillTest {
  static final long TINY = 16 * 16; // 16 (long, long) pairs per sort run
  static final long AMPLE = 256L << 20;
  @TempDir Path tmp;

  static SelectStep.Config config(long keep, String balanceBy, TurnScope turns) {
    return new SelectStep.Config(keep, -1, ScoreExpression.parse("response_words"), balanceBy, turns, 0.6, 3, 64, 16, 256, 3);
  }

  /** Observes the documents over three shards, fits, and applies: each document's decision, and the report. */
  Map<String, String> decisions(List<Document> docs, SelectStep.Config config, long memoryBytes) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "fit");
    SelectStep step = new SelectStep(config, memoryBytes);
    int shards = 3;
    for (int s = 0; s < shards; s++) {
      try (CorpusStep.Observer o = step.observer(dir, s)) {
        for (int i = s; i < docs.size(); i += shards) o.observe(docs.get(i));
        o.commit();
      }
    }
    step.fit(dir, shards);
    Step apply = step.load(dir).get();
    Map<String, String> out = new LinkedHashMap<>();
    for (Document d : docs) {
      Verdict v = apply.apply(d);
      out.put(d.id(), v.action() + " " + v.reason() + " " + v.values());
    }
    Map<String, Object> report = new LinkedHashMap<>(step.fitStats(dir));
    out.put("(report)", new ObjectMapper().writeValueAsString(report));
    return out;
  }

  static List<Document> fixture() throws IOException {
    List<Document> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../examples/data/distillate"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (DocumentReader r = Formats.get("chat").openReader(f.toAbsolutePath().normalize(), "id", "text", ReaderLimits.defaults())) {
          for (ReadResult res; (res = r.next()) != null;) if (res.document() != null) docs.add(res.document());
        }
      }
    }
    return docs;
  }

  /** Documents from a small vocabulary in four sources, with every fifth a near-copy of an earlier one. */
  static List<Document> generated(int n) {
    SplittableRandom random = new SplittableRandom(7);
    String[] words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon".split(" ");
    List<Document> docs = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text;
      if (i % 5 == 4) {
        String base = texts.get(random.nextInt(texts.size()));
        text = base + " " + words[random.nextInt(words.length)];
      } else {
        StringBuilder sb = new StringBuilder();
        int len = 8 + random.nextInt(30);
        for (int w = 0; w < len; w++) sb.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        text = sb.toString();
      }
      texts.add(text);
      Document d = new Document("g" + i, text, new LinkedHashMap<>(), new Provenance("src-" + (i % 4) + ".jsonl", i, Provenance.unknown().positionKind()));
      d.metadata().put("src", "s" + (i % 4 == 0 ? 0 : 1));
      docs.add(d);
    }
    return docs;
  }

  @Test
  void spilledSortsDecideAsInMemoryOnTheFixture() throws IOException {
    List<Document> docs = fixture();
    assertThat(docs.size()).isGreaterThan(10 * (int) (TINY / 16));
    for (SelectStep.Config c : List.of(config(120, "file", TurnScope.PROMPT), config(120, null, TurnScope.PROMPT))) {
      Map<String, String> inMemory = decisions(docs, c, AMPLE);
      assertThat(inMemory.values()).anyMatch(v -> v.contains("TOO_SIMILAR"));
      assertThat(decisions(docs, c, TINY)).isEqualTo(inMemory);
    }
  }

  @Test
  void spilledSortsDecideAsInMemoryOnAGeneratedInput() throws IOException {
    List<Document> docs = generated(5000);
    for (SelectStep.Config c : List.of(config(1500, "src", TurnScope.ALL), config(1500, null, TurnScope.ALL))) {
      Map<String, String> inMemory = decisions(docs, c, AMPLE);
      assertThat(inMemory.values()).anyMatch(v -> v.contains("TOO_SIMILAR")).anyMatch(v -> v.contains("NOT_SELECTED"));
      assertThat(decisions(docs, c, TINY)).isEqualTo(inMemory);
    }
  }
}
