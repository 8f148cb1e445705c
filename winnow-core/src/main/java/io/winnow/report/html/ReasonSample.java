package io.winnow.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A seeded uniform sample of the records a reason decided, streamed from the decision log in one pass with
 * {@code n} records in memory. A reason matches exactly or as a prefix ending at a dot, so a step id picks all
 * its reasons ({@code gopher_quality} matches {@code gopher_quality.gopher_short_doc}).
 */
public final class ReasonSample {
  private ReasonSample() {}

  /**
   * @param reason the reason (or step id) to match, or null with {@code kept} for any kept document
   * @param kept sample kept documents (changed by {@code reason}, when given) instead of dropped or rejected ones
   */
  public static Reservoir<SampledRecord> of(Path runDir, String reason, boolean kept, int n, long seed) throws IOException {
    Reservoir<SampledRecord> r = new Reservoir<>(n, seed);
    DecisionLogReader.forEach(runDir, e -> {
      String matched = match(e, reason, kept);
      if (matched != null) r.offer(() -> SampledRecord.of(e, matched.isEmpty() ? null : matched));
    });
    return r;
  }

  /** The reason of {@code e} that matches, "" for a kept record when no reason is asked, or null for no match. */
  static String match(LogEntry e, String reason, boolean kept) {
    if (kept) {
      if (e.outcome() != Outcome.KEPT) return null;
      if (reason == null) return "";
      for (JsonNode d : e.raw().path("trail")) {
        String r = d.path("reason").asText(null);
        if (r != null && matches(r, reason)) return r;
      }
      return null;
    }
    return e.outcome() != Outcome.KEPT && e.reason() != null && matches(e.reason(), reason) ? e.reason() : null;
  }

  static boolean matches(String actual, String wanted) {
    return actual.equals(wanted) || actual.startsWith(wanted + ".");
  }

  /** The distinct reasons of a run with their counts, for the error when a reason matches nothing. */
  public static List<String> knownReasons(JsonNode statsJson) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    statsJson.path("steps").forEach(s -> {
      s.path("dropped_by_reason").fieldNames().forEachRemaining(out::add);
      s.path("modified_by_reason").fieldNames().forEachRemaining(out::add);
    });
    statsJson.path("rejected_by_reason").fieldNames().forEachRemaining(out::add);
    return List.copyOf(out);
  }
}
