package io.winnow.pipeline;

/**
 * Contributes step types from another module (found with {@link java.util.ServiceLoader}), so that heavy
 * dependencies such as language models stay out of the core: a module lists its provider in
 * {@code META-INF/services/io.winnow.pipeline.StepProvider}.
 */
public interface StepProvider {
  void register(StepRegistry registry);
}
