package io.winnow.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/**
 * The selection report of a run, from its {@code stats.json}: every drop by step and reason, then for each
 * {@code select} step the score and length distributions before and after, the share per group and examples.
 */
public final class SelectionReport {
  private SelectionReport() {}

  public static void print(JsonNode stats, PrintWriter w) {
    w.printf("records %,d → kept %,d (%.1f %%)%n%n", stats.path("records").asLong(), stats.path("kept").asLong(),
        100.0 * stats.path("kept").asLong() / Math.max(1, stats.path("records").asLong()));
    w.printf("%-34s %8s%n", "dropped or changed, by reason", "records");
    for (Iterator<Map.Entry<String, JsonNode>> it = stats.path("steps").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> step = it.next();
      for (String kind : new String[] {"dropped_by_reason", "modified_by_reason"}) {
        for (Iterator<Map.Entry<String, JsonNode>> r = step.getValue().path(kind).fields(); r.hasNext();) {
          Map.Entry<String, JsonNode> e = r.next();
          w.printf("  %-32s %8d%s%n", e.getKey(), e.getValue().asLong(), kind.startsWith("modified") ? "  (changed)" : "");
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = stats.path("corpus_steps").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> step = it.next();
      JsonNode s = step.getValue();
      if (!s.has("selected")) continue;
      w.printf("%nselect '%s': %,d of %,d candidates (target %,d) by %s; %,d skipped as too similar%n", step.getKey(),
          s.path("selected").asLong(), s.path("candidates").asLong(), s.path("target").asLong(), s.path("score").asText(),
          s.path("too_similar").asLong());
      w.printf("%n%-22s %8s %8s %8s %8s %8s %8s%n", "distribution", "min", "p10", "p50", "p90", "max", "mean");
      for (String d : new String[] {"score_before", "score_after", "response_words_before", "response_words_after"}) {
        JsonNode v = s.path(d);
        w.printf("%-22s %8s %8s %8s %8s %8s %8s%n", d, num(v, "min"), num(v, "p10"), num(v, "p50"), num(v, "p90"), num(v, "max"), num(v, "mean"));
      }
      for (Iterator<Map.Entry<String, JsonNode>> g = s.fields(); g.hasNext();) {
        Map.Entry<String, JsonNode> e = g.next();
        if (!e.getKey().startsWith("groups_by_")) continue;
        long before = 0;
        long after = 0;
        for (JsonNode v : e.getValue()) {
          before += v.path("before").asLong();
          after += v.path("after").asLong();
        }
        w.printf("%n%-48s %14s %14s%n", e.getKey().substring(10), "before", "after");
        for (Iterator<Map.Entry<String, JsonNode>> v = e.getValue().fields(); v.hasNext();) {
          Map.Entry<String, JsonNode> grp = v.next();
          long b = grp.getValue().path("before").asLong();
          long a = grp.getValue().path("after").asLong();
          w.printf("%-48s %6d %6.1f %% %6d %6.1f %%%n", cut(grp.getKey().isEmpty() ? "(none)" : grp.getKey(), 48), b, 100.0 * b / Math.max(1, before), a,
              100.0 * a / Math.max(1, after));
        }
      }
      w.printf("%ntop of the selection:%n");
      for (JsonNode e : s.path("examples")) {
        w.printf("  #%d %s (score %s): %s%n", e.path("rank").asInt(), e.path("id").asText(), e.path("score").asText(), e.path("prompt").asText());
      }
      if (s.path("too_similar_examples").size() > 0) w.printf("%nskipped as too similar:%n");
      for (JsonNode e : s.path("too_similar_examples")) {
        w.printf("  %s: %s%n    ≈ %s: %s%n", e.path("id").asText(), e.path("prompt").asText(), e.path("similar_to").asText(), e.path("similar_prompt").asText());
      }
    }
    w.flush();
  }

  private static String num(JsonNode v, String k) {
    return v.has(k) ? v.get(k).asText() : "-";
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
  }
}
