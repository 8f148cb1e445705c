package io.winnow.doc;

import io.winnow.text.EnglishWordSplitter;
import io.winnow.text.PyText;
import io.winnow.text.Utf8;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a corpus: a stable id, the text, metadata and where it came from.
 *
 * <p>Derived views of the text (words, lines) are computed at most once per version of the text and shared by
 * every step; {@link #setText} drops them. A document is owned by one worker at a time and is not thread-safe.
 */
public final class Document {
  private final String id;
  private final Provenance provenance;
  private final Map<String, Object> metadata;
  private String text;
  private EnglishWordSplitter.Tokens tokens;
  private String[] words;
  private List<String> lines;
  private long utf8Bytes = -1;
  private int whitespaceWords = -1;
  /** The text as its JSON string's contents (UTF-8, escaped, no quotes), the way a writer would write it; or null. */
  private byte[] jsonText;
  private Conversation conversation;

  public Document(String id, String text, Map<String, Object> metadata, Provenance provenance) {
    this.id = Objects.requireNonNull(id, "id");
    this.text = Objects.requireNonNull(text, "text");
    this.metadata = metadata == null ? new LinkedHashMap<>() : metadata;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  public static Document of(String id, String text) {
    return new Document(id, text, new LinkedHashMap<>(), Provenance.unknown());
  }

  public String id() {
    return id;
  }

  public String text() {
    return text;
  }

  /** Replaces the text and forgets every view derived from the old one. */
  public void setText(String newText) {
    this.text = Objects.requireNonNull(newText, "text");
    this.tokens = null;
    this.words = null;
    this.lines = null;
    this.utf8Bytes = -1;
    this.whitespaceWords = -1;
    this.jsonText = null;
  }

  /**
   * Records what a JSON reader knows of the text it just decoded: its UTF-8 size, its whitespace words (or -1), and
   * (or null) the escaped bytes it was read from when they are exactly the bytes a JSON writer produces for it. A
   * record no step changes is then written back by copying them, without encoding the text again.
   */
  public void setReadText(long utf8Size, int words, byte[] escapedUtf8) {
    this.utf8Bytes = utf8Size;
    this.whitespaceWords = words;
    this.jsonText = escapedUtf8;
  }

  /** The bytes given to {@link #setReadText}, while the text is the one read; else null. */
  public byte[] jsonText() {
    return jsonText;
  }

  /**
   * Replaces the text, keeping {@code words} as its memoised words when not null: they must equal what
   * {@link #words()} would compute from the new text (a step that drops lines knows them from the old one).
   */
  public void setText(String newText, String[] words) {
    setText(newText);
    this.words = words;
  }

  /** Fields of the source record other than id and text, plus annotations added by steps. Mutable. */
  public Map<String, Object> metadata() {
    return metadata;
  }

  public Provenance provenance() {
    return provenance;
  }

  /** The turns of a chat or instruction record, or null for flat text. */
  public Conversation conversation() {
    return conversation;
  }

  /** Attaches the turns a conversation reader found; the text should be {@link Conversation#joinedText}. */
  public void setConversation(Conversation c) {
    this.conversation = c;
  }

  /**
   * The English word-splitter tokens of the text, memoised. The array is shared: callers must not modify it.
   */
  public String[] words() {
    String[] w = words;
    if (w == null) words = w = EnglishWordSplitter.words(tokens());
    return w;
  }

  /** The English word splitter's tokens of the text, with whitespace tokens and offsets, memoised. */
  public EnglishWordSplitter.Tokens tokens() {
    EnglishWordSplitter.Tokens t = tokens;
    if (t == null) tokens = t = EnglishWordSplitter.get().tokenize(text);
    return t;
  }

  /** The text's lines with Python {@code str.splitlines()} semantics, memoised; unmodifiable. */
  public List<String> lines() {
    List<String> l = lines;
    if (l == null) lines = l = List.copyOf(PyText.splitLines(text));
    return l;
  }

  /** Size of the text in UTF-8 bytes, memoised (for statistics). */
  public long utf8Bytes() {
    if (utf8Bytes < 0) utf8Bytes = Utf8.length(text);
    return utf8Bytes;
  }

  /** Number of whitespace-separated words, memoised: the cheap word count reported in statistics. */
  public int whitespaceWords() {
    if (whitespaceWords < 0) whitespaceWords = PyText.countWhitespaceWords(text);
    return whitespaceWords;
  }

  @Override
  public String toString() {
    return "Document[" + id + ", " + text.length() + " chars]";
  }
}
