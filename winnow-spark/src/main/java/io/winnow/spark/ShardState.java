package io.winnow.spark;

import io.winnow.engine.StagedPass;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shard, the per-shard decisions of the corpus steps fitted so far, by step id, and the stage file the last
 * observe pass left for it in the run directory (a plain class, for Kryo).
 */
final class ShardState implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ShardRef shard;
  private final LinkedHashMap<String, ShardDecisions> corpus;
  /** The stage file, relative to the run directory, or null: the shard is read from its input. */
  private final String stage;
  /** How many steps of the pipeline the stage's records have been through. */
  private final int stepsDone;

  ShardState(ShardRef shard, Map<String, ShardDecisions> corpus) {
    this(shard, corpus, null, 0);
  }

  private ShardState(ShardRef shard, Map<String, ShardDecisions> corpus, String stage, int stepsDone) {
    this.shard = shard;
    this.corpus = new LinkedHashMap<>(corpus);
    this.stage = stage;
    this.stepsDone = stepsDone;
  }

  ShardRef shard() { return shard; }
  Map<String, ShardDecisions> corpus() { return corpus; }
  String stage() { return stage; }
  int stepsDone() { return stepsDone; }

  /** Whether the observe pass of the corpus step at {@code stepIndex} runs any step on this shard, and so leaves a stage. */
  boolean stagesAt(int stepIndex) {
    return StagedPass.runsSteps(stepIndex, stepsDone);
  }

  /**
   * With the decisions of the fitted corpus step at {@code stepIndex}, read next from the stage its observe pass
   * wrote, or, when that pass ran no step and wrote none, from what it read.
   */
  ShardState with(String stepId, int stepIndex, ShardDecisions decisions) {
    Map<String, ShardDecisions> m = new LinkedHashMap<>(corpus);
    m.put(stepId, decisions);
    if (!stagesAt(stepIndex)) return new ShardState(shard, m, stage, stepsDone);
    return new ShardState(shard, m, ShardWork.stageOf(stepId, shard.index()), stepIndex);
  }
}
