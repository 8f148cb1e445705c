package io.winnow.parquet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes examples/data/distillate-parquet from the shipped distillate JSON, in the schemas of
 * {@link ParquetConversationTest} (run from the winnow-parquet folder with the test class path).
 */
public final class WriteChatParquetExamples {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of("../examples/data/distillate-parquet"));
    write(dir.resolve("identity-20-messages.parquet"), ParquetConversationTest.OPENAI, ParquetConversationTest.fixture("openai"));
    write(dir.resolve("glaive-toolcall-60.parquet"), ParquetConversationTest.SHAREGPT, ParquetConversationTest.fixture("sharegpt"));
    write(dir.resolve("dpo-40-messages.parquet"), ParquetConversationTest.PREFERENCE_MESSAGES, ParquetConversationTest.fixture("preference-messages"));
  }

  private static void write(Path file, MessageType schema, List<ObjectNode> recs) throws Exception {
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withCompressionCodec(CompressionCodecName.ZSTD).build()) {
      for (ObjectNode r : recs) {
        Group g = new SimpleGroup(schema);
        ParquetJson.fill(g, r);
        w.write(g);
      }
    }
  }
}
