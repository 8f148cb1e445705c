package io.winnow.parquet;

import io.winnow.doc.Conversation;
import io.winnow.doc.Document;
import io.winnow.io.DocumentWriter;
import io.winnow.io.chat.ConversationRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.schema.MessageType;

/**
 * Writes conversation records read from Parquet back to Parquet, each in the schema of the file it came from:
 * an untouched record as the row it was read as, a record with rewritten turns rebuilt from its rewritten JSON
 * tree by that schema. Records of another schema start a new file; files roll past {@code maxFileBytes} and are
 * renamed into place on {@link #commit()}. Values round-trip, bytes do not: page layout, statistics and the
 * writer's name in the footer are this writer's own.
 */
final class ParquetConversationWriter implements DocumentWriter {
  private final ParquetParts parts;

  ParquetConversationWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes) {
    this.parts = new ParquetParts(dir, base, compression, maxFileBytes, rowGroupBytes);
  }

  @Override
  public void write(Document doc) throws IOException {
    Conversation c = doc.conversation();
    ParquetOrigin origin = (ParquetOrigin) c.origin();
    parts.write(c.modified() ? rebuilt(doc, c, origin.schema()) : origin.row(), origin.schema());
  }

  private static Group rebuilt(Document doc, Conversation c, MessageType schema) throws IOException {
    Group g = new SimpleGroup(schema);
    try {
      ParquetJson.fill(g, ConversationRecords.rewritten(c));
    } catch (RuntimeException e) {
      throw new IOException("document " + doc.id() + " (" + doc.provenance().location() + "): " + e.getMessage(), e);
    }
    return g;
  }

  @Override
  public List<Path> commit() throws IOException {
    return parts.commit();
  }

  @Override
  public void close() throws IOException {
    parts.close();
  }
}
