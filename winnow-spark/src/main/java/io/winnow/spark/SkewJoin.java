package io.winnow.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * A join of many records per key with one record per key that never gathers a key's records in one task: a key
 * with more records than a task should hold (a near-duplicate cluster of millions) is split into pieces, its
 * records spread over them by a number of their own, and the one record of the key copied to every piece. The
 * split keys are few (at most records / limit), so their piece counts go to every executor.
 */
final class SkewJoin {
  /** Below this many records a key is never split: a task holds that many easily. */
  static final long MIN_SPLIT = 1024;

  private SkewJoin() {}

  /** Which keys are split and into how many pieces, from the record count of every key. */
  static <K> Broadcast<HashMap<K, Integer>> pieces(JavaSparkContext sc, JavaPairRDD<K, Long> countsPerKey, long records, int partitions) {
    long limit = limit(records, partitions);
    Map<K, Long> heavy = countsPerKey.filter(x -> x._2() > limit).collectAsMap();
    HashMap<K, Integer> out = new HashMap<>();
    for (Map.Entry<K, Long> e : heavy.entrySet()) out.put(e.getKey(), (int) Math.min(Integer.MAX_VALUE, (e.getValue() + limit - 1) / limit));
    return sc.broadcast(out);
  }

  /** At most this many records of one key go to one task: a partition's share, at least {@link #MIN_SPLIT}. */
  static long limit(long records, int partitions) {
    return Math.max(MIN_SPLIT, (records + partitions - 1) / Math.max(1, partitions));
  }

  /**
   * (key, (many, one)) for every record of {@code many} whose key is in {@code one} (which has one record per key).
   *
   * @param spread a number of the record (its document number, say) that picks its piece; it must be the same
   *     whenever the record is computed again, so that a retried task sends it where it went before
   */
  static <K, V, W> JavaPairRDD<K, Tuple2<V, W>> join(JavaPairRDD<K, V> many, JavaPairRDD<K, W> one, Broadcast<HashMap<K, Integer>> pieces,
      Function<V, Long> spread, int partitions) {
    JavaPairRDD<Piece<K>, V> left = many.mapToPair(x -> {
      Integer n = pieces.value().get(x._1());
      int piece = n == null ? 0 : (int) Math.floorMod(mix(spread.call(x._2())), (long) n);
      return new Tuple2<>(new Piece<>(x._1(), piece), x._2());
    });
    JavaPairRDD<Piece<K>, W> right = one.flatMapToPair(x -> {
      Integer n = pieces.value().get(x._1());
      List<Tuple2<Piece<K>, W>> out = new ArrayList<>(n == null ? 1 : n);
      for (int i = 0; i < (n == null ? 1 : n); i++) out.add(new Tuple2<>(new Piece<>(x._1(), i), x._2()));
      return out.iterator();
    });
    return left.join(right, new HashPartitioner(partitions)).mapToPair(x -> new Tuple2<>(x._1().key, x._2()));
  }

  /** Spreads consecutive numbers (documents of one shard) over the pieces evenly. */
  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  /** A key and one of its pieces (0 for a key that is not split). A plain class, for Kryo. */
  static final class Piece<K> implements Serializable {
    private static final long serialVersionUID = 1L;
    final K key;
    final int piece;

    Piece(K key, int piece) {
      this.key = key;
      this.piece = piece;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Piece<?> p && p.piece == piece && p.key.equals(key);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + piece;
    }
  }
}
