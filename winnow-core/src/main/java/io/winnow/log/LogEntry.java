package io.winnow.log;

import com.fasterxml.jackson.databind.JsonNode;

/** One record of a decision log, as read back (for explain, reports and tests). */
public record LogEntry(String id, String source, Outcome outcome, String reason, JsonNode raw) {
  static LogEntry of(JsonNode n) {
    JsonNode id = n.get("id");
    return new LogEntry(id == null || id.isNull() ? null : id.asText(), n.path("src").asText(),
        Outcome.parse(n.path("outcome").asText()), n.hasNonNull("reason") ? n.get("reason").asText() : null, n);
  }
}
