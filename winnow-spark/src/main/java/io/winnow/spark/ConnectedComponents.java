package io.winnow.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of a graph given as edges, computed distributedly by alternating large-star and
 * small-star operations (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014) until the edge set
 * stops changing: then every component is a star around its smallest node. Nothing is collected on the driver
 * but the convergence test's two counts.
 */
final class ConnectedComponents {
  /** More rounds than this means the input is not what we think: O(log² n) is the bound. */
  static final int MAX_ROUNDS = 200;

  private ConnectedComponents() {}

  /** (node, smallest node of its component) for every node that appears in an edge, itself included. */
  static JavaPairRDD<Long, Long> of(JavaPairRDD<Long, Long> edges) {
    JavaPairRDD<Long, Long> e = edges.mapToPair(ConnectedComponents::ordered).filter(x -> !x._1().equals(x._2())).distinct()
        .persist(StorageLevel.MEMORY_AND_DISK());
    long count = e.count();
    for (int round = 0; ; round++) {
      if (round == MAX_ROUNDS) throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
      JavaPairRDD<Long, Long> next = smallStar(largeStar(e)).persist(StorageLevel.MEMORY_AND_DISK());
      // lineage would otherwise grow with every round
      next.rdd().localCheckpoint();
      long nextCount = next.count();
      boolean stable = nextCount == count && next.subtract(e).isEmpty();
      e.unpersist(false);
      e = next;
      count = nextCount;
      if (stable) break;
    }
    JavaPairRDD<Long, Long> roots = e.values().distinct().mapToPair(r -> new Tuple2<>(r, r));
    return e.union(roots);
  }

  /** (larger, smaller) */
  private static Tuple2<Long, Long> ordered(Tuple2<Long, Long> x) {
    return x._1() >= x._2() ? x : new Tuple2<>(x._2(), x._1());
  }

  /** Each node links its larger neighbours to the smallest node of its neighbourhood (itself included). */
  private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> e) {
    return e.flatMapToPair(x -> List.of(x, new Tuple2<>(x._2(), x._1())).iterator())
        .groupByKey()
        .flatMapToPair(g -> {
          long u = g._1();
          long m = u;
          for (long v : g._2()) m = Math.min(m, v);
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (long v : g._2()) if (v > u) out.add(new Tuple2<>(v, m));
          return out.iterator();
        })
        .distinct();
  }

  /** Each node links itself and its smaller neighbours to the smallest of them. */
  private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> e) {
    return e.groupByKey()
        .flatMapToPair(g -> {
          long u = g._1();
          long m = u;
          for (long v : g._2()) m = Math.min(m, v);
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          if (u != m) out.add(new Tuple2<>(u, m));
          for (long v : g._2()) if (v != m) out.add(new Tuple2<>(v, m));
          return out.iterator();
        })
        .distinct();
  }
}
