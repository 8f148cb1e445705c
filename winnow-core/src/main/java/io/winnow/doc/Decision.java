package io.winnow.doc;

import java.util.Map;

/**
 * One step's decision on one document, as written to the decision log.
 *
 * @param step the step's id in the pipeline
 * @param action keep, modify or drop
 * @param reason {@code <step>.<code>} for drops and modifications with a reason, else null
 * @param values the measured figures behind the decision (never null, may be empty)
 */
public record Decision(String step, Action action, String reason, Map<String, Object> values) {
  public Decision {
    values = values == null ? Map.of() : values;
  }
}
