package io.winnow.spark;

import java.io.Serializable;

/**
 * What a dedup step observed of one document: where it is (shard, position among the shard's observed
 * documents), its identity key, keeper score and id, and its payload (signature or content key; null when it has
 * none). A plain class rather than a record: Spark shuffles it with Kryo, which cannot build records.
 */
final class Observation implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int shard;
  private final long position;
  private final long key;
  private final double score;
  private final String id;
  private final long[] payload;

  Observation(int shard, long position, long key, double score, String id, long[] payload) {
    this.shard = shard;
    this.position = position;
    this.key = key;
    this.score = score;
    this.id = id;
    this.payload = payload;
  }

  int shard() { return shard; }
  long position() { return position; }
  long key() { return key; }
  double score() { return score; }
  String id() { return id; }
  long[] payload() { return payload; }
}
