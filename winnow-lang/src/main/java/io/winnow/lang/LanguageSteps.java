package io.winnow.lang;

import io.winnow.pipeline.StepProvider;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;

/** Registers the language step. */
public final class LanguageSteps implements StepProvider {
  @Override
  public void register(StepRegistry registry) {
    registry.register(StepType.document(LanguageFilter.TYPE, "Language identification (Lingua): keep the listed languages",
        LanguageFilter.Config::from, LanguageFilter::new));
    registry.register(StepType.document(LanguageMatchFilter.TYPE, "Answers in another language than their prompt (conversations)",
        LanguageMatchFilter.Config::from, LanguageMatchFilter::new));
  }
}
