package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.Step;
import java.io.Serializable;
import java.util.function.Supplier;

/** What one corpus step decided for the documents of one shard, shipped with the shard to its final pass. */
interface ShardDecisions extends Serializable {
  /** The fitted step that applies these decisions (one instance per call of the supplier). */
  Supplier<Step> filter(StepSpec spec);
}
