package io.winnow.spark;

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

  /** With the decisions of a fitted corpus step, and the stage its observe pass wrote (through {@code done} steps). */
  ShardState with(String stepId, ShardDecisions decisions, String stageFile, int done) {
    Map<String, ShardDecisions> m = new LinkedHashMap<>(corpus);
    m.put(stepId, decisions);
    return new ShardState(shard, m, stageFile, done);
  }
}
