package io.winnow.pipeline;

import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One validated step of a pipeline: its id (unique in the pipeline, prefix of its reason codes), its type, the
 * parameters as written, and either the factory of its instances (a document step) or its estimator (a corpus
 * step, whose document step exists once it is fitted).
 */
public record StepSpec(String id, String type, Map<String, Object> params, Supplier<Step> factory, CorpusStep corpus) {
  public boolean isCorpusStep() {
    return corpus != null;
  }

  public Step create() {
    if (factory == null) throw new IllegalStateException("step " + id + " is a corpus step: fit it before creating instances");
    return factory.get();
  }
}
