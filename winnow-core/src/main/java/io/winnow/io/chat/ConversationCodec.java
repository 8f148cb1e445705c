package io.winnow.io.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.winnow.doc.Conversation.Branch;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one record format holds its turns: which fields, which role names. Parsing yields the turns, each with
 * the JSON pointer of its text so that a rewritten turn can be put back into the record.
 */
enum ConversationCodec {
  /** OpenAI chat: {@code {"messages": [{"role": "system|user|assistant|tool", "content": ...}]}}. */
  OPENAI("openai", Set.of("messages")) {
    @Override
    void parse(ObjectNode rec, List<Turn> out) throws MalformedRecordException {
      ArrayNode msgs = array(rec, "messages");
      for (int i = 0; i < msgs.size(); i++) out.add(openAiTurn(msgs.get(i), "messages[" + i + "]", "/messages/" + i, out.size(), Branch.CONTEXT));
    }
  },

  /** ShareGPT: {@code {"conversations": [{"from": "human|gpt|system|function_call|observation", "value": ...}]}}. */
  SHAREGPT("sharegpt", Set.of("conversations", "system")) {
    @Override
    void parse(ObjectNode rec, List<Turn> out) throws MalformedRecordException {
      systemField(rec, out);
      ArrayNode conv = array(rec, "conversations");
      for (int i = 0; i < conv.size(); i++) out.add(shareGptTurn(conv.get(i), "conversations[" + i + "]", "/conversations/" + i, out.size(), Branch.CONTEXT));
    }
  },

  /** Preference pairs, ShareGPT style: {@code conversations} (the context) plus {@code chosen} and {@code rejected}. */
  PREFERENCE("preference", Set.of("conversations", "system", "chosen", "rejected", "prompt")) {
    @Override
    void parse(ObjectNode rec, List<Turn> out) throws MalformedRecordException {
      if (!rec.has("conversations") && rec.path("chosen").isArray()) {
        parseMessagePairs(rec, out);
        return;
      }
      systemField(rec, out);
      ArrayNode conv = array(rec, "conversations");
      for (int i = 0; i < conv.size(); i++) out.add(shareGptTurn(conv.get(i), "conversations[" + i + "]", "/conversations/" + i, out.size(), Branch.CONTEXT));
      answer(rec, "chosen", Branch.CHOSEN, out);
      answer(rec, "rejected", Branch.REJECTED, out);
    }

    private void answer(ObjectNode rec, String field, Branch branch, List<Turn> out) throws MalformedRecordException {
      JsonNode a = rec.get(field);
      if (a == null) throw new MalformedRecordException("no '" + field + "' answer");
      if (a.isTextual()) out.add(new Turn(out.size(), Role.ASSISTANT, field, a.textValue(), branch, "/" + field));
      else out.add(shareGptTurn(a, field, "/" + field, out.size(), branch));
    }

    /**
     * {@code chosen} and {@code rejected} as lists of OpenAI messages (the Hugging Face TRL layout): after a
     * {@code prompt} (a string or messages) they are the two answers; without one they are two whole
     * conversations, whose common opening messages are the context, taken once from {@code chosen}.
     */
    private void parseMessagePairs(ObjectNode rec, List<Turn> out) throws MalformedRecordException {
      ArrayNode chosen = array(rec, "chosen");
      ArrayNode rejected = array(rec, "rejected");
      int shared = 0;
      JsonNode prompt = rec.get("prompt");
      if (prompt != null && !prompt.isNull()) {
        if (prompt.isTextual()) out.add(new Turn(out.size(), Role.USER, "prompt", prompt.textValue(), Branch.CONTEXT, "/prompt"));
        else if (prompt.isArray()) for (int i = 0; i < prompt.size(); i++) out.add(openAiTurn(prompt.get(i), "prompt[" + i + "]", "/prompt/" + i, out.size(), Branch.CONTEXT));
        else throw new MalformedRecordException("'prompt' is not a string or a list of messages");
      } else {
        while (shared < chosen.size() - 1 && shared < rejected.size() - 1 && chosen.get(shared).equals(rejected.get(shared))) shared++;
        for (int i = 0; i < shared; i++) out.add(openAiTurn(chosen.get(i), "chosen[" + i + "]", "/chosen/" + i, out.size(), Branch.CONTEXT));
      }
      for (int i = shared; i < chosen.size(); i++) out.add(openAiTurn(chosen.get(i), "chosen[" + i + "]", "/chosen/" + i, out.size(), Branch.CHOSEN));
      for (int i = shared; i < rejected.size(); i++) out.add(openAiTurn(rejected.get(i), "rejected[" + i + "]", "/rejected/" + i, out.size(), Branch.REJECTED));
    }
  },

  /** Alpaca: {@code instruction}, {@code input}, {@code output}, optional {@code system} and {@code history} ([[q, a], …]). */
  ALPACA("alpaca", Set.of("instruction", "input", "output", "system", "history")) {
    @Override
    void parse(ObjectNode rec, List<Turn> out) throws MalformedRecordException {
      systemField(rec, out);
      JsonNode history = rec.get("history");
      if (history != null && !history.isNull()) {
        if (!history.isArray()) throw new MalformedRecordException("'history' is not a list of [prompt, response] pairs");
        for (int i = 0; i < history.size(); i++) {
          JsonNode pair = history.get(i);
          if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
            throw new MalformedRecordException("history[" + i + "] is not a [prompt, response] pair of strings");
          }
          out.add(new Turn(out.size(), Role.USER, "history", pair.get(0).textValue(), Branch.CONTEXT, "/history/" + i + "/0"));
          out.add(new Turn(out.size(), Role.ASSISTANT, "history", pair.get(1).textValue(), Branch.CONTEXT, "/history/" + i + "/1"));
        }
      }
      out.add(new Turn(out.size(), Role.USER, "instruction", text(rec, "instruction", "the record"), Branch.CONTEXT, "/instruction"));
      JsonNode input = rec.get("input");
      if (input != null && !input.isNull()) {
        if (!input.isTextual()) throw new MalformedRecordException("'input' is not a string");
        out.add(new Turn(out.size(), Role.USER, "input", input.textValue(), Branch.CONTEXT, "/input"));
      }
      out.add(new Turn(out.size(), Role.ASSISTANT, "output", text(rec, "output", "the record"), Branch.CONTEXT, "/output"));
    }
  };

  final String formatName;
  /** The top-level fields that hold turns; every other field becomes document metadata. */
  final Set<String> turnFields;

  ConversationCodec(String formatName, Set<String> turnFields) {
    this.formatName = formatName;
    this.turnFields = turnFields;
  }

  abstract void parse(ObjectNode rec, List<Turn> out) throws MalformedRecordException;

  static ConversationCodec named(String name) {
    for (ConversationCodec c : values()) if (c.formatName.equals(name)) return c;
    return null;
  }

  /** The format a record is in, by its fields (for {@code format: chat}), or null. */
  static ConversationCodec detect(ObjectNode rec) {
    if (rec.has("messages")) return OPENAI;
    if (rec.has("chosen") && rec.has("rejected")) return PREFERENCE;
    if (rec.has("conversations")) return SHAREGPT;
    if (rec.has("instruction") && rec.has("output")) return ALPACA;
    return null;
  }

  /** Puts every rewritable turn's text back at its pointer. */
  static void write(ObjectNode rec, List<Turn> turns) {
    for (Turn t : turns) {
      if (t.pointer() == null) continue;
      int slash = t.pointer().lastIndexOf('/');
      JsonNode parent = rec.at(t.pointer().substring(0, slash));
      String last = t.pointer().substring(slash + 1);
      if (parent instanceof ObjectNode o) o.set(last, TextNode.valueOf(t.content()));
      else if (parent instanceof ArrayNode a) a.set(Integer.parseInt(last), TextNode.valueOf(t.content()));
    }
  }

  private static void systemField(ObjectNode rec, List<Turn> out) throws MalformedRecordException {
    JsonNode s = rec.get("system");
    if (s == null || s.isNull()) return;
    if (!s.isTextual()) throw new MalformedRecordException("'system' is not a string");
    out.add(new Turn(out.size(), Role.SYSTEM, "system", s.textValue(), Branch.CONTEXT, "/system"));
  }

  /** One OpenAI message; {@code pointer} is the message's own pointer. */
  private static Turn openAiTurn(JsonNode m, String where, String messagePointer, int index, Branch branch) throws MalformedRecordException {
    if (!m.isObject()) throw new MalformedRecordException(where + " is not an object");
    String role = text(m, "role", where);
    JsonNode content = m.get("content");
    Role r = switch (role.toLowerCase(Locale.ROOT)) {
      case "system", "developer" -> Role.SYSTEM;
      case "user" -> Role.USER;
      case "assistant" -> Role.ASSISTANT;
      case "tool", "function", "ipython" -> Role.TOOL;
      default -> throw new MalformedRecordException(where + " has role '" + role + "'; expected system, user, assistant or tool");
    };
    String pointer = messagePointer + "/content";
    String value;
    if (content == null || content.isNull()) {
      // an assistant message that only calls tools: its calls are the turn, read-only
      JsonNode calls = m.get("tool_calls");
      if (r == Role.ASSISTANT && calls != null) r = Role.TOOL_CALL;
      value = calls == null ? "" : calls.toString();
      pointer = null;
    } else if (content.isTextual()) {
      value = content.textValue();
    } else if (content.isArray()) {
      value = joinParts((ArrayNode) content, where);
      pointer = content.size() == 1 ? pointer + "/0/text" : null;
    } else {
      throw new MalformedRecordException(where + ".content is " + content.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string or a list of parts");
    }
    return new Turn(index, r, role, value, branch, pointer);
  }

  private static Turn shareGptTurn(JsonNode m, String where, String pointer, int index, Branch branch) throws MalformedRecordException {
    if (!m.isObject()) throw new MalformedRecordException(where + " is not an object");
    String from = text(m, "from", where);
    Role r = switch (from.toLowerCase(Locale.ROOT)) {
      case "system" -> Role.SYSTEM;
      case "human", "user" -> Role.USER;
      case "gpt", "assistant", "bing", "chatgpt", "bard" -> Role.ASSISTANT;
      case "function_call" -> Role.TOOL_CALL;
      case "observation", "tool", "function" -> Role.TOOL;
      default -> throw new MalformedRecordException(where + " has from '" + from + "'; expected human, gpt, system, function_call or observation");
    };
    return new Turn(index, r, from, text(m, "value", where), branch, pointer + "/value");
  }

  private static ArrayNode array(ObjectNode rec, String field) throws MalformedRecordException {
    JsonNode n = rec.get(field);
    if (n == null) throw new MalformedRecordException("no '" + field + "' field; fields present: " + fieldNames(rec));
    if (!n.isArray()) throw new MalformedRecordException("'" + field + "' is not a list");
    return (ArrayNode) n;
  }

  private static String text(JsonNode n, String field, String where) throws MalformedRecordException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new MalformedRecordException(where + (v == null ? " has no '" + field + "'" : "'s '" + field + "' is not a string"));
    }
    return v.textValue();
  }

  private static String joinParts(ArrayNode parts, String where) throws MalformedRecordException {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < parts.size(); k++) {
      JsonNode p = parts.get(k);
      JsonNode t = p.get("text");
      if (t == null) continue; // images and other non-text parts carry no text to judge
      if (!t.isTextual()) throw new MalformedRecordException(where + ".content[" + k + "].text is not a string");
      if (sb.length() > 0) sb.append('\n');
      sb.append(t.textValue());
    }
    return sb.toString();
  }

  static String fieldNames(JsonNode rec) {
    List<String> names = new ArrayList<>();
    rec.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  /** A record that is valid JSON but not a conversation of the expected format. */
  static final class MalformedRecordException extends Exception {
    MalformedRecordException(String message) {
      super(message);
    }
  }
}
