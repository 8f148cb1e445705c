package io.winnow.code;

import io.winnow.pipeline.StepProvider;
import io.winnow.pipeline.StepRegistry;

/** Registers the code-corpus steps: license detection and provenance fingerprints. */
public final class CodeSteps implements StepProvider {
  @Override
  public void register(StepRegistry registry) {
  }
}
