package io.winnow.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Document;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Funnel figures per value of the {@code run.group_by} fields: documents, kept, bytes and tokens in and out,
 * and the step that dropped each dropped one. A value that merges, like the rest of the statistics.
 *
 * <p>A field is a dotted path into the record's fields ({@code language}, {@code metadata.source}); a leading
 * {@code metadata.} may be left out or kept, as the record has it. It is read from the document as it leaves the
 * pipeline, so an annotation of a step counts for the documents that reached that step; a document without the
 * field counts under {@value #NONE}. At most {@value #MAX_VALUES} values per field are kept apart; the rest
 * add up under {@value #OTHER}, which bounds the memory whatever the data.
 */
public final class GroupStats {
  public static final String NONE = "(none)";
  public static final String OTHER = "(other)";
  public static final int MAX_VALUES = 1000;

  /** The figures of one value. */
  public static final class Figures {
    long documents;
    long kept;
    long bytesIn;
    long bytesOut;
    long tokensIn = -1;
    long tokensOut = -1;
    final Map<String, Long> droppedByStep = new TreeMap<>();

    void merge(Figures o) {
      documents += o.documents;
      kept += o.kept;
      bytesIn += o.bytesIn;
      bytesOut += o.bytesOut;
      tokensIn = RunStats.plusCount(tokensIn, o.tokensIn);
      tokensOut = RunStats.plusCount(tokensOut, o.tokensOut);
      o.droppedByStep.forEach((k, v) -> droppedByStep.merge(k, v, Long::sum));
    }

    public long documents() { return documents; }
    public long kept() { return kept; }
    public long dropped() { return documents - kept; }
    public long bytesIn() { return bytesIn; }
    public long bytesOut() { return bytesOut; }
    public long tokensIn() { return tokensIn; }
    public long tokensOut() { return tokensOut; }
    public Map<String, Long> droppedByStep() { return droppedByStep; }
  }

  private final Map<String, Map<String, Figures>> byField = new LinkedHashMap<>();

  /** Counts a document that left the pipeline kept ({@code droppedBy} null) or dropped by a step. */
  public void record(List<String> fields, Document doc, String droppedBy, long bytesIn, long tokensIn, long bytesOut, long tokensOut) {
    for (String field : fields) {
      Figures f = figures(field, valueOf(doc, field));
      f.documents++;
      f.bytesIn += bytesIn;
      f.tokensIn = RunStats.plusCount(f.tokensIn, tokensIn);
      if (droppedBy == null) {
        f.kept++;
        f.bytesOut += bytesOut;
        f.tokensOut = RunStats.plusCount(f.tokensOut, tokensOut);
      } else {
        f.droppedByStep.merge(droppedBy, 1L, Long::sum);
      }
    }
  }

  private Figures figures(String field, String value) {
    Map<String, Figures> values = byField.computeIfAbsent(field, k -> new TreeMap<>());
    Figures f = values.get(value);
    if (f == null) {
      if (values.size() >= MAX_VALUES) value = OTHER;
      f = values.computeIfAbsent(value, k -> new Figures());
    }
    return f;
  }

  /** The field's value as a string, or {@value #NONE}. */
  static String valueOf(Document doc, String field) {
    Object v = path(doc.metadata(), field.split("\\."), 0);
    if (v == null && field.startsWith("metadata.")) v = path(doc.metadata(), field.substring("metadata.".length()).split("\\."), 0);
    if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) return NONE;
    String s = v.toString();
    return s.isEmpty() ? NONE : s.length() > 200 ? s.substring(0, 200) : s;
  }

  private static Object path(Object node, String[] parts, int i) {
    if (i == parts.length) return node;
    if (!(node instanceof Map<?, ?> m)) return null;
    return path(m.get(parts[i]), parts, i + 1);
  }

  public GroupStats merge(GroupStats o) {
    o.byField.forEach((field, values) -> values.forEach((v, f) -> figures(field, v).merge(f)));
    return this;
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public Map<String, Map<String, Figures>> byField() {
    return byField;
  }

  public ObjectNode toJson(ObjectMapper m) {
    ObjectNode n = m.createObjectNode();
    byField.forEach((field, values) -> {
      ObjectNode fn = n.putObject(field);
      values.forEach((v, f) -> {
        ObjectNode o = fn.putObject(v);
        o.put("documents", f.documents);
        o.put("kept", f.kept);
        o.put("dropped", f.dropped());
        o.put("bytes_in", f.bytesIn);
        o.put("bytes_out", f.bytesOut);
        if (f.tokensIn >= 0) o.put("tokens_in", f.tokensIn);
        if (f.tokensOut >= 0) o.put("tokens_out", f.tokensOut);
        o.set("dropped_by_step", m.valueToTree(f.droppedByStep));
      });
    });
    return n;
  }

  public static GroupStats fromJson(JsonNode n) {
    GroupStats g = new GroupStats();
    n.fields().forEachRemaining(field -> field.getValue().fields().forEachRemaining(v -> {
      JsonNode o = v.getValue();
      Figures f = g.figures(field.getKey(), v.getKey());
      f.documents = o.path("documents").asLong();
      f.kept = o.path("kept").asLong();
      f.bytesIn = o.path("bytes_in").asLong();
      f.bytesOut = o.path("bytes_out").asLong();
      f.tokensIn = o.has("tokens_in") ? o.get("tokens_in").asLong() : -1;
      f.tokensOut = o.has("tokens_out") ? o.get("tokens_out").asLong() : -1;
      o.path("dropped_by_step").fields().forEachRemaining(x -> f.droppedByStep.put(x.getKey(), x.getValue().asLong()));
    }));
    return g;
  }
}
