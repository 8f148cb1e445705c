package io.winnow.io.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Conversation;
import io.winnow.doc.Provenance;
import io.winnow.io.DocumentReader;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import io.winnow.text.Utf8;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads chat and instruction records — JSON Lines or one JSON array, told apart by the first byte — as
 * documents carrying their {@link Conversation}. The text of a document is its turns joined by blank lines;
 * top-level fields other than the turns become metadata. A bad record is rejected with the file and its
 * record number (1-based) and the reader goes on with the next one.
 */
final class ConversationReader implements DocumentReader {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final String source;
  private final InputStream in;
  private final RecordSplitter split;
  /** Null: detect each record's format from its fields. */
  private final ConversationCodec codec;
  private final String idField;
  private final ReaderLimits limits;
  private long recordNo;
  private boolean done;
  private boolean any;

  ConversationReader(String source, InputStream in, ConversationCodec codec, String idField, ReaderLimits limits) {
    this.source = source;
    this.in = in;
    this.split = new RecordSplitter(in, limits.maxDocumentBytes());
    this.codec = codec;
    this.idField = idField;
    this.limits = limits;
  }

  @Override
  public ReadResult next() {
    if (done) return null;
    RecordSplitter.Kind kind;
    try {
      kind = split.next();
    } catch (EOFException e) {
      done = true;
      return ReadResult.rejected(new Rejection(null, source + ": record " + (recordNo + 1), Reason.TRUNCATED, e.getMessage()));
    } catch (IOException e) {
      done = true;
      return ReadResult.rejected(new Rejection(null, source + ": record " + (recordNo + 1), Reason.CORRUPT, String.valueOf(e.getMessage())));
    }
    if (kind == RecordSplitter.Kind.END) {
      done = true;
      return any ? null : ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE, "the file holds no records"));
    }
    any = true;
    recordNo++;
    String location = location();
    if (kind == RecordSplitter.Kind.TOO_LARGE) {
      return ReadResult.rejected(new Rejection(null, location, Reason.TOO_LARGE,
          "record of " + split.recordBytes() + " bytes exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    return parse(split.bytes(), location);
  }

  private String location() {
    return split.isArray() ? source + ": record " + recordNo + " (byte " + split.offset() + ")" : source + ":" + split.line();
  }

  private ReadResult parse(byte[] bytes, String location) {
    if (!Utf8.isValid(bytes, 0, bytes.length)) return ReadResult.rejected(new Rejection(null, location, Reason.INVALID_UTF8, "the record is not valid UTF-8"));
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      Reason r = msg != null && msg.startsWith("Duplicate field") ? Reason.DUPLICATE_KEY : Reason.MALFORMED_JSON;
      return ReadResult.rejected(new Rejection(null, location, r, msg));
    }
    if (!(node instanceof ObjectNode rec)) {
      return ReadResult.rejected(new Rejection(null, location, Reason.MALFORMED_CONVERSATION, "the record is not a JSON object"));
    }
    String fallbackId = split.isArray() ? source + "#" + recordNo : location;
    Provenance prov = split.isArray() ? Provenance.offset(source, split.offset()) : Provenance.line(source, split.line());
    return ConversationRecords.document(rec, codec == null ? null : codec.formatName, idField, location, fallbackId, prov, bytes, split.isArray());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
