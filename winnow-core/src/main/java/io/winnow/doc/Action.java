package io.winnow.doc;

/** What a step did to a document. */
public enum Action {
  /** Passed on unchanged (perhaps annotated). */
  KEEP,
  /** Passed on with its text changed. */
  MODIFY,
  /** Removed from the corpus. */
  DROP;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
