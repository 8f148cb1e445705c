package io.winnow.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of a run or of one shard: records read, rejected by reason, kept and dropped documents, bytes,
 * words and (with a tokenizer) model tokens in and out, and each step's counters. Shard statistics merge into
 * run statistics; {@code records = kept + dropped + rejected} always holds.
 */
public final class RunStats {
  long shards;
  long documents;
  long kept;
  long dropped;
  long bytesIn;
  long bytesOut;
  long wordsIn;
  long wordsOut;
  long tokensIn = -1;
  long tokensOut = -1;
  final Map<String, Long> rejectedByReason = new TreeMap<>();
  /** The first rejection message of each reason (location and detail), so a summary can show what went wrong. */
  final Map<String, String> rejectedExample = new TreeMap<>();
  final Map<String, StepStats> steps = new LinkedHashMap<>();
  /** Figures of the corpus steps' fits (clusters...), computed once per run, not merged per shard. */
  final Map<String, Object> corpusSteps = new LinkedHashMap<>();
  /** funnel figures per value of the run.group_by fields */
  final GroupStats groups = new GroupStats();
  /** corpus-level figures derived from step counters (see CounterSummary), by step id */
  final Map<String, Object> estimates = new LinkedHashMap<>();
  /** Fields the steps wrote into documents, each with the first step that wrote it (for the dataset card). */
  final Map<String, String> annotations = new TreeMap<>();

  public void recordDocument(long bytes, long words, long tokens) {
    documents++;
    bytesIn += bytes;
    wordsIn += words;
    tokensIn = plusCount(tokensIn, tokens);
  }

  public void recordKept(long bytes, long words, long tokens) {
    kept++;
    bytesOut += bytes;
    wordsOut += words;
    tokensOut = plusCount(tokensOut, tokens);
  }

  /** A sum of counts where -1 means "not counted" (no tokenizer): it stays -1 until a counted value comes. */
  static long plusCount(long total, long n) {
    return n < 0 ? total : Math.max(total, 0) + n;
  }

  public void recordDropped() {
    dropped++;
  }

  /** @param example the rejection's message, kept when it is the first of its reason */
  public void recordRejected(String reason, String example) {
    rejectedByReason.merge(reason, 1L, Long::sum);
    rejectedExample.putIfAbsent(reason, example);
  }

  public void recordShard() {
    shards++;
  }

  /** The step's counters, created in pipeline order on first use. */
  public StepStats step(String id) {
    return steps.computeIfAbsent(id, k -> new StepStats());
  }

  public RunStats merge(RunStats o) {
    shards += o.shards;
    documents += o.documents;
    kept += o.kept;
    dropped += o.dropped;
    bytesIn += o.bytesIn;
    bytesOut += o.bytesOut;
    wordsIn += o.wordsIn;
    wordsOut += o.wordsOut;
    tokensIn = plusCount(tokensIn, o.tokensIn);
    tokensOut = plusCount(tokensOut, o.tokensOut);
    o.rejectedByReason.forEach((k, v) -> rejectedByReason.merge(k, v, Long::sum));
    o.rejectedExample.forEach(rejectedExample::putIfAbsent);
    o.steps.forEach((k, v) -> step(k).merge(v));
    groups.merge(o.groups);
    o.annotations.forEach(annotations::putIfAbsent);
    return this;
  }

  public long records() { return documents + rejected(); }
  public long documents() { return documents; }
  public long kept() { return kept; }
  public long dropped() { return dropped; }
  public long rejected() { return rejectedByReason.values().stream().mapToLong(Long::longValue).sum(); }
  public long shards() { return shards; }
  public long bytesIn() { return bytesIn; }
  public long bytesOut() { return bytesOut; }
  public long wordsIn() { return wordsIn; }
  public long wordsOut() { return wordsOut; }
  public long tokensIn() { return tokensIn; }
  public long tokensOut() { return tokensOut; }
  public Map<String, Long> rejectedByReason() { return rejectedByReason; }
  public Map<String, String> rejectedExample() { return rejectedExample; }
  public Map<String, StepStats> steps() { return steps; }
  public Map<String, Object> corpusSteps() { return corpusSteps; }
  public Map<String, Object> estimates() { return estimates; }
  public GroupStats groups() { return groups; }
  /** Field name → id of the step that wrote it. */
  public Map<String, String> annotations() { return annotations; }

  // ------------------------------------------------------------------------------------------ JSON

  public ObjectNode toJson(ObjectMapper m) {
    ObjectNode n = m.createObjectNode();
    n.put("shards", shards);
    n.put("records", records());
    n.put("documents", documents);
    n.put("kept", kept);
    n.put("dropped", dropped);
    n.put("rejected", rejected());
    n.set("rejected_by_reason", m.valueToTree(rejectedByReason));
    if (!rejectedExample.isEmpty()) n.set("rejected_example", m.valueToTree(rejectedExample));
    n.put("bytes_in", bytesIn);
    n.put("bytes_out", bytesOut);
    n.put("words_in", wordsIn);
    n.put("words_out", wordsOut);
    if (tokensIn >= 0) n.put("tokens_in", tokensIn);
    if (tokensOut >= 0) n.put("tokens_out", tokensOut);
    if (!corpusSteps.isEmpty()) n.set("corpus_steps", m.valueToTree(corpusSteps));
    if (!estimates.isEmpty()) n.set("estimates", m.valueToTree(estimates));
    if (!groups.isEmpty()) n.set("groups", groups.toJson(m));
    if (!annotations.isEmpty()) n.set("annotations", m.valueToTree(annotations));
    ObjectNode st = n.putObject("steps");
    steps.forEach((id, s) -> {
      ObjectNode o = st.putObject(id);
      o.put("in", s.docsIn);
      o.put("kept", s.kept);
      o.put("modified", s.modified);
      o.put("dropped", s.dropped);
      o.set("dropped_by_reason", m.valueToTree(s.droppedByReason));
      o.set("modified_by_reason", m.valueToTree(s.modifiedByReason));
      if (!s.counters.isEmpty()) o.set("counters", m.valueToTree(s.counters));
      o.put("bytes_in", s.bytesIn);
      o.put("bytes_out", s.bytesOut);
      o.put("words_in", s.wordsIn);
      o.put("words_out", s.wordsOut);
      o.put("seconds", s.nanos / 1e9);
    });
    return n;
  }

  public static RunStats fromJson(JsonNode n) {
    RunStats r = new RunStats();
    r.shards = n.path("shards").asLong();
    r.documents = n.path("documents").asLong();
    r.kept = n.path("kept").asLong();
    r.dropped = n.path("dropped").asLong();
    r.bytesIn = n.path("bytes_in").asLong();
    r.bytesOut = n.path("bytes_out").asLong();
    r.wordsIn = n.path("words_in").asLong();
    r.wordsOut = n.path("words_out").asLong();
    r.tokensIn = n.has("tokens_in") ? n.get("tokens_in").asLong() : -1;
    r.tokensOut = n.has("tokens_out") ? n.get("tokens_out").asLong() : -1;
    n.path("rejected_by_reason").fields().forEachRemaining(e -> r.rejectedByReason.put(e.getKey(), e.getValue().asLong()));
    n.path("rejected_example").fields().forEachRemaining(e -> r.rejectedExample.put(e.getKey(), e.getValue().asText()));
    n.path("corpus_steps").fields().forEachRemaining(e -> r.corpusSteps.put(e.getKey(), e.getValue()));
    n.path("estimates").fields().forEachRemaining(e -> r.estimates.put(e.getKey(), e.getValue()));
    r.groups.merge(GroupStats.fromJson(n.path("groups")));
    n.path("annotations").fields().forEachRemaining(e -> r.annotations.put(e.getKey(), e.getValue().asText()));
    n.path("steps").fields().forEachRemaining(e -> {
      JsonNode o = e.getValue();
      StepStats s = r.step(e.getKey());
      s.docsIn = o.path("in").asLong();
      s.kept = o.path("kept").asLong();
      s.modified = o.path("modified").asLong();
      s.dropped = o.path("dropped").asLong();
      o.path("dropped_by_reason").fields().forEachRemaining(x -> s.droppedByReason.put(x.getKey(), x.getValue().asLong()));
      o.path("modified_by_reason").fields().forEachRemaining(x -> s.modifiedByReason.put(x.getKey(), x.getValue().asLong()));
      o.path("counters").fields().forEachRemaining(x -> s.counters.put(x.getKey(), x.getValue().asLong()));
      s.bytesIn = o.path("bytes_in").asLong();
      s.bytesOut = o.path("bytes_out").asLong();
      s.wordsIn = o.path("words_in").asLong();
      s.wordsOut = o.path("words_out").asLong();
      s.nanos = (long) (o.path("seconds").asDouble() * 1e9);
    });
    return r;
  }
}
