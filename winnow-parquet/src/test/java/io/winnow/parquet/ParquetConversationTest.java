package io.winnow.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.Formats;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conversation records in Parquet, in the schemas Hugging Face datasets publish (pyarrow's three-level lists of
 * structs), generated from the shipped distillate fixture: read through the same rules as the JSON formats,
 * rejected with file, row and row group, written back value for value.
 */
class ParquetConversationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DISTILLATE = Path.of("../examples/data/distillate");

  private static final String TURNS = "optional group %s (LIST) { repeated group list { optional group element {"
      + " optional binary %s (STRING); optional binary %s (STRING); } } }";
  static final MessageType OPENAI = MessageTypeParser.parseMessageType(
      "message schema { optional binary id (STRING); " + TURNS.formatted("messages", "role", "content") + " }");
  static final MessageType SHAREGPT = MessageTypeParser.parseMessageType(
      "message schema { " + TURNS.formatted("conversations", "from", "value") + " optional binary tools (STRING); }");
  static final MessageType ALPACA = MessageTypeParser.parseMessageType(
      "message schema { optional binary instruction (STRING); optional binary input (STRING); optional binary output (STRING); }");
  static final MessageType PREFERENCE = MessageTypeParser.parseMessageType("message schema { "
      + TURNS.formatted("conversations", "from", "value")
      + " optional group chosen { optional binary from (STRING); optional binary value (STRING); }"
      + " optional group rejected { optional binary from (STRING); optional binary value (STRING); } }");
  /** Preference pairs as two whole conversations of messages (the TRL layout), no prompt column. */
  static final MessageType PREFERENCE_MESSAGES = MessageTypeParser.parseMessageType("message schema { "
      + TURNS.formatted("chosen", "role", "content") + " " + TURNS.formatted("rejected", "role", "content") + " }");

  @TempDir Path tmp;

  static List<ObjectNode> records(String file) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode n : JSON.readTree(DISTILLATE.resolve(file).toFile())) out.add((ObjectNode) n);
    return out;
  }

  /** The Alpaca records as OpenAI messages: prompt (instruction and input) as the user, output as the assistant. */
  static List<ObjectNode> asOpenAi(List<ObjectNode> alpaca) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < alpaca.size(); i++) {
      ObjectNode a = alpaca.get(i);
      ObjectNode o = JSON.createObjectNode().put("id", "identity-" + (i + 1));
      ArrayNode m = o.putArray("messages");
      m.addObject().put("role", "user").put("content", a.get("instruction").textValue() + "\n" + a.get("input").textValue());
      m.addObject().put("role", "assistant").put("content", a.get("output").textValue());
      out.add(o);
    }
    return out;
  }

  /** The ShareGPT preference pairs as two OpenAI conversations each: the context, then one answer. */
  static List<ObjectNode> asMessagePairs(List<ObjectNode> pairs) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode p : pairs) {
      ObjectNode o = JSON.createObjectNode();
      for (String side : List.of("chosen", "rejected")) {
        ArrayNode m = o.putArray(side);
        for (JsonNode t : p.get("conversations")) m.addObject().put("role", t.get("from").textValue().equals("human") ? "user" : "assistant")
            .put("content", t.get("value").textValue());
        m.addObject().put("role", "assistant").put("content", p.get(side).get("value").textValue());
      }
      out.add(o);
    }
    return out;
  }

  static List<ObjectNode> fixture(String name) throws IOException {
    return switch (name) {
      case "openai" -> asOpenAi(records("identity-20.json"));
      case "sharegpt" -> records("glaive-toolcall-60.json");
      case "alpaca" -> records("identity-20.json");
      case "preference" -> records("dpo-40.json");
      case "preference-messages" -> asMessagePairs(records("dpo-40.json"));
      default -> throw new IllegalArgumentException(name);
    };
  }

  static MessageType schema(String name) {
    return switch (name) {
      case "openai" -> OPENAI;
      case "sharegpt" -> SHAREGPT;
      case "alpaca" -> ALPACA;
      case "preference-messages" -> PREFERENCE_MESSAGES;
      default -> PREFERENCE;
    };
  }

  /** Writes records as Parquet rows of the schema, {@code rowsPerGroup} rows to a row group at most. */
  Path parquet(String name, MessageType schema, List<ObjectNode> recs, int rowsPerGroup) throws IOException {
    Path file = tmp.resolve(name + ".parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withRowGroupRowCountLimit(rowsPerGroup).withMinRowCountForPageSizeCheck(1).build()) {
      for (ObjectNode r : recs) {
        Group g = new SimpleGroup(schema);
        ParquetJson.fill(g, r);
        w.write(g);
      }
    }
    return file;
  }

  static List<Document> read(Path file, String format, List<String> rejections) throws IOException {
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = Formats.get(format).openReader(file, "id", "text", ReaderLimits.defaults())) {
      for (ReadResult x; (x = r.next()) != null;) {
        if (x.document() != null) docs.add(x.document());
        else rejections.add(x.rejection().location() + ": " + x.rejection().detail());
      }
    }
    return docs;
  }

  static List<ObjectNode> rows(Path file) throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    try (SalvagingRowReader r = new SalvagingRowReader(file)) {
      for (SalvagingRowReader.Item it; (it = r.next()) != null;) out.add(ParquetJson.toJson(((SalvagingRowReader.Row) it).group()));
    }
    return out;
  }

  Path write(List<Document> docs, String format) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("out-" + format + "-" + System.nanoTime()));
    DocumentWriter w = Formats.get(format).openWriter(dir, "part-00000", "zstd", Long.MAX_VALUE, 1 << 20, "id", "text");
    for (Document d : docs) w.write(d);
    List<Path> files = w.commit();
    w.close();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).toString()).endsWith(".parquet");
    return files.get(0);
  }

  @ParameterizedTest
  @CsvSource({"openai, openai", "openai, chat", "sharegpt, sharegpt", "sharegpt, chat", "alpaca, alpaca", "alpaca, chat",
      "preference, preference", "preference, chat",
      "preference-messages, preference", "preference-messages, chat"})
  void parquetRowsParseAsTheirJsonRecordsDo(String kind, String format) throws IOException {
    List<ObjectNode> recs = fixture(kind);
    Path pq = parquet(kind, schema(kind), recs, 7);
    Path jsonl = tmp.resolve(kind + ".jsonl");
    StringBuilder sb = new StringBuilder();
    for (ObjectNode r : recs) sb.append(JSON.writeValueAsString(r)).append('\n');
    Files.writeString(jsonl, sb);

    List<String> rejected = new ArrayList<>();
    List<Document> fromParquet = read(pq, format, rejected);
    List<Document> fromJson = read(jsonl, format, rejected);
    assertThat(rejected).isEmpty();
    assertThat(fromParquet).hasSize(recs.size());
    for (int i = 0; i < recs.size(); i++) {
      Document p = fromParquet.get(i);
      Document j = fromJson.get(i);
      assertThat(p.conversation().format()).isEqualTo(kind.replace("-messages", ""));
      assertThat(p.text()).isEqualTo(j.text());
      assertThat(p.metadata()).isEqualTo(j.metadata());
      assertThat(p.conversation().turns()).isEqualTo(j.conversation().turns());
      if (recs.get(i).has("id")) assertThat(p.id()).isEqualTo(j.id());
    }
  }

  @ParameterizedTest
  @CsvSource({"openai", "sharegpt", "alpaca", "preference", "preference-messages"})
  void untouchedRecordsComeBackValueForValueInTheirSchema(String kind) throws IOException {
    Path pq = parquet(kind, schema(kind), fixture(kind), 7);
    List<String> rejected = new ArrayList<>();
    String format = kind.replace("-messages", "");
    Path out = write(read(pq, format, rejected), format);
    assertThat(rejected).isEmpty();
    try (SalvagingRowReader r = new SalvagingRowReader(out)) {
      assertThat(r.schema()).isEqualTo(schema(kind));
    }
    assertThat(rows(out)).isEqualTo(rows(pq));
  }

  @Test
  void messagePairsShareTheirOpeningAsContextAndDifferInTheAnswers() throws IOException {
    List<ObjectNode> dpo = records("dpo-40.json");
    List<String> rejected = new ArrayList<>();
    List<Document> docs = read(parquet("pairs", PREFERENCE_MESSAGES, asMessagePairs(dpo), 10), "preference", rejected);
    assertThat(rejected).isEmpty();
    for (int i = 0; i < dpo.size(); i++) {
      List<Turn> turns = docs.get(i).conversation().turns();
      int context = dpo.get(i).get("conversations").size();
      assertThat(turns).hasSize(context + 2);
      assertThat(turns.subList(0, context)).allMatch(t -> t.branch() == io.winnow.doc.Conversation.Branch.CONTEXT);
      assertThat(turns.get(context).branch()).isEqualTo(io.winnow.doc.Conversation.Branch.CHOSEN);
      assertThat(turns.get(context).content()).isEqualTo(dpo.get(i).get("chosen").get("value").textValue());
      assertThat(turns.get(context + 1).branch()).isEqualTo(io.winnow.doc.Conversation.Branch.REJECTED);
      assertThat(turns.get(context + 1).content()).isEqualTo(dpo.get(i).get("rejected").get("value").textValue());
    }
  }

  @Test
  void aRewrittenTurnLandsInItsCellAndNothingElseChanges() throws IOException {
    Path pq = parquet("sharegpt", SHAREGPT, fixture("sharegpt"), 10);
    List<String> rejected = new ArrayList<>();
    List<Document> docs = read(pq, "sharegpt", rejected);
    Document d = docs.get(3);
    Turn last = d.conversation().turns().get(d.conversation().turns().size() - 1);
    String rewritten = "[redacted] " + last.content();
    d.setText(d.conversation().setContent(last.index(), rewritten));
    List<ObjectNode> before = rows(pq);
    List<ObjectNode> after = rows(write(docs, "sharegpt"));
    assertThat(after).hasSize(before.size());
    for (int i = 0; i < before.size(); i++) if (i != 3) assertThat(after.get(i)).isEqualTo(before.get(i));
    ObjectNode expected = before.get(3).deepCopy();
    ArrayNode conv = (ArrayNode) expected.get("conversations");
    ((ObjectNode) conv.get(conv.size() - 1)).put("value", rewritten);
    assertThat(after.get(3)).isEqualTo(expected);
  }

  @Test
  void aBadRowIsRejectedWithFileRowAndRowGroupAndTheOthersKept() throws IOException {
    List<ObjectNode> recs = fixture("openai");
    ((ObjectNode) recs.get(8).get("messages").get(0)).put("role", "wizard");
    ((ObjectNode) recs.get(12)).remove("messages");
    Path pq = parquet("bad", OPENAI, recs, 5);
    List<String> rejected = new ArrayList<>();
    List<Document> docs = read(pq, "openai", rejected);
    assertThat(docs).hasSize(recs.size() - 2);
    assertThat(rejected).containsExactly(
        pq + "#9 (row group 1): openai: messages[0] has role 'wizard'; expected system, user, assistant or tool",
        pq + "#13 (row group 2): openai: no 'messages' field; fields present: id");
  }
}
