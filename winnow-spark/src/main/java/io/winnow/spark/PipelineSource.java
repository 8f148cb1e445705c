package io.winnow.spark;

import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline file as it travels to executors: its text and the command line's {@code --set} overrides. Each
 * executor JVM parses it once (steps validate their configuration and load their state there, not per document)
 * and shares the result between its tasks.
 */
record PipelineSource(String name, String yaml, List<String> overrides) implements Serializable {
  PipelineSource {
    overrides = List.copyOf(overrides);
  }

  private static final Map<PipelineSource, Pipeline> PARSED = new ConcurrentHashMap<>();

  Pipeline pipeline() {
    return PARSED.computeIfAbsent(this, s -> new PipelineFile(StepRegistry.builtIn()).parse(s.name(), s.yaml(), s.overrides()));
  }
}
