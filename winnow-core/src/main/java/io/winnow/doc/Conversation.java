package io.winnow.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The turns of a chat or instruction record (OpenAI messages, ShareGPT, Alpaca, preference pairs), attached to
 * its {@link Document}. The document's text is derived from the turns ({@link #joinedText}), so steps that read
 * only text see the whole conversation; turn-aware steps address the prompt, the response or all turns.
 *
 * <p>The record's original bytes are kept: a writer gives them back unchanged unless a turn was rewritten
 * ({@link #modified}), so untouched records round-trip byte for byte. The parsed record (a Jackson tree, opaque
 * here) is kept for rewriting; each turn knows where in it its text lives.
 */
public final class Conversation {
  /** Normalised roles; the record's own spelling is kept in {@link Turn#sourceRole}. */
  public enum Role {
    SYSTEM, USER, ASSISTANT, /** An assistant's call of a tool (ShareGPT {@code function_call}). */ TOOL_CALL,
    /** A tool's answer (OpenAI {@code tool}, ShareGPT {@code observation}). */ TOOL;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which turns of a preference pair a turn belongs to: the shared context, or one of the two answers. */
  public enum Branch { CONTEXT, CHOSEN, REJECTED }

  /**
   * One turn.
   *
   * @param pointer where the text lives in the record (a JSON pointer such as {@code /conversations/3/value}),
   *     null when it cannot be rewritten (content given as several parts)
   */
  public record Turn(int index, Role role, String sourceRole, String content, Branch branch, String pointer) {
    public Turn withContent(String newContent) {
      return new Turn(index, role, sourceRole, newContent, branch, pointer);
    }
  }

  private final String format;
  private final boolean fromArray;
  private final byte[] originalRecord;
  private final Object record;
  private final List<Turn> turns;
  private boolean modified;
  /** What a non-JSON container needs to write the record back (a Parquet row and its schema); null for JSON. */
  private Object origin;

  /**
   * @param format the record's format name ({@code openai}, {@code sharegpt}, {@code alpaca}, {@code preference})
   * @param fromArray the record was an element of a JSON array (not a JSON Lines line)
   * @param originalRecord the record's bytes as read
   * @param record the parsed record, for rewriting (owned by the format's writer)
   */
  public Conversation(String format, boolean fromArray, byte[] originalRecord, Object record, List<Turn> turns) {
    this.format = format;
    this.fromArray = fromArray;
    this.originalRecord = originalRecord;
    this.record = record;
    this.turns = new ArrayList<>(turns);
  }

  /**
   * A conversation as it was at some point of a run (written to an engine's stage file and read back): the same
   * turns, and marked rewritten when it was.
   */
  public static Conversation restored(String format, boolean fromArray, byte[] originalRecord, Object record,
      List<Turn> turns, boolean modified) {
    Conversation c = new Conversation(format, fromArray, originalRecord, record, turns);
    c.modified = modified;
    return c;
  }

  public String format() {
    return format;
  }

  public boolean fromArray() {
    return fromArray;
  }

  /** The record's bytes as read; the caller must not modify them. */
  public byte[] originalRecord() {
    return originalRecord;
  }

  public Object record() {
    return record;
  }

  public Object origin() {
    return origin;
  }

  public void setOrigin(Object origin) {
    this.origin = origin;
  }

  public List<Turn> turns() {
    return java.util.Collections.unmodifiableList(turns);
  }

  /** True once a turn has been rewritten: the record must be serialised again. */
  public boolean modified() {
    return modified;
  }

  /** Rewrites one turn's text; returns the document text derived from the new turns. */
  public String setContent(int index, String newContent) {
    Turn t = turns.get(index);
    if (t.content().equals(newContent)) return joinedText();
    if (t.pointer() == null) {
      throw new IllegalStateException("turn " + index + " (" + t.sourceRole() + ") is given in several parts and cannot be rewritten");
    }
    turns.set(index, t.withContent(newContent));
    modified = true;
    return joinedText();
  }

  /** The document text: every turn's content, in order, separated by a blank line. */
  public String joinedText() {
    StringBuilder sb = new StringBuilder();
    for (Turn t : turns) {
      if (t.content().isEmpty()) continue;
      if (sb.length() > 0) sb.append("\n\n");
      sb.append(t.content());
    }
    return sb.toString();
  }
}
