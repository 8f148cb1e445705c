package io.winnow.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shard and the per-shard decisions of the corpus steps fitted so far, by step id (a plain class, for Kryo). */
final class ShardState implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ShardRef shard;
  private final LinkedHashMap<String, ShardRemovals> corpus;

  ShardState(ShardRef shard, Map<String, ShardRemovals> corpus) {
    this.shard = shard;
    this.corpus = new LinkedHashMap<>(corpus);
  }

  ShardRef shard() { return shard; }
  Map<String, ShardRemovals> corpus() { return corpus; }

  ShardState with(String stepId, ShardRemovals removals) {
    Map<String, ShardRemovals> m = new LinkedHashMap<>(corpus);
    m.put(stepId, removals == null ? new ShardRemovals() : removals);
    return new ShardState(shard, m);
  }
}
