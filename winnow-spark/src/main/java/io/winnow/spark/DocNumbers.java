package io.winnow.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * Document numbers in input order without a counting pass before the shuffles: a document is first numbered by
 * (shard, position) packed in one long, which orders documents as the input does, so the smallest member of a
 * component and the keeper rule's ties come out as with global numbers; the numbers the decisions show (a
 * cluster is its first document's number, as locally) are the global ones, from the shards' counts.
 */
final class DocNumbers implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int POSITION_BITS = 40;
  private static final long MAX_SHARDS = 1L << (63 - POSITION_BITS);

  /** Where each shard's documents start in the global numbering, by shard index. */
  private final long[] offsets;
  private final long total;

  DocNumbers(Map<Integer, Long> countsByShard) {
    int max = countsByShard.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    offsets = new long[max + 1];
    long sum = 0;
    for (int s = 0; s <= max; s++) {
      offsets[s] = sum;
      sum += countsByShard.getOrDefault(s, 0L);
    }
    total = sum;
  }

  static long packed(Observation o) {
    if (o.shard() >= MAX_SHARDS || o.position() >= 1L << POSITION_BITS) {
      throw new IllegalStateException("shard " + o.shard() + ", document " + o.position() + ": beyond what the dedup stages number");
    }
    return ((long) o.shard() << POSITION_BITS) | o.position();
  }

  /** The document's number in the whole input, as the local engine numbers it. */
  long global(long packed) {
    return offsets[(int) (packed >>> POSITION_BITS)] + (packed & ((1L << POSITION_BITS) - 1));
  }

  static int shardOf(long packed) {
    return (int) (packed >>> POSITION_BITS);
  }

  long total() {
    return total;
  }
}
