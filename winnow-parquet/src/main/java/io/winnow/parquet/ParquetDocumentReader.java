package io.winnow.parquet;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * size, not the file): the id and text columns named in the pipeline, every other column as metadata as a JSON
 * Lines reader would give it ({@link ParquetJson}: structs and MAP columns as maps, LIST columns and repeated
 * fields as lists), so that {@link ParquetDocumentWriter} writes it back in its column's type. Locations are {@code file#row}. Rows that cannot be read are
 * rejected as ranges, one rejection per range, and the rows around them are kept ({@link SalvagingRowReader}).
 *
 * <p>Binary columns: the id and text columns are text whatever their annotation (files from older writers
 * store strings as BINARY without the STRING annotation), decoded as UTF-8; a text that is not valid UTF-8 is
 * rejected as {@code input.invalid_utf8}, an id that is not keeps the lossless base64 form. Other BINARY
 * metadata columns without a STRING, JSON or ENUM annotation are taken as bytes, not text (an image, a hash),
 * and are kept as base64 strings: exact, and valid in JSON output; decode them downstream if they are text.
 */
final class ParquetDocumentReader extends ParquetRowReader {
  private static final ObjectMapper JSON = new ObjectMapper();
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
    Object idValue = raw(g, idField);
    Object text = raw(g, textField);
    // every other column as a JSON Lines reader would give it, so that the writer can put it back in its type
    ObjectNode rest = ParquetJson.toJson(g);
    rest.remove(idField);
    rest.remove(textField);
    parseJsonColumns(g.getType(), rest);
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = JSON.convertValue(rest, LinkedHashMap.class);
    if (idValue instanceof Binary b) idValue = Utf8.isValid(b.getBytes(), 0, b.length()) ? b.toStringUsingUTF8() : base64(b);
    String id = idValue == null ? location : idValue.toString();
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
          text == null ? "no '" + textField + "' column value (set input.text_field); columns: " + columnNames(g)
              : "column '" + textField + "' is not a string"));
    }
    if (s.length() > limits.maxDocumentBytes()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.TOO_LARGE, "text exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    return ReadResult.of(new Document(id, s, fields, Provenance.offset(source, row)));
  }

  /**
   * A top-level column of the JSON logical type holds a JSON value: the document gets the value (an object, a list),
   * not its text, so that steps see it as they would in JSON Lines and the writer writes it back as JSON. Text that
   * does not parse stays text.
   */
  private static void parseJsonColumns(GroupType type, ObjectNode rest) {
    for (Type t : type.getFields()) {
      if (!ParquetColumns.isJson(t) || t.isRepetition(Type.Repetition.REPEATED)) continue;
      com.fasterxml.jackson.databind.JsonNode v = rest.get(t.getName());
      if (v == null || !v.isTextual()) continue;
      try {
        rest.set(t.getName(), JSON.readTree(v.textValue()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // not JSON after all: kept as the text it is
      }
    }
  }

  private static List<String> columnNames(Group g) {
    List<String> names = new ArrayList<>();
    for (Type t : g.getType().getFields()) names.add(t.getName());
    return names;
  }

  /**
   * The id or text cell of a row: unannotated binary left as {@link Binary} for {@link #document} to decode, a
   * string as a string, a number as its value; null when the row has none.
   */
  private static Object raw(Group g, String column) {
    GroupType type = g.getType();
    if (!type.containsField(column)) return null;
    int i = type.getFieldIndex(column);
    Type f = type.getType(i);
    if (g.getFieldRepetitionCount(i) == 0 || !f.isPrimitive() || f.isRepetition(Type.Repetition.REPEATED)) {
      return g.getFieldRepetitionCount(i) == 0 ? null : ParquetJson.toJson(g).get(column);
    }
    PrimitiveType p = f.asPrimitiveType();
    if (isUnannotatedBinary(p)) return g.getBinary(i, 0);
    return switch (p.getPrimitiveTypeName()) {
      case INT32 -> g.getInteger(i, 0);
      case INT64 -> g.getLong(i, 0);
      case FLOAT -> g.getFloat(i, 0);
      case DOUBLE -> g.getDouble(i, 0);
      case BOOLEAN -> g.getBoolean(i, 0);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> g.getString(i, 0);
      case INT96 -> g.getValueToString(i, 0);
    };
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
}
