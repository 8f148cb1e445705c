package io.winnow.doc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step returns for one document: keep, modify (with the new text) or drop (with a reason), plus the
 * figures it measured. The engine turns a verdict into a logged {@link Decision}; steps never log themselves.
 */
public final class Verdict {
  private static final Verdict KEEP = new Verdict(Action.KEEP, null, null, Map.of());

  private final Action action;
  private final ReasonCode reason;
  private final String newText;
  private final Map<String, Object> values;
  private final java.util.List<String> counters;
  private final String[] newWords;

  private Verdict(Action action, ReasonCode reason, String newText, Map<String, Object> values) {
    this(action, reason, newText, values, java.util.List.of(), null);
  }

  private Verdict(Action action, ReasonCode reason, String newText, Map<String, Object> values,
      java.util.List<String> counters, String[] newWords) {
    this.action = action;
    this.reason = reason;
    this.newText = newText;
    this.values = values;
    this.counters = counters;
    this.newWords = newWords;
  }

  /**
   * The same modification, with the words of the new text already known (they must be exactly
   * {@link Document#words()} of it): a step that only removes lines has them from the old text's words, and
   * the next step that needs words then does not split the whole text again.
   */
  public Verdict withWords(String[] words) {
    if (action != Action.MODIFY) throw new IllegalStateException("only a modification has new words");
    return new Verdict(action, reason, newText, values, counters, words);
  }

  /** The words of {@link #newText}, when the step knew them; else null. */
  public String[] newWords() {
    return newWords;
  }

  /**
   * The same verdict, also counting the document under these names in the step's statistics (e.g.
   * {@code benchmark:gsm8k}), for figures a reason code alone does not give.
   */
  public Verdict withCounters(java.util.List<String> names) {
    return new Verdict(action, reason, newText, values, java.util.List.copyOf(names), newWords);
  }

  public java.util.List<String> counters() {
    return counters;
  }

  public static Verdict keep() {
    return KEEP;
  }

  /** Keep, recording figures (e.g. a score the step annotated). */
  public static Verdict keep(Map<String, Object> values) {
    return new Verdict(Action.KEEP, null, null, values);
  }

  public static Verdict drop(ReasonCode reason, Map<String, Object> values) {
    if (reason == null) throw new IllegalArgumentException("a drop needs a reason");
    return new Verdict(Action.DROP, reason, null, values);
  }

  public static Verdict drop(ReasonCode reason) {
    return drop(reason, Map.of());
  }

  /** Keep with a new text. When the text is unchanged this is a plain keep. */
  public static Verdict modify(String newText, ReasonCode reason, Map<String, Object> values) {
    if (newText == null) throw new IllegalArgumentException("a modification needs the new text");
    return new Verdict(Action.MODIFY, reason, newText, values);
  }

  /** Builds a small ordered map of figures: {@code values("words", 12, "ratio", 0.3)}. */
  public static Map<String, Object> values(Object... keyValues) {
    if (keyValues.length % 2 != 0) throw new IllegalArgumentException("values need key, value pairs");
    Map<String, Object> m = new LinkedHashMap<>(keyValues.length);
    for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
    return Collections.unmodifiableMap(m);
  }

  public Action action() {
    return action;
  }

  public ReasonCode reason() {
    return reason;
  }

  public String newText() {
    return newText;
  }

  public Map<String, Object> values() {
    return values;
  }
}
