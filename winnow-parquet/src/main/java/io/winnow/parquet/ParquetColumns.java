package io.winnow.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Column types for fields that have no column in the input's schema (annotations, or every field of a JSON Lines
 * input written as Parquet), how schemas of several files become one, and a schema as Hugging Face features.
 *
 * <p>A field's column follows its values: booleans {@code BOOLEAN}, whole numbers {@code INT64}, other numbers
 * {@code DOUBLE}, strings {@code STRING}; objects, arrays, and values of mixed types a {@code JSON} string column.
 * Whole numbers and other numbers together make {@code DOUBLE}; any other mix makes {@code JSON}. Such columns are
 * optional: a document without the field leaves it null.
 */
final class ParquetColumns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ParquetColumns() {}

  /** The column for {@code value} given the column the field has so far ({@code current}, null for none). */
  static Type columnFor(String name, Object value, Type current) {
    Type wanted = of(name, value);
    return current == null ? wanted : merged(current, wanted);
  }

  private static Type of(String name, Object v) {
    if (v instanceof Boolean) return Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
      return Types.optional(PrimitiveTypeName.INT64).named(name);
    }
    if (v instanceof Number) return Types.optional(PrimitiveTypeName.DOUBLE).named(name);
    if (v instanceof CharSequence) return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
    return json(name);
  }

  static Type json(String name) {
    return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named(name);
  }

  static boolean isJson(Type t) {
    return t.isPrimitive() && t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
  }

  /** One column that holds the values of both: the same, a widened number, or JSON. */
  static Type merged(Type a, Type b) {
    if (a.equals(b)) return a;
    Type.Repetition rep = a.isRepetition(Type.Repetition.REQUIRED) && b.isRepetition(Type.Repetition.REQUIRED)
        ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
    if (sameBut(a, b, rep)) return a.isRepetition(rep) ? a : withRepetition(a, rep);
    if (a.isPrimitive() && b.isPrimitive() && !a.isRepetition(Type.Repetition.REPEATED) && !b.isRepetition(Type.Repetition.REPEATED)
        && a.getLogicalTypeAnnotation() == null && b.getLogicalTypeAnnotation() == null) {
      PrimitiveTypeName x = a.asPrimitiveType().getPrimitiveTypeName();
      PrimitiveTypeName y = b.asPrimitiveType().getPrimitiveTypeName();
      if (isNumber(x) && isNumber(y)) {
        PrimitiveTypeName wide = isWhole(x) && isWhole(y) ? PrimitiveTypeName.INT64 : PrimitiveTypeName.DOUBLE;
        return Types.primitive(wide, rep).named(a.getName());
      }
    }
    return json(a.getName());
  }

  /** The same column but for required versus optional. */
  private static boolean sameBut(Type a, Type b, Type.Repetition rep) {
    if (a.isRepetition(Type.Repetition.REPEATED) || b.isRepetition(Type.Repetition.REPEATED)) return false;
    return withRepetition(a, rep).equals(withRepetition(b, rep));
  }

  private static Type withRepetition(Type t, Type.Repetition rep) {
    if (t.isPrimitive()) {
      PrimitiveType p = t.asPrimitiveType();
      return Types.primitive(p.getPrimitiveTypeName(), rep).as(p.getLogicalTypeAnnotation()).length(p.getTypeLength()).named(p.getName());
    }
    GroupType g = t.asGroupType();
    return Types.buildGroup(rep).as(g.getLogicalTypeAnnotation()).addFields(g.getFields().toArray(new Type[0])).named(g.getName());
  }

  private static boolean isNumber(PrimitiveTypeName t) {
    return isWhole(t) || t == PrimitiveTypeName.FLOAT || t == PrimitiveTypeName.DOUBLE;
  }

  private static boolean isWhole(PrimitiveTypeName t) {
    return t == PrimitiveTypeName.INT32 || t == PrimitiveTypeName.INT64;
  }

  /** The schema holding every column of every one of {@code schemas}, in first-seen order (see {@link #merged}). */
  static MessageType union(List<MessageType> schemas) {
    Map<String, Type> cols = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (MessageType s : schemas) {
      for (Type t : s.getFields()) {
        cols.merge(t.getName(), t, ParquetColumns::merged);
        seen.merge(t.getName(), 1, Integer::sum);
      }
    }
    List<Type> fields = new ArrayList<>();
    for (Map.Entry<String, Type> e : cols.entrySet()) {
      Type t = e.getValue();
      // a column some files lack is null in their rows
      if (seen.get(e.getKey()) < schemas.size() && t.isRepetition(Type.Repetition.REQUIRED)) t = withRepetition(t, Type.Repetition.OPTIONAL);
      fields.add(t);
    }
    return new MessageType(schemas.isEmpty() ? "document" : schemas.get(0).getName(), fields);
  }

  /** A value as the cell of column {@code t}, as a tree {@link ParquetJson#fill} writes. */
  static JsonNode cell(Type t, Object v) {
    if (isJson(t) && !(v instanceof JsonNode)) {
      try {
        return NODES.textNode(JSON.writeValueAsString(v));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("field '" + t.getName() + "' cannot be written as JSON: " + e.getOriginalMessage(), e);
      }
    }
    return JSON.valueToTree(v);
  }

  /** A cell read from a column of one type, for a column of the union type: JSON text where the union made JSON. */
  static JsonNode recast(Type from, Type to, JsonNode v) {
    if (v == null || v.isNull() || !isJson(to) || isJson(from)) return v;
    return NODES.textNode(v.toString());
  }

  /** The Hugging Face features of a schema: name and dtype, {@code struct} fields, {@code sequence} elements. */
  static List<Map<String, Object>> features(GroupType schema) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Type t : schema.getFields()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", t.getName());
      f.putAll(feature(t));
      out.add(f);
    }
    return out;
  }

  /** {@code dtype: x}, {@code struct: [...]}, {@code sequence: ...} or {@code list: [...]} of one column. */
  private static Map<String, Object> feature(Type t) {
    if (t.isRepetition(Type.Repetition.REPEATED)) return sequence(element(t));
    if (t.isPrimitive()) return Map.of("dtype", dtype(t.asPrimitiveType()));
    GroupType g = t.asGroupType();
    LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && g.getFieldCount() == 1) {
      Type r = g.getType(0);
      boolean wrapper = !r.isPrimitive() && r.asGroupType().getFieldCount() == 1 && !r.getName().equals("array")
          && !r.getName().equals(g.getName() + "_tuple");
      return sequence(wrapper ? r.asGroupType().getType(0) : element(r));
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) return Map.of("dtype", "string"); // read as a JSON object
    return Map.of("struct", features(g));
  }

  private static Type element(Type repeated) {
    if (repeated.isPrimitive()) return Types.optional(repeated.asPrimitiveType().getPrimitiveTypeName())
        .as(repeated.getLogicalTypeAnnotation()).named(repeated.getName());
    GroupType g = repeated.asGroupType();
    return new GroupType(Type.Repetition.OPTIONAL, g.getName(), g.getFields());
  }

  private static Map<String, Object> sequence(Type element) {
    Map<String, Object> f = feature(element);
    if (f.containsKey("dtype")) return Map.of("sequence", f.get("dtype"));
    return Map.of("list", f.containsKey("struct") ? f.get("struct") : List.of(f));
  }

  private static String dtype(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> "bool";
      case INT32 -> a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i
          ? (i.isSigned() ? "int" : "uint") + i.getBitWidth() : a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? "date32" : "int32";
      case INT64 -> a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
          ? "timestamp[" + ts.getUnit().name().toLowerCase(java.util.Locale.ROOT).replace("millis", "ms").replace("micros", "us").replace("nanos", "ns") + "]"
          : a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned() ? "uint64" : "int64";
      case FLOAT -> "float32";
      case DOUBLE -> "float64";
      case INT96 -> "timestamp[ns]";
      case BINARY, FIXED_LEN_BYTE_ARRAY -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
          || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
          ? "string" : "binary";
    };
  }
}
