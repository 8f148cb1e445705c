package io.winnow.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.DocumentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
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

  private final String idField;
  private final String textField;
  private final MessageType schema;
  private final SimpleGroupFactory groups;
  private final ParquetParts parts;

  ParquetDocumentWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes, String idField,
      String textField) {
    this.parts = new ParquetParts(dir, base, compression, maxFileBytes, rowGroupBytes);
    this.idField = idField;
    this.textField = textField;
    this.schema = Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(idField)
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(textField)
        .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named("metadata")
        .named("document");
    this.groups = new SimpleGroupFactory(schema);
  }

  @Override
  public void write(Document doc) throws IOException {
    Group g = groups.newGroup().append(idField, doc.id()).append(textField, doc.text());
    if (!doc.metadata().isEmpty()) g.append("metadata", JSON.writeValueAsString(doc.metadata()));
    parts.write(g, schema);
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
