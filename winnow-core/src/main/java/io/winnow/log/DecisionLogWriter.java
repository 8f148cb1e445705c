package io.winnow.log;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.io.Rejection;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the decision log of one shard: one JSON line per input record with its final outcome and its path
 * through the pipeline (every step's action, reason and measured values).
 *
 * <pre>
 * {"id":"doc-1","src":"in.jsonl:12","outcome":"dropped","by":"gopher_quality","reason":"gopher_quality.gopher_short_doc",
 *  "trail":[{"step":"gopher_repetition","action":"keep"},{"step":"gopher_quality","action":"drop",
 *  "reason":"gopher_quality.gopher_short_doc","values":{"non_symbol_words":12,"min":50}}]}
 * {"id":null,"src":"in.jsonl:13","outcome":"rejected","reason":"input.malformed_json","detail":"..."}
 * </pre>
 */
public final class DecisionLogWriter implements Closeable {
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString SRC = new SerializedString("src");
  private static final SerializedString OUTCOME = new SerializedString("outcome");
  private static final SerializedString BY = new SerializedString("by");
  private static final SerializedString REASON = new SerializedString("reason");
  private static final SerializedString DETAIL = new SerializedString("detail");
  private static final SerializedString TRAIL = new SerializedString("trail");
  private static final SerializedString STEP = new SerializedString("step");
  private static final SerializedString ACTION = new SerializedString("action");
  private static final SerializedString VALUES = new SerializedString("values");

  private final JsonGenerator gen;

  public DecisionLogWriter(OutputStream out) throws IOException {
    JsonFactory f = new ObjectMapper().getFactory();
    this.gen = f.createGenerator(out, JsonEncoding.UTF8);
    gen.setRootValueSeparator(new SerializedString("\n"));
  }

  public void document(Document doc, Outcome outcome, List<Decision> trail) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName(ID);
    gen.writeString(doc.id());
    gen.writeFieldName(SRC);
    gen.writeString(doc.provenance().location());
    gen.writeFieldName(OUTCOME);
    gen.writeString(outcome.code());
    Decision last = trail.isEmpty() ? null : trail.get(trail.size() - 1);
    if (outcome == Outcome.DROPPED && last != null) {
      gen.writeFieldName(BY);
      gen.writeString(last.step());
      gen.writeFieldName(REASON);
      gen.writeString(last.reason());
    }
    gen.writeFieldName(TRAIL);
    gen.writeStartArray();
    for (Decision d : trail) {
      gen.writeStartObject();
      gen.writeFieldName(STEP);
      gen.writeString(d.step());
      gen.writeFieldName(ACTION);
      gen.writeString(d.action().code());
      if (d.reason() != null && d.action() != Action.KEEP) {
        gen.writeFieldName(REASON);
        gen.writeString(d.reason());
      }
      if (!d.values().isEmpty()) {
        gen.writeFieldName(VALUES);
        writeValues(d.values());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  public void rejected(Rejection r) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName(ID);
    if (r.id() == null) gen.writeNull();
    else gen.writeString(r.id());
    gen.writeFieldName(SRC);
    gen.writeString(r.location());
    gen.writeFieldName(OUTCOME);
    gen.writeString(Outcome.REJECTED.code());
    gen.writeFieldName(REASON);
    gen.writeString(r.reason().code());
    gen.writeFieldName(DETAIL);
    gen.writeString(r.detail());
    gen.writeEndObject();
  }

  private void writeValues(Map<String, Object> values) throws IOException {
    gen.writeStartObject();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      gen.writeFieldName(e.getKey());
      writeValue(e.getValue());
    }
    gen.writeEndObject();
  }

  /** Numbers, booleans and nested maps and lists as JSON; anything else as its string form. */
  @SuppressWarnings("unchecked")
  private void writeValue(Object v) throws IOException {
    if (v instanceof Map<?, ?> m) writeValues((Map<String, Object>) m);
    else if (v instanceof java.util.List<?> list) {
      gen.writeStartArray();
      for (Object o : list) writeValue(o);
      gen.writeEndArray();
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) gen.writeString(d.toString());
      else gen.writeNumber(d);
    } else if (v instanceof Integer i) gen.writeNumber(i);
    else if (v instanceof Long l) gen.writeNumber(l);
    else if (v instanceof Boolean b) gen.writeBoolean(b);
    else if (v == null) gen.writeNull();
    else gen.writeString(v.toString());
  }

  @Override
  public void close() throws IOException {
    gen.writeRaw('\n');
    gen.close();
  }
}
