package io.winnow.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a pipeline file (YAML):
 *
 * <pre>
 * input:  {paths: [...], format: auto, id_field: id, text_field: text}
 * steps:
 *   - gopher_repetition                 # a step with default parameters
 *   - type: c4                          # or a map: type, optional id, parameters
 *     id: c4_fineweb
 *     filter_no_terminal_punct: false
 * output: {path: runs/x, compression: zstd, max_file_bytes: 1073741824}
 * run:    {workers: 2, max_document_bytes: 33554432, tokenizer: none}
 * </pre>
 *
 * Every error names the file, the section or step, the key and what is allowed.
 */
public final class PipelineFile {
  private static final Set<String> SECTIONS = Set.of("input", "steps", "output", "run");
  private final StepRegistry registry;

  public PipelineFile(StepRegistry registry) {
    this.registry = registry;
  }

  public static Pipeline load(Path file) {
    return new PipelineFile(StepRegistry.builtIn()).read(file);
  }

  public Pipeline read(Path file) {
    return read(file, List.of());
  }

  /** The pipeline file with {@code --set} overrides applied before validation (see {@link PipelineOverrides}). */
  public Pipeline read(Path file, List<String> overrides) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new PipelineException(file + ": no such pipeline file");
    } catch (IOException e) {
      throw new PipelineException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), yaml, overrides);
  }

  /** A pipeline file's text with {@code --set} overrides applied before validation, as {@link #read(Path, List)}. */
  public Pipeline parse(String name, String yaml, List<String> overrides) {
    if (overrides.isEmpty()) return parse(name, yaml);
    return parse(name, PipelineOverrides.apply(yamlMap(name, yaml), overrides));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yamlMap(String name, String yaml) {
    Object root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new PipelineException(name + where + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top)) throw new PipelineException(name + ": must be a map with sections input, steps, output, run");
    return (Map<String, Object>) top;
  }

  public Pipeline parse(String name, String yaml) {
    return parse(name, yamlMap(name, yaml));
  }

  /** A pipeline from its parsed definition (a YAML file read into maps and lists, perhaps with overrides applied). */
  public Pipeline parse(String name, Map<String, Object> top) {
    Map<String, Object> def = new LinkedHashMap<>(top);
    for (String key : def.keySet()) {
      if (!SECTIONS.contains(key)) throw new PipelineException(name + ": unknown section '" + key + "'; allowed: input, steps, output, run");
    }
    Params all = new Params(name, def);
    InputSpec input = InputSpec.from(all.section("input"));
    OutputSpec output = OutputSpec.from(all.section("output"));
    RunSpec run = RunSpec.from(all.section("run"));
    List<StepSpec> steps = steps(name, def.get("steps"));
    return new Pipeline(input, steps, output, run, def);
  }

  @SuppressWarnings("unchecked")
  private List<StepSpec> steps(String name, Object raw) {
    if (raw == null) throw new PipelineException(name + ": 'steps' is required (a list of steps; see `winnow steps`)");
    if (!(raw instanceof List<?> list)) throw new PipelineException(name + ": 'steps' must be a list");
    List<StepSpec> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      Map<String, Object> params;
      String type;
      if (item instanceof String s) {
        type = s;
        params = new LinkedHashMap<>();
      } else if (item instanceof Map<?, ?> m) {
        params = new LinkedHashMap<>((Map<String, Object>) m);
        Object t = params.remove("type");
        if (!(t instanceof String ts)) throw new PipelineException(name + ": step " + (i + 1) + ": 'type' is required (the step name)");
        type = ts;
      } else {
        throw new PipelineException(name + ": step " + (i + 1) + ": must be a step name or a map with 'type'");
      }
      StepType st = registry.get(type);
      if (st == null) {
        List<String> known = registry.all().stream().map(StepType::name).toList();
        throw new PipelineException(name + ": step " + (i + 1) + ": unknown step type '" + type + "'; known: " + String.join(", ", known));
      }
      Object idValue = params.remove("id");
      String id = idValue == null ? type : idValue.toString();
      if (!id.matches("[A-Za-z0-9_\\-]+")) throw new PipelineException(name + ": step " + (i + 1) + ": 'id' must use letters, digits, _ and -, got \"" + id + "\"");
      if (!ids.add(id)) throw new PipelineException(name + ": step " + (i + 1) + ": id '" + id + "' is used twice; give one step an 'id'");
      Params p = new Params(name + ": step " + (i + 1) + " (" + id + ")", new LinkedHashMap<>(params));
      java.util.function.Supplier<io.winnow.step.Step> factory = null;
      io.winnow.step.CorpusStep corpus = null;
      try {
        if (st.isCorpusStep()) corpus = st.corpus().apply(p);
        else factory = st.document().apply(p);
      } catch (IllegalArgumentException e) {
        throw new PipelineException(p.where() + ": " + e.getMessage(), e);
      } catch (java.io.UncheckedIOException e) {
        throw new PipelineException(p.where() + ": " + e.getCause().getMessage(), e);
      }
      out.add(new StepSpec(id, type, java.util.Collections.unmodifiableMap(params), factory, corpus));
    }
    return out;
  }
}
