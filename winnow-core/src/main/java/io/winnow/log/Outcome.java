package io.winnow.log;

/** The one final outcome of every input record. */
public enum Outcome {
  KEPT, DROPPED, REJECTED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Outcome parse(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
