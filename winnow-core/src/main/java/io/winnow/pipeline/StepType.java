package io.winnow.pipeline;

import io.winnow.step.Step;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A kind of step that a pipeline file can name. {@code configure} validates the parameters once (so errors
 * come before any data is read) and returns the factory of step instances.
 */
public record StepType(String name, String summary, Function<Params, Supplier<Step>> configure) {}
