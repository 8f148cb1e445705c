package io.winnow.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON object (a JSONL record) into plain Java values with the streaming parser, refusing what a
 * generic object mapper would silently corrupt:
 *
 * <ul>
 *   <li>a key that occurs twice in one object (at any depth): a mapper keeps the last value, so which text or
 *       id the record "has" depends on the tool reading it. The map being built detects it for free: its size
 *       does not grow on a repeated key. (Jackson's {@code STRICT_DUPLICATE_DETECTION} would do the same with an
 *       extra detector per object; here the map already is one.)
 *   <li>a number a double cannot hold: {@code 1e400} becomes Infinity and is written back as a string, and
 *       {@code 1e-400} becomes 0. Such numbers are kept as {@link BigDecimal}, which writes back as a JSON
 *       number of the same value. Other fractions stay doubles (as any JSON reader has them); integers too large
 *       for a long are {@link java.math.BigInteger}s.
 * </ul>
 *
 * Objects become {@link LinkedHashMap}s in key order, arrays {@link ArrayList}s.
 */
final class JsonObjectParser {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private JsonObjectParser() {}

  /** Why a syntactically valid line is still not a record we can keep as it is. */
  static final class DuplicateKeyException extends IOException {
    final String key;

    DuplicateKeyException(String key) {
      super("duplicate key '" + key + "'");
      this.key = key;
    }
  }

  /** Thrown for a line holding valid JSON that is not an object. */
  static final class NotAnObjectException extends IOException {
    NotAnObjectException(String what) {
      super("the line is " + what + ", not a JSON object");
    }
  }

  /**
   * The object in bytes [off, off+len) (UTF-8; whitespace around it is allowed, anything else after it is not).
   *
   * @throws DuplicateKeyException a key repeats within one object
   * @throws NotAnObjectException the value is an array, string, number, literal
   * @throws com.fasterxml.jackson.core.JsonProcessingException not JSON
   */
  static Map<String, Object> parse(byte[] b, int off, int len) throws IOException {
    return parse(b, off, len, null, null);
  }

  /** Stands for a string value left undecoded (see {@link #parse(byte[], int, int, String, int[])}). */
  static final Object UNDECODED = new Object();

  /**
   * As {@link #parse(byte[], int, int)}, except that the top-level member {@code quotedField}, when its value is a
   * string, is left undecoded: its value in the map is {@link #UNDECODED} and {@code quoteAt[0]} the index in
   * {@code b} of its opening quote (else -1). The parser still checks the string; the caller decodes it (the
   * record's text, decoded faster from its bytes: {@link JsonTextBytes#decode}).
   */
  static Map<String, Object> parse(byte[] b, int off, int len, String quotedField, int[] quoteAt) throws IOException {
    if (quoteAt != null) quoteAt[0] = -1;
    try (JsonParser p = FACTORY.createParser(b, off, len)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new NotAnObjectException(t == null ? "empty" : t == JsonToken.START_ARRAY ? "an array" : "a scalar (" + p.getText() + ")");
      }
      Map<String, Object> m = object(p, "", quotedField, quoteAt, off);
      JsonToken extra = p.nextToken();
      if (extra != null) throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + extra + " after the object");
      return m;
    }
  }

  /** Reads the members of an object whose START_OBJECT was just read; {@code path} names it in errors. */
  private static Map<String, Object> object(JsonParser p, String path) throws IOException {
    return object(p, path, null, null, 0);
  }

  private static Map<String, Object> object(JsonParser p, String path, String quotedField, int[] quoteAt, int off)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Object value;
      if (p.nextToken() == JsonToken.VALUE_STRING && key.equals(quotedField)) {
        // the token's offset counts from the start of the parsed range; not asking for its text makes the parser
        // skip (and check) the string instead of decoding it
        quoteAt[0] = off + (int) p.currentTokenLocation().getByteOffset();
        value = UNDECODED;
      } else {
        value = value(p, path + key + ".");
      }
      int before = m.size();
      m.put(key, value);
      if (m.size() == before) throw new DuplicateKeyException(path + key);
    }
    return m;
  }

  private static Object value(JsonParser p, String path) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p, path);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p, path));
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue(); // Integer, Long or BigInteger: exact
      case VALUE_NUMBER_FLOAT -> fraction(p);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + p.currentToken());
    };
  }

  /** A double, unless the double would not be the number written (overflow to infinity, underflow to zero). */
  private static Object fraction(JsonParser p) throws IOException {
    double d = p.getDoubleValue();
    if (!Double.isInfinite(d) && d != 0) return d;
    if (d == 0) {
      BigDecimal exact = p.getDecimalValue();
      return exact.signum() == 0 ? (Object) d : exact;
    }
    return p.getDecimalValue();
  }
}
