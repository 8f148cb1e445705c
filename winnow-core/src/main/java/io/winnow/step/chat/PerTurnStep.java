package io.winnow.step.chat;

import io.winnow.doc.Action;
import io.winnow.doc.Conversation;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import io.winnow.step.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a text step (PII redaction, slop scoring, any document step) on each addressed turn of a conversation
 * instead of on the whole text: {@code {type: per_turn, turns: response, step: {type: pii}}}. The inner step
 * sees one turn as a document of its own, sharing the conversation's id, provenance and metadata (so its
 * annotations land on the conversation). A drop of any turn drops the conversation and names the turn; a
 * rewritten turn is put back into the record, and the other turns stay as they were. Flat documents are passed
 * to the inner step whole.
 */
public final class PerTurnStep implements Step {
  public static final String TYPE = "per_turn";

  public record Config(TurnScope turns, Supplier<Step> inner) {
    public static Config from(Params p, StepRegistry registry) {
      TurnScope scope = TurnScope.from(p, "response");
      Params inner = p.section("step");
      String type = inner.getString("type", null);
      if (type == null) throw new PipelineException(p.where() + ".step: 'type' is required (the step to run on each turn)");
      StepType t = registry.get(type);
      if (t == null) throw new PipelineException(p.where() + ".step: unknown step type '" + type + "'");
      if (t.isCorpusStep()) throw new PipelineException(p.where() + ".step: " + type + " is a corpus step; per_turn runs document steps");
      Supplier<Step> factory = t.document().apply(inner);
      p.finish();
      return new Config(scope, factory);
    }
  }

  private final TurnScope scope;
  private final Step inner;

  public PerTurnStep(Config config) {
    this.scope = config.turns();
    this.inner = config.inner().get();
  }

  @Override
  public Verdict apply(Document doc) {
    Conversation c = doc.conversation();
    if (c == null) return inner.apply(doc);
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> counters = new LinkedHashSet<>();
    List<Integer> rewritten = new ArrayList<>();
    ReasonCode modifyReason = null;
    for (Turn t : c.turns()) {
      if (!scope.addresses(t) || t.content().isEmpty()) continue;
      Document view = new Document(doc.id(), t.content(), doc.metadata(), doc.provenance());
      Verdict v = inner.apply(view);
      counters.addAll(v.counters());
      if (v.action() == Action.DROP) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("turn", t.index());
        m.put("role", t.sourceRole());
        m.putAll(v.values());
        return Verdict.drop(v.reason(), m).withCounters(List.copyOf(counters));
      }
      if (v.action() == Action.MODIFY && !v.newText().equals(t.content())) {
        c.setContent(t.index(), v.newText());
        rewritten.add(t.index());
        if (modifyReason == null) modifyReason = v.reason();
      }
      if (!v.values().isEmpty()) values.put("turn_" + t.index(), v.values());
    }
    if (!rewritten.isEmpty()) {
      values.put("rewritten_turns", rewritten);
      return Verdict.modify(c.joinedText(), modifyReason, values).withCounters(List.copyOf(counters));
    }
    Verdict keep = values.isEmpty() ? Verdict.keep() : Verdict.keep(values);
    return counters.isEmpty() ? keep : keep.withCounters(List.copyOf(counters));
  }

  @Override
  public void close() {
    inner.close();
  }
}
