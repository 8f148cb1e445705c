package io.winnow.doc;

import java.util.Map;

/**
 * A field named in a pipeline file or on the command line ({@code url}, {@code metadata.url},
 * {@code meta.source.name}): a key of the record's fields, or a dotted path into its nested objects. A key that
 * itself holds dots ({@code "warc.url"}) wins over the path, so flat records keep working as they did.
 */
public final class FieldPath {
  private FieldPath() {}

  /** The value at {@code path} in a document's fields, or null when any part of it is missing. */
  public static Object get(Map<String, Object> fields, String path) {
    Object direct = fields.get(path);
    if (direct != null || path.indexOf('.') < 0) return direct;
    Object at = fields;
    int from = 0;
    while (at instanceof Map<?, ?> m) {
      int dot = path.indexOf('.', from);
      String part = dot < 0 ? path.substring(from) : path.substring(from, dot);
      at = m.get(part);
      if (dot < 0) return at;
      from = dot + 1;
    }
    return null;
  }
}
