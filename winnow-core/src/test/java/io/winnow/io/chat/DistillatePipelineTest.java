package io.winnow.io.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Document;
import io.winnow.engine.LocalEngine;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.step.chat.TurnScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distillate example end to end on its shipped fixture: every record accounted for, untouched records
 * written back byte for byte, prompt duplicates removed in favour of a kept twin, the selection deterministic
 * and in score order.
 */
class DistillatePipelineTest {
  static final Path EXAMPLE = Path.of("../examples/distillate.yaml");
  static final Path FIXTURE = Path.of("../examples/data/distillate");
  @TempDir Path dir;

  /** The example pipeline with its paths made absolute, its output here, and these overrides of its select step. */
  Pipeline pipeline(String out, int workers, String selectOverride) throws IOException {
    String yaml = Files.readString(EXAMPLE)
        .replace("examples/", Path.of("../examples").toAbsolutePath().normalize() + "/")
        .replace("path: runs/distillate", "path: '" + dir.resolve(out) + "'")
        + "run: {workers: " + workers + "}\n";
    if (selectOverride != null) yaml = yaml.replace("    balance_by: file\n", selectOverride);
    return new PipelineFile(StepRegistry.builtIn()).parse("distillate.yaml", yaml);
  }

  static Map<String, LogEntry> log(Path run) throws IOException {
    Map<String, LogEntry> m = new LinkedHashMap<>();
    DecisionLogReader.forEach(run, e -> m.put(e.id(), e));
    return m;
  }

  static JsonNode stepValues(LogEntry e, String step) {
    for (JsonNode t : e.raw().path("trail")) if (t.path("step").asText().equals(step)) return t.path("values");
    return null;
  }

  static Map<String, Document> inputs() throws IOException {
    Map<String, Document> docs = new HashMap<>();
    try (Stream<Path> files = Files.list(FIXTURE)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (Document d : ConversationRoundTripTest.read(f.toAbsolutePath().normalize(), "chat", new ArrayList<>())) docs.put(d.id(), d);
      }
    }
    return docs;
  }

  @Test
  void curatesTheFixtureEndToEnd() throws IOException {
    LocalEngine.Result r = new LocalEngine(pipeline("run", 2, null), false, false, null).run();
    Map<String, LogEntry> log = log(r.runDir());
    Map<String, Document> in = inputs();
    assertThat(log).hasSize(in.size());
    long kept = log.values().stream().filter(e -> e.outcome() == Outcome.KEPT).count();
    assertThat(kept).isEqualTo(120);

    // every kept record is in the output; untouched ones with their exact input bytes
    List<byte[]> written = new ArrayList<>();
    try (Stream<Path> files = Files.list(r.runDir().resolve("data"))) {
      for (Path f : files.sorted().toList()) written.addAll(ConversationRoundTripTest.records(f));
    }
    assertThat(written).hasSize((int) kept);
    int byteIdentical = 0;
    for (LogEntry e : log.values()) {
      if (e.outcome() != Outcome.KEPT) continue;
      byte[] original = in.get(e.id()).conversation().originalRecord();
      boolean modified = stepValues(e, "pii") != null && stepValues(e, "pii").has("rewritten_turns");
      if (!modified && written.stream().anyMatch(w -> Arrays.equals(w, original))) byteIdentical++;
      else assertThat(modified).as(e.id() + " changed without a step rewriting it").isTrue();
    }
    assertThat(byteIdentical).isPositive();

    // a prompt removed as a duplicate has a kept twin with the same prompt
    for (LogEntry e : log.values()) {
      if (!"prompt_exact.duplicate".equals(e.reason())) continue;
      String twin = stepValues(e, "prompt_exact").path("kept").asText();
      assertThat(normalise(TurnScope.PROMPT.text(in.get(twin)))).isEqualTo(normalise(TurnScope.PROMPT.text(in.get(e.id()))));
    }
    // a near-copy skipped by select names a chosen document
    for (LogEntry e : log.values()) {
      if (!"select.too_similar".equals(e.reason())) continue;
      assertThat(log.get(stepValues(e, "select").path("similar_to").asText()).outcome()).isEqualTo(Outcome.KEPT);
    }
  }

  @Test
  void selectionIsDeterministicAndInScoreOrderWithoutBalancing() throws IOException {
    Map<String, LogEntry> one = log(new LocalEngine(pipeline("one", 1, ""), false, false, null).run().runDir());
    Map<String, LogEntry> two = log(new LocalEngine(pipeline("two", 2, ""), false, false, null).run().runDir());
    assertThat(kept(one)).isEqualTo(kept(two));
    double lowestKept = Double.MAX_VALUE;
    TreeSet<Integer> ranks = new TreeSet<>();
    for (LogEntry e : one.values()) {
      JsonNode v = stepValues(e, "select");
      if (v == null) continue;
      if (e.outcome() == Outcome.KEPT) {
        lowestKept = Math.min(lowestKept, v.path("score").asDouble());
        ranks.add(v.path("rank").asInt());
      }
    }
    assertThat(ranks).hasSize(120).first().isEqualTo(1);
    assertThat(ranks.last()).isEqualTo(120);
    for (LogEntry e : one.values()) {
      if ("select.not_selected".equals(e.reason())) assertThat(stepValues(e, "select").path("score").asDouble()).isLessThanOrEqualTo(lowestKept);
    }
  }

  @Test
  void balancingGivesSmallGroupsTheirShare() throws IOException {
    LocalEngine.Result r = new LocalEngine(pipeline("balanced", 2, null), false, false, null).run();
    JsonNode groups = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.runDir().resolve("stats.json").toFile())
        .path("corpus_steps").path("select").path("groups_by_file");
    // water-filling: a group no larger than an even share (120 / 5 groups) keeps all its candidates except near-copies
    groups.fields().forEachRemaining(g -> {
      long before = g.getValue().path("before").asLong();
      long after = g.getValue().path("after").asLong();
      assertThat(after).isLessThanOrEqualTo(before);
      if (before >= 24) assertThat(after).as(g.getKey()).isGreaterThanOrEqualTo(Math.min(before, 17));
    });
  }

  private static TreeSet<String> kept(Map<String, LogEntry> log) {
    TreeSet<String> s = new TreeSet<>();
    log.forEach((id, e) -> {
      if (e.outcome() == Outcome.KEPT) s.add(id);
    });
    return s;
  }

  private static String normalise(String s) {
    return io.winnow.text.DedupNormalizer.normalize(s);
  }

  static boolean hasAssistant(Document d) {
    return d.conversation().turns().stream().anyMatch(t -> t.role() == Role.ASSISTANT);
  }
}
