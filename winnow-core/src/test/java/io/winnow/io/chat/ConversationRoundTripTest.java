package io.winnow.io.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.winnow.doc.Conversation;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Document;
import io.winnow.io.Compression;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.Formats;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationRoundTripTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    return Path.of("src/test/resources/chat").resolve(name);
  }

  static List<Document> read(Path file, String format, List<String> rejections) throws IOException {
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = Formats.get(format).openReader(file, "id", "text", ReaderLimits.defaults())) {
      for (ReadResult res; (res = r.next()) != null;) {
        if (res.document() != null) docs.add(res.document());
        else rejections.add(res.rejection().message());
      }
    }
    return docs;
  }

  /** Every record's bytes as the splitter cuts them. */
  static List<byte[]> records(Path file) throws IOException {
    List<byte[]> out = new ArrayList<>();
    RecordSplitter s = new RecordSplitter(Compression.open(Files.newInputStream(file)), Long.MAX_VALUE);
    while (s.next() == RecordSplitter.Kind.RECORD) out.add(s.bytes());
    return out;
  }

  Path write(List<Document> docs, String format) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(format + "-" + System.nanoTime()));
    DocumentWriter w = Formats.get(format).openWriter(dir, "part-00000", "none", Long.MAX_VALUE, 0, "id", "text");
    for (Document d : docs) w.write(d);
    List<Path> files = w.commit();
    assertEquals(1, files.size());
    return files.get(0);
  }

  void assertRoundTrip(Path in, String format) throws IOException {
    List<String> rejected = new ArrayList<>();
    List<Document> docs = read(in, format, rejected);
    assertEquals(List.of(), rejected);
    List<byte[]> original = records(in);
    assertEquals(original.size(), docs.size());
    List<byte[]> written = records(write(docs, format));
    assertEquals(original.size(), written.size());
    for (int i = 0; i < original.size(); i++) assertArrayEquals(original.get(i), written.get(i), in + ": record " + (i + 1));
  }

  @ParameterizedTest
  @CsvSource({
    "data/instruct/gpteacher/Toolformer/toolformer-dedupe-only-dataset.json, alpaca",
    "data/instruct/gpteacher/Toolformer/toolformer-similarity-0.6-dataset.json, alpaca",
    "data/instruct/gpteacher/Toolformer/toolformer-similarity-0.7-dataset.json, alpaca",
    "data/instruct/gpteacher/Toolformer/toolformer-similarity-0.8-dataset.json, alpaca",
    "data/instruct/gpteacher/Toolformer/toolformer-similarity-0.9-dataset.json, alpaca",
    "data/instruct/gpteacher/Roleplay/roleplay-simple-deduped-roleplay-dataset.json, alpaca",
    "data/instruct/llama-factory/data/identity.json, alpaca",
    "data/instruct/llama-factory/data/glaive_toolcall_en_demo.json, sharegpt",
    "data/instruct/llama-factory/data/dpo_en_demo.json, preference",
    "data/instruct/llama-factory/data/dpo_en_demo.json, chat",
  })
  void shippedFilesRoundTripByteForByte(String file, String format) throws IOException {
    assertRoundTrip(SharedData.require(file), format);
  }

  @Test
  void crafted_openai_round_trips_and_keeps_its_turns() throws IOException {
    assertRoundTrip(fixture("openai-crafted.jsonl"), "openai");
    List<Document> docs = read(fixture("openai-crafted.jsonl"), "openai", new ArrayList<>());
    Conversation c = docs.get(1).conversation();
    assertEquals(List.of(Role.USER, Role.TOOL_CALL, Role.TOOL, Role.ASSISTANT), c.turns().stream().map(Conversation.Turn::role).toList());
    assertEquals("crafted", docs.get(1).metadata().get("source"));
    assertEquals("o2", docs.get(1).id());
    assertEquals("Describe this.", docs.get(2).conversation().turns().get(0).content());
  }

  @Test
  void shareGptToolCallsKeepTheirRoles() throws IOException {
    List<Document> docs = read(SharedData.require("data/instruct/llama-factory/data/glaive_toolcall_en_demo.json"), "sharegpt", new ArrayList<>());
    long calls = docs.stream().flatMap(d -> d.conversation().turns().stream()).filter(t -> t.role() == Role.TOOL_CALL).count();
    long observations = docs.stream().flatMap(d -> d.conversation().turns().stream()).filter(t -> t.role() == Role.TOOL).count();
    // the folder's README counts 211 function_call and 211 observation turns
    assertEquals(211, calls);
    assertEquals(211, observations);
    assertNotNull(docs.get(0).metadata().get("tools"));
  }

  @Test
  void aRewrittenTurnIsWrittenBackIntoItsField() throws IOException {
    List<Document> docs = read(fixture("openai-crafted.jsonl"), "openai", new ArrayList<>());
    Document d = docs.get(2);
    d.setText(d.conversation().setContent(1, "Write to me at [EMAIL] for details."));
    List<Document> again = read(write(docs, "openai"), "openai", new ArrayList<>());
    assertEquals("Write to me at [EMAIL] for details.", again.get(2).conversation().turns().get(1).content());
    assertEquals("Describe this.", again.get(2).conversation().turns().get(0).content());
  }

  @Test
  void badRecordsAreRejectedWithFileAndRecordNumber() throws IOException {
    List<String> rejected = new ArrayList<>();
    List<Document> docs = read(fixture("broken.jsonl"), "openai", rejected);
    assertEquals(1, docs.size());
    assertEquals(3, rejected.size(), rejected.toString());
    assertTrue(rejected.get(0).contains("broken.jsonl:2: input.malformed_conversation") && rejected.get(0).contains("narrator"), rejected.get(0));
    assertTrue(rejected.get(1).contains("broken.jsonl:3") && rejected.get(1).contains("not a list"), rejected.get(1));
    assertTrue(rejected.get(2).contains("broken.jsonl:4: input.malformed_json"), rejected.get(2));
  }

  @Test
  void arrayRecordErrorsNameTheRecordNumber() throws IOException {
    Path f = tmp.resolve("a.json");
    Files.writeString(f, "[\n  {\"instruction\": \"a\", \"output\": \"b\"},\n  {\"instruction\": 3, \"output\": \"b\"}\n]\n");
    List<String> rejected = new ArrayList<>();
    read(f, "alpaca", rejected);
    assertEquals(1, rejected.size());
    assertTrue(rejected.get(0).contains("a.json: record 2 (byte"), rejected.get(0));
  }
}
