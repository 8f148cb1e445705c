package io.winnow.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.DocumentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes kept documents as Parquet: string columns {@code id}, {@code text} (names as configured) and
 * {@code metadata} (the metadata fields as a JSON object, a logical JSON column), with zstd, snappy, gzip or
 * no compression and a configurable row-group size; rolls to a new file past {@code maxFileBytes}. Files are
 * written under temporary names and renamed on {@link #commit()}.
 */
final class ParquetDocumentWriter implements DocumentWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String base;
  private final CompressionCodecName codec;
  private final long maxFileBytes;
  private final long rowGroupBytes;
  private final String idField;
  private final String textField;
  private final MessageType schema;
  private final SimpleGroupFactory groups;
  private final List<Path> finished = new ArrayList<>();
  private ParquetWriter<Group> writer;
  private Path current;
  private int sequence;

  ParquetDocumentWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes, String idField,
      String textField) {
    this.dir = dir;
    this.base = base;
    this.codec = codec(compression);
    this.maxFileBytes = maxFileBytes;
    this.rowGroupBytes = rowGroupBytes;
    this.idField = idField;
    this.textField = textField;
    this.schema = Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(idField)
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(textField)
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named("metadata")
        .named("document");
    this.groups = new SimpleGroupFactory(schema);
  }

  /** The parquet codec of an {@code output.compression} name; anything else is no compression. */
  static CompressionCodecName codec(String compression) {
    return switch (compression) {
      case "zstd" -> CompressionCodecName.ZSTD;
      case "snappy" -> CompressionCodecName.SNAPPY;
      case "gzip" -> CompressionCodecName.GZIP;
      default -> CompressionCodecName.UNCOMPRESSED;
    };
  }

  @Override
  public void write(Document doc) throws IOException {
    if (writer == null) open();
    Group g = groups.newGroup().append(idField, doc.id()).append(textField, doc.text());
    if (!doc.metadata().isEmpty()) g.append("metadata", JSON.writeValueAsString(doc.metadata()));
    writer.write(g);
    if (writer.getDataSize() >= maxFileBytes) closeCurrent();
  }

  private void open() throws IOException {
    current = dir.resolve(String.format("%s-%03d.parquet", base, sequence++));
    Path tmp = AtomicFiles.tmp(current);
    Files.deleteIfExists(tmp);
    writer = ExampleParquetWriter.builder(new LocalOutputFile(tmp)).withType(schema).withCompressionCodec(codec)
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
