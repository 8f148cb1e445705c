package io.winnow.code;

import io.winnow.code.provenance.ProvenanceStep;
import io.winnow.pipeline.StepProvider;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;

/** Registers the code-corpus steps: license detection and provenance fingerprints. */
public final class CodeSteps implements StepProvider {
  @Override
  public void register(StepRegistry registry) {
    registry.register(StepType.document(ProvenanceStep.TYPE,
        "Copies of licensed reference code (winnowing fingerprints): annotate, or drop copies of denied licences",
        ProvenanceStep.Config::from, ProvenanceStep::new));
  }
}
