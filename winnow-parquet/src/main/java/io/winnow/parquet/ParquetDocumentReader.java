package io.winnow.parquet;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.DocumentReader;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet files row by row (Parquet decodes one row group at a time, so memory follows the row-group
 * size, not the file): the id and text columns named in the pipeline, every other column as metadata, nested
 * structs as maps and repeated fields as lists. Locations are {@code file#row}.
 */
final class ParquetDocumentReader implements DocumentReader {
  private final String source;
  private final String idField;
  private final String textField;
  private final ReaderLimits limits;
  private ParquetReader<Group> reader;
  private long row;
  private boolean done;

  ParquetDocumentReader(Path file, String idField, String textField, ReaderLimits limits) throws IOException {
    this.source = file.toString();
    this.idField = idField;
    this.textField = textField;
    this.limits = limits;
    this.reader = new GroupReaderBuilder(new LocalInputFile(file)).build();
  }

  /** ParquetReader's builder for the example Group model, from a local file without Hadoop's file system. */
  private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
    GroupReaderBuilder(InputFile file) {
      super(file);
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }

  @Override
  public ReadResult next() {
    if (done) return null;
    Group g;
    try {
      g = reader.read();
    } catch (IOException | RuntimeException e) {
      done = true;
      return ReadResult.rejected(new Rejection(null, source + "#" + (row + 1), Reason.CORRUPT, "unreadable Parquet data: " + e));
    }
    if (g == null) {
      done = true;
      return row == 0 ? ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE, "the file holds no rows")) : null;
    }
    row++;
    String location = source + "#" + row;
    Map<String, Object> fields = toMap(g);
    Object idValue = fields.remove(idField);
    String id = idValue == null ? location : idValue.toString();
    Object text = fields.remove(textField);
    if (!(text instanceof String s)) {
      return ReadResult.rejected(new Rejection(idValue == null ? null : id, location, Reason.MISSING_TEXT,
          text == null ? "no '" + textField + "' column value (set input.text_field); columns: " + fields.keySet()
              : "column '" + textField + "' is not a string"));
    }
    if (s.length() > limits.maxDocumentBytes()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.TOO_LARGE, "text exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    return ReadResult.of(new Document(id, s, fields, Provenance.offset(source, row)));
  }

  static Map<String, Object> toMap(Group g) {
    GroupType type = g.getType();
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type f = type.getType(i);
      int n = g.getFieldRepetitionCount(i);
      if (n == 0) continue;
      if (f.isRepetition(Type.Repetition.REPEATED)) {
        List<Object> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) list.add(value(g, i, k, f));
        out.put(f.getName(), list);
      } else {
        out.put(f.getName(), value(g, i, 0, f));
      }
    }
    return out;
  }

  private static Object value(Group g, int field, int index, Type f) {
    if (!f.isPrimitive()) {
      Map<String, Object> nested = toMap(g.getGroup(field, index));
      // the LIST convention: a group holding one repeated field is that list
      if (nested.size() == 1 && nested.values().iterator().next() instanceof List<?> l) return l;
      return nested;
    }
    PrimitiveType p = f.asPrimitiveType();
    return switch (p.getPrimitiveTypeName()) {
      case INT32 -> g.getInteger(field, index);
      case INT64 -> g.getLong(field, index);
      case FLOAT -> g.getFloat(field, index);
      case DOUBLE -> g.getDouble(field, index);
      case BOOLEAN -> g.getBoolean(field, index);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) yield g.getString(field, index);
        yield Base64.getEncoder().encodeToString(g.getBinary(field, index).getBytes());
      }
      case INT96 -> g.getValueToString(field, index);
    };
  }

  @Override
  public void close() throws IOException {
    if (reader != null) reader.close();
  }
}
