package io.winnow.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters of one section of a pipeline file (a step, the input, the output), read with defaults and
 * validated as they are read. Every error names the section, the key and what is allowed. After reading,
 * {@link #finish()} rejects keys nobody asked for: unknown keys are errors, never silently ignored.
 *
 * <p>A key given as YAML {@code null} (or {@code ~}) is distinguished from an absent key: for thresholds that
 * can be switched off, null means "rule disabled".
 */
public final class Params {
  private final String where;
  private final Map<String, Object> raw;
  private final Set<String> known = new LinkedHashSet<>();
  /** When describing a step ({@code winnow steps NAME}): every parameter read, with its kind, default and range. */
  private final Map<String, ParamInfo> described;
  private final String describedPrefix;

  /** One parameter as a step reads it: {@code kind} and {@code allowed} in words, the default as written in YAML. */
  public record ParamInfo(String key, String kind, String allowed, Object defaultValue) {}

  public Params(String where, Map<String, Object> raw) {
    this(where, raw, null, "");
  }

  private Params(String where, Map<String, Object> raw, Map<String, ParamInfo> described, String describedPrefix) {
    this.where = where;
    this.raw = raw == null ? Map.of() : raw;
    this.described = described;
    this.describedPrefix = describedPrefix;
  }

  /** Empty parameters that record what a step reads: its parameters with defaults, see {@link #described()}. */
  public static Params describing(String where) {
    return new Params(where, Map.of(), new java.util.LinkedHashMap<>(), "");
  }

  /** The parameters read so far, in order, when made by {@link #describing}; otherwise empty. */
  public List<ParamInfo> described() {
    return described == null ? List.of() : List.copyOf(described.values());
  }

  private void note(String key, String kind, String allowed, Object def) {
    if (described != null) described.put(describedPrefix + key, new ParamInfo(describedPrefix + key, kind, allowed, def));
  }

  public static Params empty(String where) {
    return new Params(where, Map.of());
  }

  public String where() {
    return where;
  }

  private PipelineException error(String key, String message) {
    return new PipelineException(where + ": '" + key + "' " + message);
  }

  /** The error for a parameter whose value was read but is unusable (a missing model file, a bad list). */
  public PipelineException invalid(String key, String message) {
    return new PipelineException(where + ": '" + key + "': " + message);
  }

  private Object value(String key) {
    known.add(key);
    return raw.get(key);
  }

  /** A number in [min, max]; absent → default (which may be null = disabled); explicit null → null. */
  public Double optDouble(String key, Double def, double min, double max) {
    known.add(key);
    note(key, "number", "[" + fmt(min) + ", " + fmt(max) + "] or null", def);
    if (!raw.containsKey(key)) return def;
    Object v = raw.get(key);
    if (v == null) return null;
    if (!(v instanceof Number n)) throw error(key, "must be a number in [" + fmt(min) + ", " + fmt(max) + "], got " + show(v));
    double d = n.doubleValue();
    if (!(d >= min && d <= max)) throw error(key, "must be in [" + fmt(min) + ", " + fmt(max) + "], got " + show(v));
    return d;
  }

  public double getDouble(String key, double def, double min, double max) {
    Double d = optDouble(key, def, min, max);
    note(key, "number", "[" + fmt(min) + ", " + fmt(max) + "]", def);
    if (d == null) throw error(key, "must not be null");
    return d;
  }

  /** An integer in [min, max]; absent → default (may be null); explicit null → null. */
  public Integer optInt(String key, Integer def, long min, long max) {
    known.add(key);
    note(key, "integer", "[" + min + ", " + max + "] or null", def);
    if (!raw.containsKey(key)) return def;
    Object v = raw.get(key);
    if (v == null) return null;
    if (!(v instanceof Integer || v instanceof Long)) throw error(key, "must be an integer in [" + min + ", " + max + "], got " + show(v));
    long l = ((Number) v).longValue();
    if (l < min || l > max) throw error(key, "must be in [" + min + ", " + max + "], got " + show(v));
    return (int) l;
  }

  public int getInt(String key, int def, long min, long max) {
    Integer i = optInt(key, def, min, max);
    note(key, "integer", "[" + min + ", " + max + "]", def);
    if (i == null) throw error(key, "must not be null");
    return i;
  }

  public long getLong(String key, long def, long min, long max) {
    note(key, "integer", "[" + min + ", " + max + "]", def);
    Object v = value(key);
    if (v == null) return def;
    if (!(v instanceof Integer || v instanceof Long)) throw error(key, "must be an integer in [" + min + ", " + max + "], got " + show(v));
    long l = ((Number) v).longValue();
    if (l < min || l > max) throw error(key, "must be in [" + min + ", " + max + "], got " + show(v));
    return l;
  }

  public boolean getBool(String key, boolean def) {
    note(key, "boolean", "true, false", def);
    Object v = value(key);
    if (v == null) return def;
    if (!(v instanceof Boolean b)) throw error(key, "must be true or false, got " + show(v));
    return b;
  }

  public String getString(String key, String def) {
    note(key, "string", "", def);
    Object v = value(key);
    if (v == null) return def;
    if (!(v instanceof String s)) throw error(key, "must be a string, got " + show(v));
    return s;
  }

  /** A string from a closed set of choices. */
  public String getChoice(String key, String def, String... allowed) {
    String s = getString(key, def);
    note(key, "choice", String.join(", ", allowed), def);
    if (s == null) return null;
    for (String a : allowed) if (a.equals(s)) return s;
    throw error(key, "must be one of " + String.join(", ", allowed) + ", got " + show(s));
  }

  /** A string or a list of strings. */
  public List<String> getStrings(String key, List<String> def) {
    note(key, "string list", "", def);
    Object v = value(key);
    if (v == null) return def;
    if (v instanceof String s) return List.of(s);
    if (!(v instanceof List<?> list)) throw error(key, "must be a string or a list of strings, got " + show(v));
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) throw error(key, "must contain only strings, got " + show(o));
      out.add(s);
    }
    return List.copyOf(out);
  }

  /** A map from n-gram size to a ratio threshold, e.g. {@code {2: 0.2, 3: 0.18}}. */
  public Map<Integer, Double> getIntDoubleMap(String key, Map<Integer, Double> def, int minKey, int maxKey) {
    note(key, "map n -> ratio", "n in [" + minKey + ", " + maxKey + "], ratio in [0, 1]", def);
    Object v = value(key);
    if (v == null) return raw.containsKey(key) ? Map.of() : def;
    if (!(v instanceof Map<?, ?> m)) throw error(key, "must be a map of n-gram size to ratio, e.g. {2: 0.2}, got " + show(v));
    Map<Integer, Double> out = new TreeMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      int n;
      try {
        n = Integer.parseInt(String.valueOf(e.getKey()).trim());
      } catch (NumberFormatException ex) {
        throw error(key, "keys must be integers in [" + minKey + ", " + maxKey + "], got " + show(e.getKey()));
      }
      if (n < minKey || n > maxKey) throw error(key, "keys must be in [" + minKey + ", " + maxKey + "], got " + n);
      if (!(e.getValue() instanceof Number r) || r.doubleValue() < 0 || r.doubleValue() > 1)
        throw error(key, "values must be ratios in [0, 1], got " + show(e.getValue()));
      out.put(n, r.doubleValue());
    }
    return out;
  }

  /** A list of entries, each a string or a map (returned as nested {@link Params}); absent → empty. */
  @SuppressWarnings("unchecked")
  public List<Object> getEntries(String key) {
    note(key, "list", "strings or maps", List.of());
    Object v = value(key);
    if (v == null) return List.of();
    if (!(v instanceof List<?> list)) throw error(key, "must be a list, got " + show(v));
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      if (o instanceof String s) out.add(s);
      else if (o instanceof Map<?, ?> m) out.add(new Params(where + "." + key + "[" + (i + 1) + "]", new LinkedHashMap<>((Map<String, Object>) m)));
      else throw error(key, "entries must be strings or maps, got " + show(o));
    }
    return out;
  }

  /** A nested section, e.g. {@code output.parquet}. */
  @SuppressWarnings("unchecked")
  public Params section(String key) {
    Object v = value(key);
    // a described section's keys are listed as section.key
    if (v == null) return new Params(where + "." + key, Map.of(), described, describedPrefix + key + ".");
    if (!(v instanceof Map<?, ?> m)) throw error(key, "must be a map of keys to values, got " + show(v));
    return new Params(where + "." + key, new LinkedHashMap<>((Map<String, Object>) m));
  }

  /** Fails on any key that was not read: they are typos or options of another step. */
  public void finish() {
    for (String key : raw.keySet()) {
      if (!known.contains(key)) {
        throw new PipelineException(where + ": unknown key '" + key + "'; allowed keys: "
            + (known.isEmpty() ? "(none)" : String.join(", ", known)));
      }
    }
  }

  private static String show(Object v) {
    return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }
}
