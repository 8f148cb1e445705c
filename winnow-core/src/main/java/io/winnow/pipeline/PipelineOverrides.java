package io.winnow.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --set key=value} overrides of a pipeline file, applied to its definition before it is validated, so an
 * override is checked exactly as the file is (unknown keys, ranges). Keys are dotted paths:
 * {@code steps.<id>.<param>} (the step's {@code id}, or its type when it has none), {@code input.<key>},
 * {@code output.<key>}, {@code run.<key>}; deeper paths set nested maps. Values are YAML: {@code 0.5},
 * {@code false}, {@code [a, b]}, {@code null} (switches a rule off), a bare string.
 */
public final class PipelineOverrides {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PipelineOverrides() {}

  /**
   * The overrides of a command line: its {@code --set}s, then its trial-run selection options ({@code --limit},
   * {@code --sample}, {@code --sample-seed}; null when not given), last so they win over a {@code --set} of the same key.
   */
  public static List<String> withSelection(List<String> sets, Long limit, Double sample, Long sampleSeed) {
    List<String> all = new ArrayList<>(sets);
    if (limit != null) all.add("run.limit=" + limit);
    if (sample != null) all.add("run.sample=" + String.format(java.util.Locale.ROOT, "%s", sample));
    if (sampleSeed != null) all.add("run.sample_seed=" + sampleSeed);
    return all;
  }

  /** A copy of {@code definition} with every override applied in order. */
  public static Map<String, Object> apply(Map<String, Object> definition, List<String> overrides) {
    Map<String, Object> def = deepCopy(definition);
    for (String o : overrides) apply(def, o);
    return def;
  }

  @SuppressWarnings("unchecked")
  private static void apply(Map<String, Object> def, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) throw error(override, "must be key=value, e.g. steps.gopher_quality.min_doc_words=20");
    String key = override.substring(0, eq).trim();
    Object value = value(override, override.substring(eq + 1));
    String[] path = key.split("\\.");
    for (String part : path) if (part.isEmpty()) throw error(override, "the key has an empty part");
    Map<String, Object> target;
    int from;
    switch (path[0]) {
      case "steps" -> {
        if (path.length < 3) throw error(override, "a step override is steps.<id>.<parameter>=value");
        target = step(def, path[1], override);
        from = 2;
      }
      case "input", "output", "run" -> {
        if (path.length < 2) throw error(override, "name a key of the " + path[0] + " section, e.g. " + path[0] + ".path=...");
        target = section(def, path[0], override);
        from = 1;
      }
      default -> throw error(override, "unknown section '" + path[0] + "'; allowed: steps, input, output, run");
    }
    for (int i = from; i < path.length - 1; i++) {
      Object next = target.get(path[i]);
      if (next == null) {
        next = new LinkedHashMap<String, Object>();
        target.put(path[i], next);
      } else if (!(next instanceof Map)) {
        throw error(override, "'" + path[i] + "' is not a map, so it has no key '" + path[i + 1] + "'");
      }
      target = (Map<String, Object>) next;
    }
    target.put(path[path.length - 1], value);
  }

  private static Object value(String override, String text) {
    if (text.isEmpty()) return "";
    try {
      return YAML.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw error(override, "the value is not valid YAML: " + e.getOriginalMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> def, String name, String override) {
    Object s = def.get(name);
    if (s == null) {
      s = new LinkedHashMap<String, Object>();
      def.put(name, s);
    }
    if (!(s instanceof Map)) throw error(override, "the '" + name + "' section of the file is not a map");
    return (Map<String, Object>) s;
  }

  /** The step with this id (or, without an id, this type), turned into a map when it was written as a bare name. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> step(Map<String, Object> def, String id, String override) {
    if (!(def.get("steps") instanceof List<?> steps)) throw error(override, "the pipeline has no list of steps");
    List<Object> list = (List<Object>) steps;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object s = list.get(i);
      if (s instanceof String name) {
        if (name.equals(id)) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("type", name);
          list.set(i, m);
          return m;
        }
        ids.add(name);
      } else if (s instanceof Map<?, ?> m) {
        Object sid = m.get("id") != null ? m.get("id") : m.get("type");
        if (id.equals(String.valueOf(sid))) return (Map<String, Object>) m;
        ids.add(String.valueOf(sid));
      }
    }
    throw error(override, "no step with id '" + id + "'; the steps are " + String.join(", ", ids));
  }

  private static PipelineException error(String override, String message) {
    return new PipelineException("--set " + override + ": " + message);
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put(k, deepCopy(v)));
      return (T) c;
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      for (Object v : l) c.add(deepCopy(v));
      return (T) c;
    }
    return o;
  }
}
