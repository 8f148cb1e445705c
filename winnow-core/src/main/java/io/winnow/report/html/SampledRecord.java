package io.winnow.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;

/**
 * One record picked for a sample: what the decision log says about it (id, location, the deciding step, its
 * reason and values) and whether an earlier step changed its text, so a text read back from the input is not
 * the text that step saw.
 *
 * @param step the step that dropped it (or, for a kept record sampled by a modify reason, the step that changed it)
 * @param values the deciding step's measured values ({@code {}} when it logged none)
 * @param changedBefore a step before {@code step} modified the text
 */
public record SampledRecord(String id, String location, Outcome outcome, String step, String reason, JsonNode values,
    boolean changedBefore, String detail) {

  /** The record's sample entry for {@code reason}: the decision of the step that gave it (or the last one). */
  public static SampledRecord of(LogEntry e, String reason) {
    JsonNode trail = e.raw().path("trail");
    String step = e.raw().path("by").asText(null);
    JsonNode values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    boolean changed = false;
    for (JsonNode d : trail) {
      boolean decides = reason != null && reason.equals(d.path("reason").asText(null));
      if (decides) {
        step = d.path("step").asText();
        if (d.has("values")) values = d.get("values");
        break;
      }
      if ("modify".equals(d.path("action").asText())) changed = true;
    }
    return new SampledRecord(e.id(), e.source(), e.outcome(), step, reason, values, changed,
        e.raw().path("detail").asText(null));
  }

  /** The input file of the record: its location without {@code :line} or {@code @offset}. */
  public String file() {
    return fileOf(location);
  }

  static String fileOf(String location) {
    int cut = Math.max(location.lastIndexOf(':'), location.lastIndexOf('@'));
    if (cut > 0 && cut < location.length() - 1 && location.substring(cut + 1).chars().allMatch(Character::isDigit)) {
      return location.substring(0, cut);
    }
    return location;
  }
}
