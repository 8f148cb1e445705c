package io.winnow.code;

import io.winnow.code.input.CodeFilter;
import io.winnow.code.license.LicenseStep;
import io.winnow.code.provenance.ProvenanceStep;
import io.winnow.pipeline.StepProvider;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;

/** Registers the code-corpus steps: license detection and provenance fingerprints. */
public final class CodeSteps implements StepProvider {
  @Override
  public void register(StepRegistry registry) {
    registry.register(StepType.document(CodeFilter.TYPE,
        "Code corpora: drop vendored, generated, lock, minified and binary files; annotate the language",
        CodeFilter.Config::from, CodeFilter::new));
    registry.register(StepType.corpus(LicenseStep.TYPE,
        "Code corpora: each file's license, declared (SPDX tag, license file, manifest) vs detected, and a policy (corpus step)",
        p -> new LicenseStep(LicenseStep.Config.from(p))));
    registry.register(StepType.document(ProvenanceStep.TYPE,
        "Copies of licensed reference code (winnowing fingerprints): annotate, or drop copies of denied licences",
        ProvenanceStep.Config::from, ProvenanceStep::new));
  }
}
