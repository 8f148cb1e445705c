package io.winnow.engine;

import io.winnow.step.Step;
import java.util.function.Supplier;

/** A step ready to run: a document step, or a corpus step after its fit. */
/** A step of the pipeline as an engine runs it: its id, and the factory of its per-worker instances. */
public record ResolvedStep(String id, Supplier<Step> factory) {}
