package io.winnow.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated pipeline: input, ordered steps, output and run options. Built by {@link PipelineFile}.
 *
 * @param definition the parsed file (for the run's record and fingerprint)
 */
public record Pipeline(InputSpec input, List<StepSpec> steps, OutputSpec output, RunSpec run,
    Map<String, Object> definition) {

  public Pipeline {
    steps = List.copyOf(steps);
  }

  public Pipeline withOutputPath(String path) {
    return new Pipeline(input, steps, output.withPath(path), run, definition);
  }

  public Pipeline withOutput(OutputSpec newOutput) {
    return new Pipeline(input, steps, newOutput, run, definition);
  }

  /** The same pipeline on other input paths ({@code -} for standard input). */
  public Pipeline withInputPaths(List<String> paths) {
    return new Pipeline(new InputSpec(List.copyOf(paths), input.format(), input.idField(), input.textField(), input.splitBytes()),
        steps, output, run, definition);
  }

  public Pipeline withRun(RunSpec newRun) {
    return new Pipeline(input, steps, output, newRun, definition);
  }

  /**
   * A hash of everything in the file that decides the output: input, steps, output format and the run options
   * that change results ({@link RunSpec#resultOptions()}). Left out are the output path and how the run runs
   * (workers, progress), which the output does not depend on. A resumed run must have the same fingerprint,
   * or its finished shards would mix two configurations.
   */
  public String fingerprint() {
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("input", definition.get("input"));
    what.put("steps", definition.get("steps"));
    what.put("output", without(definition.get("output"), "path"));
    what.put("run", run.resultOptions());
    try {
      byte[] json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writeValueAsBytes(what);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 16);
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object without(Object section, String key) {
    if (!(section instanceof Map<?, ?> m)) return section;
    Map<Object, Object> copy = new LinkedHashMap<>(m);
    copy.remove(key);
    return copy;
  }
}
