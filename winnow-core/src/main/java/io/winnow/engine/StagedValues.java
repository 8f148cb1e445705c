package io.winnow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata and decision values in a stage file, with their Java types kept: a later step that asks
 * {@code instanceof Long} or a Parquet writer that infers a column type from the value sees what it would have
 * seen had no stage been in between. Values of other types are stored as the plain values Jackson makes of them,
 * which write back as the same JSON.
 */
final class StagedValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, FLOAT = 5, TRUE = 6, FALSE = 7,
      BIG_INTEGER = 8, BIG_DECIMAL = 9, MAP = 10, LIST = 11, BYTES = 12, SHORT = 13, BYTE = 14;

  private StagedValues() {}

  static void writeMap(DataOutput out, Map<String, Object> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, Object> e : m.entrySet()) {
      writeString(out, e.getKey());
      write(out, e.getValue());
    }
  }

  static Map<String, Object> readMap(DataInput in) throws IOException {
    int n = in.readInt();
    Map<String, Object> m = new LinkedHashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) m.put(readString(in), read(in));
    return m;
  }

  @SuppressWarnings("unchecked")
  static void write(DataOutput out, Object v) throws IOException {
    if (v == null) out.writeByte(NULL);
    else if (v instanceof String s) {
      out.writeByte(STRING);
      writeString(out, s);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (v instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (v instanceof Boolean b) out.writeByte(b ? TRUE : FALSE);
    else if (v instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (v instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (v instanceof BigInteger b) {
      out.writeByte(BIG_INTEGER);
      writeString(out, b.toString());
    } else if (v instanceof BigDecimal b) {
      out.writeByte(BIG_DECIMAL);
      writeString(out, b.toString());
    } else if (v instanceof Map<?, ?> m && allStringKeys(m)) {
      out.writeByte(MAP);
      writeMap(out, (Map<String, Object>) m);
    } else if (v instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) write(out, o);
    } else if (v instanceof byte[] b) {
      out.writeByte(BYTES);
      out.writeInt(b.length);
      out.write(b);
    } else {
      // anything else (a Jackson tree, a record, a set) as the plain values of its JSON form
      write(out, JSON.convertValue(v, Object.class));
    }
  }

  static Object read(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case NULL -> null;
      case STRING -> readString(in);
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case SHORT -> in.readShort();
      case BYTE -> in.readByte();
      case BIG_INTEGER -> new BigInteger(readString(in));
      case BIG_DECIMAL -> new BigDecimal(readString(in));
      case MAP -> readMap(in);
      case LIST -> {
        int n = in.readInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(read(in));
        yield list;
      }
      case BYTES -> {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        yield b;
      }
      default -> throw new IOException("stage file damaged: unknown value tag " + tag);
    };
  }

  /**
   * Strings of any length (DataOutput.writeUTF stops at 64 KB): UTF-8 when the text is well-formed UTF-16, else
   * (a lone surrogate from a JSON escape, which UTF-8 cannot carry) its chars as they are.
   */
  static void writeString(DataOutput out, String s) throws IOException {
    if (wellFormed(s)) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
      return;
    }
    int n = s.length();
    out.writeInt(-1 - n);
    byte[] b = new byte[2 * n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      b[2 * i] = (byte) (c >>> 8);
      b[2 * i + 1] = (byte) c;
    }
    out.write(b);
  }

  static String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n >= 0) {
      byte[] b = new byte[n];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
    int chars = -1 - n;
    byte[] b = new byte[2 * chars];
    in.readFully(b);
    char[] c = new char[chars];
    for (int i = 0; i < chars; i++) c[i] = (char) (((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff));
    return new String(c);
  }

  private static boolean wellFormed(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else return false;
    }
    return true;
  }

  /** Nullable strings (a rejection without an id, a keep without a reason). */
  static void writeNullable(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) writeString(out, s);
  }

  static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  private static boolean allStringKeys(Map<?, ?> m) {
    for (Object k : m.keySet()) if (!(k instanceof String)) return false;
    return true;
  }
}
