package io.winnow.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shard and the per-shard decisions of the corpus steps fitted so far, by step id (a plain class, for Kryo). */
final class ShardState implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ShardRef shard;
  private final LinkedHashMap<String, ShardDecisions> corpus;

  ShardState(ShardRef shard, Map<String, ShardDecisions> corpus) {
    this.shard = shard;
    this.corpus = new LinkedHashMap<>(corpus);
  }

  ShardRef shard() { return shard; }
  Map<String, ShardDecisions> corpus() { return corpus; }

  ShardState with(String stepId, ShardDecisions decisions) {
    Map<String, ShardDecisions> m = new LinkedHashMap<>(corpus);
    m.put(stepId, decisions);
    return new ShardState(shard, m);
  }
}
