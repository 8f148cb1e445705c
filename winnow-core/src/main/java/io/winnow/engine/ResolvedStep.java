package io.winnow.engine;

import io.winnow.step.Step;
import java.util.function.Supplier;

/** A step ready to run: a document step, or a corpus step after its fit. */
record ResolvedStep(String id, Supplier<Step> factory) {}
