package io.winnow.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.Tuple2;

/**
 * Connected components of a graph given as edges, computed distributedly by alternating large-star and
 * small-star operations (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014) until the edge set
 * stops changing: then every component is a star around its smallest node. Nothing is collected on the driver
 * but the convergence test's two counts.
 *
 * <p>Each round's edges are checkpointed reliably (written to the checkpoint directory, a shared file system),
 * which cuts the lineage that would otherwise grow with every round and, unlike a local checkpoint, lets Spark
 * recompute a partition lost with its executor. Only the last two rounds' checkpoints are kept; the caller deletes
 * the directory once the result is no longer needed.
 */
final class ConnectedComponents {
  /** More rounds than this means the input is not what we think: O(log² n) is the bound. */
  static final int MAX_ROUNDS = 200;

  private ConnectedComponents() {}

  /**
   * (node, smallest node of its component) for every node that appears in an edge, itself included; persisted and
   * checkpointed, for the caller to unpersist.
   *
   * @param partitions the partition count of every shuffle
   * @param fs the file system of the context's checkpoint directory, where spent rounds are deleted
   */
  static JavaPairRDD<Long, Long> of(JavaPairRDD<Long, Long> edges, int partitions, FileSystem fs) throws IOException {
    JavaPairRDD<Long, Long> e = edges.mapToPair(ConnectedComponents::ordered).filter(x -> !x._1().equals(x._2())).distinct(partitions);
    e = checkpointed(e);
    long count = e.count();
    for (int round = 0; ; round++) {
      if (round == MAX_ROUNDS) throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
      JavaPairRDD<Long, Long> next = checkpointed(smallStar(largeStar(e, partitions), partitions));
      long nextCount = next.count();
      boolean stable = nextCount == count && next.subtract(e, partitions).isEmpty();
      release(e, fs);
      e = next;
      count = nextCount;
      if (stable) break;
    }
    JavaPairRDD<Long, Long> roots = e.values().distinct(partitions).mapToPair(r -> new Tuple2<>(r, r));
    JavaPairRDD<Long, Long> out = checkpointed(e.union(roots));
    out.count();
    release(e, fs);
    return out;
  }

  /** Persisted (so that the checkpoint is written from the cache, not by computing it again) and checkpointed. */
  private static JavaPairRDD<Long, Long> checkpointed(JavaPairRDD<Long, Long> rdd) {
    rdd.persist(StorageLevel.MEMORY_AND_DISK());
    rdd.rdd().checkpoint();
    return rdd;
  }

  /** Drops a round nothing depends on any more: its cached blocks and its checkpoint files. */
  private static void release(JavaPairRDD<Long, Long> rdd, FileSystem fs) throws IOException {
    rdd.unpersist(false);
    Option<String> file = rdd.rdd().getCheckpointFile();
    if (file.isDefined()) fs.delete(new org.apache.hadoop.fs.Path(file.get()), true);
  }

  /** (larger, smaller) */
  private static Tuple2<Long, Long> ordered(Tuple2<Long, Long> x) {
    return x._1() >= x._2() ? x : new Tuple2<>(x._2(), x._1());
  }

  /** Each node links its larger neighbours to the smallest node of its neighbourhood (itself included). */
  private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> e, int partitions) {
    return e.flatMapToPair(x -> List.of(x, new Tuple2<>(x._2(), x._1())).iterator())
        .groupByKey(partitions)
        .flatMapToPair(g -> {
          long u = g._1();
          long m = u;
          for (long v : g._2()) m = Math.min(m, v);
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (long v : g._2()) if (v > u) out.add(new Tuple2<>(v, m));
          return out.iterator();
        })
        .distinct(partitions);
  }

  /** Each node links itself and its smaller neighbours to the smallest of them. */
  private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> e, int partitions) {
    return e.groupByKey(partitions)
        .flatMapToPair(g -> {
          long u = g._1();
          long m = u;
          for (long v : g._2()) m = Math.min(m, v);
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          if (u != m) out.add(new Tuple2<>(u, m));
          for (long v : g._2()) if (v != m) out.add(new Tuple2<>(v, m));
          return out.iterator();
        })
        .distinct(partitions);
  }
}
