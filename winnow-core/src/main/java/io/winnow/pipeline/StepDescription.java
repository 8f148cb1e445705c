package io.winnow.pipeline;

import io.winnow.doc.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code winnow steps NAME} prints: a step type's parameters (read by configuring it with none, so the
 * defaults and ranges are the ones validation uses) and its reason codes (the constants of the
 * {@link ReasonCode} enums declared in the step's classes).
 *
 * @param problem why configuring with defaults stopped (a parameter without a default), or null
 * @param reasons the fixed reason codes; some steps also build codes from their configuration
 */
public record StepDescription(StepType type, List<Params.ParamInfo> parameters, String problem, List<String> reasons) {

  public static StepDescription of(StepType type) {
    Params p = Params.describing("step " + type.name());
    String problem = null;
    Object made = null;
    try {
      made = type.isCorpusStep() ? type.corpus().apply(p) : type.document().apply(p).get();
    } catch (RuntimeException e) {
      problem = e.getMessage();
    }
    Set<String> reasons = new LinkedHashSet<>();
    if (made != null) reasonsOf(made.getClass(), reasons);
    return new StepDescription(type, p.described(), problem, new ArrayList<>(reasons));
  }

  /** The codes of every ReasonCode enum declared in {@code c}, its enclosing class and its superclasses. */
  private static void reasonsOf(Class<?> c, Set<String> out) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Class<?> inner : k.getDeclaredClasses()) {
        if (inner.isEnum() && ReasonCode.class.isAssignableFrom(inner)) {
          for (Object constant : inner.getEnumConstants()) out.add(((ReasonCode) constant).code());
        }
      }
      if (k.getEnclosingClass() != null) reasonsOf(k.getEnclosingClass(), out);
    }
  }
}
