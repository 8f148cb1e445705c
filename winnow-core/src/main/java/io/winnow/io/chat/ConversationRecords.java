package io.winnow.io.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Conversation;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.ReadResult;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conversation record as a JSON tree, to a document and back: the single set of parsing rules for every
 * container (JSON Lines, JSON arrays, and containers such as Parquet that give their rows as JSON trees).
 */
public final class ConversationRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConversationRecords() {}

  /**
   * The document of one record, or its rejection.
   *
   * @param format {@code openai}, {@code sharegpt}, {@code alpaca}, {@code preference}, or null / {@code chat}
   *     to tell each record's format by its fields
   * @param location where the record is, for messages (file and line, record or row)
   * @param fallbackId the id when the record has no id field
   */
  public static ReadResult document(ObjectNode rec, String format, String idField, String location, String fallbackId,
      Provenance prov, byte[] originalRecord, boolean fromArray) {
    JsonNode idNode = rec.get(idField);
    String id = idNode == null || idNode.isNull() ? fallbackId : idNode.asText();
    ConversationCodec c = format == null ? null : ConversationCodec.named(format);
    if (c == null) c = ConversationCodec.detect(rec);
    if (c == null) {
      return ReadResult.rejected(new Rejection(idNode == null ? null : id, location, Reason.MALFORMED_CONVERSATION,
          "not a conversation: expected messages, conversations, chosen/rejected or instruction/output; fields present: " + ConversationCodec.fieldNames(rec)));
    }
    List<Turn> turns = new ArrayList<>();
    try {
      c.parse(rec, turns);
    } catch (ConversationCodec.MalformedRecordException e) {
      return ReadResult.rejected(new Rejection(idNode == null ? null : id, location, Reason.MALFORMED_CONVERSATION, c.formatName + ": " + e.getMessage()));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = rec.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> f = it.next();
      if (c.turnFields.contains(f.getKey()) || f.getKey().equals(idField)) continue;
      metadata.put(f.getKey(), JSON.convertValue(f.getValue(), Object.class));
    }
    Conversation conv = new Conversation(c.formatName, fromArray, originalRecord, rec, turns);
    Document doc = new Document(id, conv.joinedText(), metadata, prov);
    doc.setConversation(conv);
    return ReadResult.of(doc);
  }

  /** A copy of the record with every rewritable turn's current text put back in place. */
  public static ObjectNode rewritten(Conversation c) {
    ObjectNode rec = ((ObjectNode) c.record()).deepCopy();
    ConversationCodec.write(rec, c.turns());
    return rec;
  }
}
