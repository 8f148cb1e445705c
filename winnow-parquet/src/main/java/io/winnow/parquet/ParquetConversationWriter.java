package io.winnow.parquet;

import io.winnow.doc.Conversation;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.DocumentWriter;
import io.winnow.io.chat.ConversationRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes conversation records read from Parquet back to Parquet, each in the schema of the file it came from:
 * an untouched record as the row it was read as, a record with rewritten turns rebuilt from its rewritten JSON
 * tree by that schema. Records of another schema start a new file; files roll past {@code maxFileBytes} and are
 * renamed into place on {@link #commit()}. Values round-trip, bytes do not: page layout, statistics and the
 * writer's name in the footer are this writer's own.
 */
final class ParquetConversationWriter implements DocumentWriter {
  private final Path dir;
  private final String base;
  private final CompressionCodecName codec;
  private final long maxFileBytes;
  private final long rowGroupBytes;
  private final List<Path> finished = new ArrayList<>();
  private ParquetWriter<Group> writer;
  private MessageType schema;
  private Path current;
  private int sequence;

  ParquetConversationWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes) {
    this.dir = dir;
    this.base = base;
    this.codec = ParquetDocumentWriter.codec(compression);
    this.maxFileBytes = maxFileBytes;
    this.rowGroupBytes = rowGroupBytes;
  }

  @Override
  public void write(Document doc) throws IOException {
    Conversation c = doc.conversation();
    ParquetOrigin origin = (ParquetOrigin) c.origin();
    if (writer != null && !origin.schema().equals(schema)) closeCurrent();
    if (writer == null) open(origin.schema());
    writer.write(c.modified() ? rebuilt(doc, c, origin.schema()) : origin.row());
    if (writer.getDataSize() >= maxFileBytes) closeCurrent();
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

  private void open(MessageType s) throws IOException {
    schema = s;
    current = dir.resolve(String.format("%s-%03d.parquet", base, sequence++));
    Path tmp = AtomicFiles.tmp(current);
    Files.deleteIfExists(tmp);
    writer = ExampleParquetWriter.builder(new LocalOutputFile(tmp)).withType(s).withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes).build();
  }

  private void closeCurrent() throws IOException {
    writer.close();
    writer = null;
    finished.add(current);
  }

  @Override
  public List<Path> commit() throws IOException {
    if (writer != null) closeCurrent();
    for (Path p : finished) AtomicFiles.commit(AtomicFiles.tmp(p), p);
    return List.copyOf(finished);
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
