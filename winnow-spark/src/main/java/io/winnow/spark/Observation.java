package io.winnow.spark;

import java.io.Serializable;

/**
 * What a dedup step observed of one document: where it is (shard, position among the shard's observed
 * documents), its identity key, keeper score and id, and its payload (signature or content key; null when it has
 * none).
 */
record Observation(int shard, long position, long key, double score, String id, long[] payload) implements Serializable {}
