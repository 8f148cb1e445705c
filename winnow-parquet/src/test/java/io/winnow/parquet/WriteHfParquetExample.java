package io.winnow.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes examples/data/hf-parquet: the first 60 documents of examples/data/cc-main-2019-30-sample-200.jsonl.gz as a
 * Hugging Face dataset ({@code data/train-0000x-of-00002.parquet}, 30 rows each) in the schema pyarrow gives such
 * records (optional columns, a struct, a three-level list, an int32), with the {@code huggingface} footer entry
 * datasets writes. Run from the winnow-parquet folder with the test class path.
 */
public final class WriteHfParquetExample {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message schema {
        optional binary id (STRING);
        optional binary text (STRING);
        optional binary source (STRING);
        optional binary created (STRING);
        optional int32 year;
        optional binary language (STRING);
        optional group metadata {
          optional binary warc_url (STRING);
          optional binary url (STRING);
          optional binary warc_date (STRING);
          optional binary content_type (STRING);
          optional int64 uncompressed_offset;
        }
        optional group attributes (LIST) {
          repeated group list {
            optional binary element (STRING);
          }
        }
      }""");

  private static final String FEATURES = "{\"info\": {\"features\": {\"id\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
      + "\"text\": {\"dtype\": \"string\", \"_type\": \"Value\"}, \"source\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
      + "\"created\": {\"dtype\": \"string\", \"_type\": \"Value\"}, \"year\": {\"dtype\": \"int32\", \"_type\": \"Value\"}, "
      + "\"language\": {\"dtype\": \"string\", \"_type\": \"Value\"}, \"metadata\": {\"warc_url\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
      + "\"url\": {\"dtype\": \"string\", \"_type\": \"Value\"}, \"warc_date\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
      + "\"content_type\": {\"dtype\": \"string\", \"_type\": \"Value\"}, \"uncompressed_offset\": {\"dtype\": \"int64\", \"_type\": \"Value\"}}, "
      + "\"attributes\": {\"feature\": {\"dtype\": \"string\", \"_type\": \"Value\"}, \"_type\": \"Sequence\"}}}}";

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path dir = Files.createDirectories(Path.of("../examples/data/hf-parquet/data"));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (int file = 0; file < 2; file++) {
        Path out = dir.resolve(String.format("train-%05d-of-00002.parquet", file));
        Files.deleteIfExists(out);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(out)).withType(SCHEMA)
            .withCompressionCodec(CompressionCodecName.SNAPPY).withExtraMetaData(Map.of("huggingface", FEATURES)).build()) {
          for (int i = 0; i < 30; i++) {
            JsonNode r = json.readTree(in.readLine());
            ObjectNode row = json.createObjectNode();
            for (String f : new String[] {"id", "text", "source", "created"}) row.set(f, r.get(f));
            row.put("year", Integer.parseInt(r.get("created").asText().substring(0, 4)));
            row.put("language", "en");
            ObjectNode meta = row.putObject("metadata");
            for (String f : new String[] {"warc_url", "url", "warc_date", "content_type", "uncompressed_offset"}) meta.set(f, r.path("metadata").get(f));
            var attrs = row.putArray("attributes");
            for (Iterator<String> it = r.path("attributes").fieldNames(); it.hasNext(); ) attrs.add(it.next());
            Group g = new SimpleGroup(SCHEMA);
            ParquetJson.fill(g, row);
            w.write(g);
          }
        }
      }
    }
  }
}
