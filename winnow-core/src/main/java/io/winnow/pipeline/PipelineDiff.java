package io.winnow.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys in which two pipeline definitions differ, as dotted paths ({@code steps.<id>.<param>},
 * {@code run.limit}), for the message that refuses to resume a run with another pipeline. Keys that do not
 * change a run's output (output.path, run.workers, run.max_rejected_share) are left out, as the fingerprint
 * leaves them out.
 */
public final class PipelineDiff {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> IGNORED = Set.of("output.path", "run.workers", "run.max_rejected_share");
  /** Differences listed before the rest is summarised as "and N more". */
  static final int SHOWN = 12;

  private PipelineDiff() {}

  /** "key: before → after" for each differing key; empty when the definitions agree on every compared key. */
  public static List<String> differences(JsonNode before, Map<String, Object> after) {
    Map<String, String> a = flatten(before);
    Map<String, String> b = flatten(JSON.valueToTree(after));
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<String> out = new ArrayList<>();
    List<String> idsBefore = stepIds(before);
    List<String> idsAfter = stepIds(JSON.valueToTree(after));
    if (!idsBefore.equals(idsAfter)) out.add("steps: [" + String.join(", ", idsBefore) + "] → [" + String.join(", ", idsAfter) + "]");
    for (String k : keys) {
      if (IGNORED.contains(k) || (k.startsWith("steps.") && k.endsWith(".id"))) continue;
      String x = a.get(k);
      String y = b.get(k);
      if (!java.util.Objects.equals(x, y)) out.add(k + ": " + (x == null ? "(unset)" : x) + " → " + (y == null ? "(unset)" : y));
    }
    return out;
  }

  /** The differences as one clause for an error message, or "" when there are none. */
  public static String describe(JsonNode before, Map<String, Object> after) {
    List<String> d = differences(before, after);
    if (d.isEmpty()) return "";
    String shown = String.join("; ", d.subList(0, Math.min(SHOWN, d.size())));
    return "; changed: " + shown + (d.size() > SHOWN ? "; and " + (d.size() - SHOWN) + " more" : "")
        + " (pass --overwrite to start the run again, or choose another output path)";
  }

  private static Map<String, String> flatten(JsonNode def) {
    Map<String, String> out = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> sections = def.fields();
    while (sections.hasNext()) {
      Map.Entry<String, JsonNode> s = sections.next();
      if (s.getKey().equals("steps")) {
        for (JsonNode step : s.getValue()) {
          String id = stepId(step);
          if (step.isObject()) flatten("steps." + id, step, out);
          else out.put("steps." + id + ".type", step.toString());
        }
      } else {
        flatten(s.getKey(), s.getValue(), out);
      }
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
    if (!n.isObject()) {
      out.put(prefix, n.toString());
      return;
    }
    n.fields().forEachRemaining(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
  }

  private static List<String> stepIds(JsonNode def) {
    List<String> ids = new ArrayList<>();
    for (JsonNode step : def.path("steps")) ids.add(stepId(step));
    return ids;
  }

  private static String stepId(JsonNode step) {
    if (!step.isObject()) return step.asText();
    return step.hasNonNull("id") ? step.get("id").asText() : step.path("type").asText();
  }
}
