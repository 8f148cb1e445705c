package io.winnow.parquet;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
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
import io.winnow.text.Utf8;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads Parquet files row by row (Parquet decodes one row group at a time, so memory follows the row-group
 * size, not the file): the id and text columns named in the pipeline, every other column as metadata, nested
 * structs as maps and repeated fields as lists. Locations are {@code file#row}. Rows that cannot be read are
 * rejected as ranges, one rejection per range, and the rows around them are kept ({@link SalvagingRowReader}).
 *
 * <p>Binary columns: the id and text columns are text whatever their annotation (files from older writers
 * store strings as BINARY without the STRING annotation), decoded as UTF-8; a text that is not valid UTF-8 is
 * rejected as {@code input.invalid_utf8}, an id that is not keeps the lossless base64 form. Other BINARY
 * metadata columns without a STRING, JSON or ENUM annotation are taken as bytes, not text (an image, a hash),
 * and are kept as base64 strings: exact, and valid in JSON output; decode them downstream if they are text.
 */
final class ParquetDocumentReader extends ParquetRowReader {
  private final String idField;
  private final String textField;
  private final ReaderLimits limits;

  ParquetDocumentReader(Path file, String idField, String textField, ReaderLimits limits) throws IOException {
    super(file);
    this.idField = idField;
    this.textField = textField;
    this.limits = limits;
  }

  @Override
  protected ReadResult read(SalvagingRowReader.Row r) {
    return document(r.group(), r.number());
  }

  private ReadResult document(Group g, long row) {
    String location = source + "#" + row;
    Map<String, Object> fields = columns(g);
    Object idValue = fields.remove(idField);
    if (idValue instanceof Binary b) idValue = Utf8.isValid(b.getBytes(), 0, b.length()) ? b.toStringUsingUTF8() : base64(b);
    String id = idValue == null ? location : idValue.toString();
    Object text = fields.remove(textField);
    if (text instanceof Binary b) {
      byte[] bytes = b.getBytes();
      if (!Utf8.isValid(bytes, 0, bytes.length)) {
        return ReadResult.rejected(new Rejection(idValue == null ? null : id, location, Reason.INVALID_UTF8,
            "column '" + textField + "' (BINARY without a STRING annotation) is not valid UTF-8"));
      }
      text = b.toStringUsingUTF8();
    }
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

  /**
   * The top-level columns of a row. Unannotated binary id and text cells are left as {@link Binary} for
   * {@link #document} to decode; everything else is converted by {@link #toMap(Group)}.
   */
  private Map<String, Object> columns(Group g) {
    return toMap(g, (name, f) -> f.isPrimitive() && !f.isRepetition(Type.Repetition.REPEATED)
        && (name.equals(idField) || name.equals(textField)) && isUnannotatedBinary(f.asPrimitiveType()));
  }

  private static boolean isUnannotatedBinary(PrimitiveType p) {
    PrimitiveType.PrimitiveTypeName t = p.getPrimitiveTypeName();
    return (t == PrimitiveType.PrimitiveTypeName.BINARY || t == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
        && !isText(p.getLogicalTypeAnnotation());
  }

  private static boolean isText(LogicalTypeAnnotation a) {
    return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
  }

  private static String base64(Binary b) {
    return Base64.getEncoder().encodeToString(b.getBytes());
  }

  static Map<String, Object> toMap(Group g) {
    return toMap(g, (name, f) -> false);
  }

  private static Map<String, Object> toMap(Group g, java.util.function.BiPredicate<String, Type> keepRaw) {
    GroupType type = g.getType();
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type f = type.getType(i);
      int n = g.getFieldRepetitionCount(i);
      if (n == 0) continue;
      if (keepRaw.test(f.getName(), f)) {
        out.put(f.getName(), g.getBinary(i, 0));
      } else if (f.isRepetition(Type.Repetition.REPEATED)) {
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
        if (isText(p.getLogicalTypeAnnotation())) yield g.getString(field, index);
        // bytes, not text (an image, a hash): base64 keeps them exact in JSON output
        yield base64(g.getBinary(field, index));
      }
      case INT96 -> g.getValueToString(field, index);
    };
  }
}
