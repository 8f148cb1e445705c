package io.winnow.pipeline;

import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A kind of step that a pipeline file can name: a document step ({@code document} makes the factory of its
 * instances) or a corpus step ({@code corpus} makes the estimator). Configuring validates the parameters once,
 * before any data is read.
 */
public record StepType(String name, String summary, Function<Params, Supplier<Step>> document,
    Function<Params, CorpusStep> corpus) {

  public StepType {
    if ((document == null) == (corpus == null)) throw new IllegalArgumentException(name + ": a step type is either a document or a corpus step");
  }

  public static StepType document(String name, String summary, Function<Params, Supplier<Step>> configure) {
    return new StepType(name, summary, configure, null);
  }

  /** A document step from its config parser and its constructor: the config is validated once, shared by instances. */
  public static <C> StepType document(String name, String summary, Function<Params, C> config, Function<C, Step> create) {
    return document(name, summary, p -> {
      C c = config.apply(p);
      return () -> create.apply(c);
    });
  }

  public static StepType corpus(String name, String summary, Function<Params, CorpusStep> configure) {
    return new StepType(name, summary, null, configure);
  }

  public boolean isCorpusStep() {
    return corpus != null;
  }
}
