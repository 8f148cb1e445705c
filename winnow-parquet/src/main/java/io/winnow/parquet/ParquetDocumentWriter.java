package io.winnow.parquet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Document;
import io.winnow.io.DocumentWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes kept documents as Parquet in the shape of their input. Read from Parquet: the input file's columns and
 * types, in its order, the text column holding the refined text, the id column only when the input has one; any
 * other field (the steps' annotations) a typed column after them ({@link ParquetColumns}). Read from another
 * format: string columns {@code id} and {@code text} (names as configured), then each field a column of its own.
 *
 * <p>A field first seen part way through the shard, or a value that widens its column, changes the schema and
 * begins a new file; re-partitioned output ({@code output.shards}) writes every part in the union of the shards'
 * schemas. zstd, snappy, gzip or no compression; files roll past {@code maxFileBytes} and are renamed into place
 * on {@link #commit()}.
 */
final class ParquetDocumentWriter implements DocumentWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String idField;
  private final String textField;
  /** The input's columns (id and text as strings), or id and text alone. */
  private final List<Type> base;
  private final java.util.Set<String> baseNames = new java.util.HashSet<>();
  private final Map<String, Type> baseTypes = new java.util.HashMap<>();
  private final boolean writesId;
  /** Columns of fields the base does not have, in first-seen order. */
  private final Map<String, Type> added = new LinkedHashMap<>();
  private final String schemaName;
  private MessageType schema;
  private final ParquetParts parts;

  /** @param inputSchema the schema of the Parquet file the shard reads, or null when it reads another format */
  ParquetDocumentWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes, String idField,
      String textField, MessageType inputSchema) {
    this.parts = new ParquetParts(dir, base, compression, maxFileBytes, rowGroupBytes);
    this.idField = idField;
    this.textField = textField;
    this.base = new ArrayList<>();
    if (inputSchema == null) {
      this.base.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(idField));
      this.base.add(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(textField));
      this.schemaName = "document";
    } else {
      for (Type t : inputSchema.getFields()) this.base.add(t.getName().equals(idField) || t.getName().equals(textField) ? asString(t) : t);
      this.schemaName = inputSchema.getName();
    }
    for (Type t : this.base) {
      baseNames.add(t.getName());
      baseTypes.put(t.getName(), t);
    }
    this.writesId = baseNames.contains(idField);
    this.schema = schema();
  }

  /** The id and text columns are text: an input that stored them as plain BINARY gets them back as strings. */
  private static Type asString(Type t) {
    if (!t.isPrimitive()) return t;
    PrimitiveType p = t.asPrimitiveType();
    if (p.getPrimitiveTypeName() != PrimitiveTypeName.BINARY || p.getLogicalTypeAnnotation() != null) return t;
    return Types.primitive(PrimitiveTypeName.BINARY, p.getRepetition()).as(LogicalTypeAnnotation.stringType()).named(p.getName());
  }

  private MessageType schema() {
    List<Type> fields = new ArrayList<>(base);
    fields.addAll(added.values());
    return new MessageType(schemaName, fields);
  }

  @Override
  public void write(Document doc) throws IOException {
    ObjectNode row = JSON.createObjectNode();
    boolean widened = false;
    for (Map.Entry<String, Object> e : doc.metadata().entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (v == null) continue;
      Type inBase = baseTypes.get(k);
      if (inBase != null) {
        row.set(k, ParquetColumns.cell(inBase, v));
        continue;
      }
      Type before = added.get(k);
      Type col = ParquetColumns.columnFor(k, v, before);
      if (!col.equals(before)) {
        added.put(k, col);
        widened = true;
      }
      row.set(k, ParquetColumns.cell(col, v));
    }
    if (writesId) row.set(idField, idCell(doc.id()));
    row.put(textField, doc.text());
    if (widened) schema = schema();
    Group g = new SimpleGroup(schema);
    try {
      ParquetJson.fill(g, row);
    } catch (RuntimeException e) {
      throw new IOException("document " + doc.id() + " (" + doc.provenance().location() + "): " + e.getMessage(), e);
    }
    parts.write(g, schema);
  }

  /** The id in its column's type: a numeric id column gets its number back. */
  private com.fasterxml.jackson.databind.JsonNode idCell(String id) throws IOException {
    Type t = base.get(indexOf(idField));
    if (t.isPrimitive()) {
      try {
        switch (t.asPrimitiveType().getPrimitiveTypeName()) {
          case INT32, INT64 -> { return JSON.getNodeFactory().numberNode(Long.parseLong(id)); }
          case FLOAT, DOUBLE -> { return JSON.getNodeFactory().numberNode(Double.parseDouble(id)); }
          case BOOLEAN -> { return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(id)); }
          default -> { }
        }
      } catch (NumberFormatException e) {
        throw new IOException("id " + id + " does not fit the input's numeric column '" + idField + "'");
      }
    }
    return JSON.getNodeFactory().textNode(id);
  }

  private int indexOf(String name) {
    for (int i = 0; i < base.size(); i++) if (base.get(i).getName().equals(name)) return i;
    return -1;
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
