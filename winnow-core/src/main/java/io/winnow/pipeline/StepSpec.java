package io.winnow.pipeline;

import io.winnow.step.Step;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One validated step of a pipeline: its id (unique in the pipeline, prefix of its reason codes), its type,
 * the parameters as written, and a factory that makes one instance per worker.
 */
public record StepSpec(String id, String type, Map<String, Object> params, Supplier<Step> factory) {
  public Step create() {
    return factory.get();
  }
}
