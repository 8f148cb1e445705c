package io.winnow.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shard and the per-shard decisions of the corpus steps fitted so far, by step id. */
record ShardState(ShardRef shard, Map<String, ShardRemovals> corpus) implements Serializable {
  ShardState with(String stepId, ShardRemovals removals) {
    Map<String, ShardRemovals> m = new LinkedHashMap<>(corpus);
    m.put(stepId, removals == null ? new ShardRemovals() : removals);
    return new ShardState(shard, m);
  }
}
