package io.winnow.step.dedup;

import io.winnow.doc.Document;

/**
 * Which member of a duplicate cluster survives. Deterministic: the highest score wins and ties go to the
 * document first in input order (sorted input files, then line order), whatever the number of workers.
 *
 * <ul>
 *   <li>{@code first}: the first in input order (default);
 *   <li>{@code longest}: the longest text;
 *   <li>{@code max:<field>}: the largest numeric metadata field, e.g. {@code max:quality_score} (missing or
 *       non-numeric values rank lowest).
 * </ul>
 */
public record KeeperRule(Kind kind, String field) {
  public enum Kind { FIRST, LONGEST, MAX_FIELD }

  public static KeeperRule parse(String spec) {
    if (spec == null || spec.equals("first")) return new KeeperRule(Kind.FIRST, null);
    if (spec.equals("longest")) return new KeeperRule(Kind.LONGEST, null);
    if (spec.startsWith("max:") && spec.length() > 4) return new KeeperRule(Kind.MAX_FIELD, spec.substring(4));
    throw new IllegalArgumentException("'keeper' must be first, longest or max:<metadata field>, got \"" + spec + "\"");
  }

  public double score(Document doc) {
    return switch (kind) {
      case FIRST -> 0;
      case LONGEST -> doc.text().length();
      case MAX_FIELD -> {
        Object v = io.winnow.doc.FieldPath.get(doc.metadata(), field);
        yield v instanceof Number n ? n.doubleValue() : Double.NEGATIVE_INFINITY;
      }
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case FIRST -> "first";
      case LONGEST -> "longest";
      case MAX_FIELD -> "max:" + field;
    };
  }
}
