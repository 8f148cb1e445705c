package io.winnow.doc;

/**
 * A short, stable code that says why a step decided what it did, such as {@code gopher_short_doc}. Reason
 * codes are public interface: the decision log stores {@code <step>.<code>}, and users compare counts with
 * other tools by them. Steps declare them as enum constants next to the rule that emits them; an enum
 * constant's code is its name in lower case.
 */
public interface ReasonCode {
  default String code() {
    if (this instanceof Enum<?> e) return e.name().toLowerCase(java.util.Locale.ROOT);
    throw new IllegalStateException(getClass().getName() + " must define code()");
  }

  /** A code computed from configuration (e.g. {@code top_5_gram} for a user-chosen n-gram size). */
  static ReasonCode of(String code) {
    return new Named(code);
  }

  record Named(String code) implements ReasonCode {}
}
