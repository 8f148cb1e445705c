package io.winnow.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet row as the JSON tree a JSON file would hold for it, and back by the file's schema: structs as
 * objects, LIST columns (three-level, as pyarrow and Hugging Face datasets write them, or the older two-level
 * forms) as arrays, MAP columns as objects, strings as strings, numbers as numbers, other bytes as base64.
 */
final class ParquetJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ParquetJson() {}

  static ObjectNode toJson(Group g) {
    ObjectNode out = NODES.objectNode();
    GroupType type = g.getType();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type f = type.getType(i);
      int n = g.getFieldRepetitionCount(i);
      if (f.isRepetition(Type.Repetition.REPEATED)) {
        ArrayNode a = out.putArray(f.getName());
        for (int k = 0; k < n; k++) a.add(value(g, i, k, f));
      } else if (n > 0) {
        out.set(f.getName(), value(g, i, 0, f));
      }
    }
    return out;
  }

  private static JsonNode value(Group g, int field, int index, Type f) {
    if (f.isPrimitive()) return primitive(g, field, index, f.asPrimitiveType());
    Group sub = g.getGroup(field, index);
    GroupType t = f.asGroupType();
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && t.getFieldCount() == 1) {
      Type r = t.getType(0);
      ArrayNode out = NODES.arrayNode();
      for (int k = 0; k < sub.getFieldRepetitionCount(0); k++) {
        if (isElementWrapper(t, r)) {
          Group w = sub.getGroup(0, k);
          out.add(w.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(w, 0, 0, r.asGroupType().getType(0)));
        } else {
          out.add(value(sub, 0, k, r));
        }
      }
      return out;
    }
    if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation && t.getFieldCount() == 1) {
      ObjectNode out = NODES.objectNode();
      for (int k = 0; k < sub.getFieldRepetitionCount(0); k++) {
        Group kv = sub.getGroup(0, k);
        out.set(kv.getValueToString(0, 0), kv.getFieldRepetitionCount(1) == 0 ? NODES.nullNode() : value(kv, 1, 0, kv.getType().getType(1)));
      }
      return out;
    }
    return toJson(sub);
  }

  /**
   * The repeated field of a LIST is a wrapper around the element (three-level form) unless it is the element
   * itself: primitive, several fields, or the legacy names {@code array} and {@code <list>_tuple}.
   */
  private static boolean isElementWrapper(GroupType list, Type repeated) {
    return !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1 && !repeated.getName().equals("array")
        && !repeated.getName().equals(list.getName() + "_tuple");
  }

  private static JsonNode primitive(Group g, int field, int index, PrimitiveType p) {
    return switch (p.getPrimitiveTypeName()) {
      case INT32 -> NODES.numberNode(g.getInteger(field, index));
      case INT64 -> NODES.numberNode(g.getLong(field, index));
      case FLOAT -> NODES.numberNode(g.getFloat(field, index));
      case DOUBLE -> NODES.numberNode(g.getDouble(field, index));
      case BOOLEAN -> NODES.booleanNode(g.getBoolean(field, index));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> isText(p) ? NODES.textNode(g.getString(field, index))
          : NODES.textNode(Base64.getEncoder().encodeToString(g.getBinary(field, index).getBytes()));
      case INT96 -> NODES.textNode(g.getValueToString(field, index));
    };
  }

  private static boolean isText(PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
  }

  /** Fills {@code g} (of the row's schema) from a tree {@link #toJson} made; a field the tree lacks stays unset. */
  static void fill(Group g, ObjectNode rec) {
    GroupType type = g.getType();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type f = type.getType(i);
      JsonNode v = rec.get(f.getName());
      if (v == null || v.isNull()) {
        if (f.isRepetition(Type.Repetition.REQUIRED)) throw new IllegalArgumentException("required column '" + f.getName() + "' has no value");
        continue;
      }
      if (f.isRepetition(Type.Repetition.REPEATED)) {
        for (JsonNode e : v) add(g, i, f, e);
      } else {
        add(g, i, f, v);
      }
    }
  }

  private static void add(Group g, int field, Type f, JsonNode v) {
    if (f.isPrimitive()) {
      addPrimitive(g, field, f.asPrimitiveType(), v);
      return;
    }
    Group sub = g.addGroup(field);
    GroupType t = f.asGroupType();
    LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && t.getFieldCount() == 1) {
      Type r = t.getType(0);
      for (JsonNode e : v) {
        if (isElementWrapper(t, r)) {
          Group w = sub.addGroup(0);
          if (!e.isNull()) add(w, 0, r.asGroupType().getType(0), e);
        } else {
          add(sub, 0, r, e);
        }
      }
    } else if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation && t.getFieldCount() == 1) {
      GroupType kvType = t.getType(0).asGroupType();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        Group kv = sub.addGroup(0);
        addPrimitive(kv, 0, kvType.getType(0).asPrimitiveType(), NODES.textNode(e.getKey()));
        if (!e.getValue().isNull()) add(kv, 1, kvType.getType(1), e.getValue());
      }
    } else {
      fill(sub, (ObjectNode) v);
    }
  }

  private static void addPrimitive(Group g, int field, PrimitiveType p, JsonNode v) {
    switch (p.getPrimitiveTypeName()) {
      case INT32 -> g.add(field, v.intValue());
      case INT64 -> g.add(field, v.longValue());
      case FLOAT -> g.add(field, v.floatValue());
      case DOUBLE -> g.add(field, v.doubleValue());
      case BOOLEAN -> g.add(field, v.booleanValue());
      case BINARY, FIXED_LEN_BYTE_ARRAY -> g.add(field, isText(p) ? Binary.fromString(v.textValue()) : Binary.fromConstantByteArray(Base64.getDecoder().decode(v.textValue())));
      case INT96 -> throw new IllegalArgumentException("column '" + p.getName() + "' is INT96, which cannot be written back from a rewritten record");
    }
  }
}
