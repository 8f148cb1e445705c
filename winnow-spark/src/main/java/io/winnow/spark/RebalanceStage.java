package io.winnow.spark;

import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.ClusterSizes;
import io.winnow.step.dedup.GroupedDedup;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The {@code diversity} step's cluster cap and weight as Spark stages, deciding what the local fit decides: the
 * clusters are dedup's connected components over the step's own band keys ({@link DedupStage#components}); the
 * members of all clusters are sorted by (cluster, keeper rule: highest score, then first in input order) into
 * ranges — a large cluster spans several partitions, and is never gathered in one task or list — and streamed:
 * the first {@code kept(size)} stay, the rest are capped with their similarity to the cluster's top member. A
 * partition learns from the edges of the partitions before it (one small record each, on the driver) the rank its
 * first cluster continues from and that cluster's top member. Every member records its cluster and size.
 */
final class RebalanceStage {
  private RebalanceStage() {}

  /** Sort key: cluster, then score descending, then input order. A plain class, for Kryo. */
  static final class RankKey implements Comparable<RankKey>, Serializable {
    private static final long serialVersionUID = 1L;
    final long root;
    final double score;
    final long node;

    RankKey(long root, double score, long node) {
      this.root = root;
      this.score = score;
      this.node = node;
    }

    @Override
    public int compareTo(RankKey o) {
      if (root != o.root) return Long.compare(root, o.root);
      int c = Double.compare(o.score, score);
      if (c != 0) return c;
      return Long.compare(node, o.node);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RankKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(node);
    }
  }

  /** A cluster member and its cluster's size. */
  static final class Member implements Serializable {
    private static final long serialVersionUID = 1L;
    final Observation obs;
    final int size;

    Member(Observation obs, int size) {
      this.obs = obs;
      this.size = size;
    }
  }

  /**
   * Where a partition of the sorted members starts and ends: its first cluster (how many of its members are here,
   * the first of them), its last (likewise). A cluster may span partitions; these let each partition know the
   * rank its first members continue from and the cluster's top member.
   */
  static final class Edges implements Serializable {
    private static final long serialVersionUID = 1L;
    long firstRoot = -1;
    long firstCount;
    Observation firstTop;
    long lastRoot = -1;
    long lastCount;
    Observation lastTop;

    static Edges of(Iterator<Tuple2<RankKey, Member>> it) {
      Edges e = new Edges();
      while (it.hasNext()) {
        Tuple2<RankKey, Member> x = it.next();
        long root = x._1().root;
        if (e.firstRoot == -1) {
          e.firstRoot = root;
          e.firstTop = x._2().obs;
        }
        if (root == e.firstRoot) e.firstCount++;
        if (root != e.lastRoot) {
          e.lastRoot = root;
          e.lastCount = 0;
          e.lastTop = x._2().obs;
        }
        e.lastCount++;
      }
      return e;
    }
  }

  /** For each sorted partition, the rank its first cluster's members continue from and that cluster's top member. */
  static final class Starts implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] rank;
    final Observation[] top;

    Starts(java.util.List<Edges> edges) {
      rank = new long[edges.size()];
      top = new Observation[edges.size()];
      long carryRoot = -1;
      long carryCount = 0;
      Observation carryTop = null;
      for (int p = 0; p < edges.size(); p++) {
        Edges e = edges.get(p);
        if (e.firstRoot == -1) continue;
        boolean continues = e.firstRoot == carryRoot;
        rank[p] = continues ? carryCount : 0;
        top[p] = continues ? carryTop : null; // null: the partition's own first member is the top
        if (e.lastRoot == e.firstRoot) {
          carryCount = rank[p] + e.firstCount;
          carryTop = continues ? carryTop : e.firstTop;
        } else {
          carryCount = e.lastCount;
          carryTop = e.lastTop;
        }
        carryRoot = e.lastRoot;
      }
    }
  }

  /** Fits the step and writes its decisions by shard ({@link FitStore}); returns the figures of the fit, as the local fit's. */
  static Map<String, Object> fit(CorpusStages.Context ctx, JavaRDD<Observation> observations) throws IOException {
    DedupStage.Components c = DedupStage.components(ctx, observations);
    int partitions = ctx.partitions();
    JavaPairRDD<Long, Long> sizes = c.component().mapToPair(x -> new Tuple2<>(x._2(), 1L)).reduceByKey(Long::sum, partitions)
        .persist(StorageLevel.MEMORY_AND_DISK());
    var pieces = SkewJoin.pieces(ctx.sc(), sizes, c.component().count(), partitions);
    // every member with its observation, then its cluster's size (a skew-free join: clusters may be huge)
    JavaPairRDD<Long, Tuple2<Long, Observation>> byCluster = c.component().join(c.byIndex(), new HashPartitioner(partitions))
        .mapToPair(x -> new Tuple2<>(x._2()._1(), new Tuple2<>(x._1(), x._2()._2())));
    Broadcast<DocNumbers> numbers = ctx.sc().broadcast(c.numbers());
    JavaPairRDD<RankKey, Member> ranked = SkewJoin.join(byCluster, sizes, pieces, Tuple2::_1, partitions)
        .mapToPair(x -> {
          Observation o = x._2()._1()._2();
          return new Tuple2<>(new RankKey(x._1(), o.score(), x._2()._1()._1()), new Member(o, x._2()._2().intValue()));
        })
        // a total order (cluster, score descending, input order), range-partitioned: a cluster may span partitions
        .sortByKey(true, partitions)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Broadcast<Starts> starts = ctx.sc().broadcast(new Starts(ranked.mapPartitions(it -> java.util.List.of(Edges.of(it)).iterator()).collect()));
    PipelineSource src = ctx.src();
    int stepIndex = ctx.stepIndex();
    JavaPairRDD<Integer, ShardRebalance.Entry> entries = ranked.mapPartitionsWithIndex((partition, it) -> {
      ClusterRebalance step = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex));
      GroupedDedup g = step.clustering();
      DocNumbers n = numbers.value();
      Starts start = starts.value();
      return new Iterator<Tuple2<Integer, ShardRebalance.Entry>>() {
        boolean first = true;
        long root = -1;
        long rank;
        Observation top;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Tuple2<Integer, ShardRebalance.Entry> next() {
          Tuple2<RankKey, Member> x = it.next();
          Member m = x._2();
          if (x._1().root != root) {
            root = x._1().root;
            boolean continued = first && start.top[partition] != null;
            rank = continued ? start.rank[partition] : 0;
            top = continued ? start.top[partition] : m.obs;
          }
          first = false;
          int keep = step.kept(m.size);
          boolean capped = rank++ >= keep;
          double sim = capped ? g.similarity(m.obs.payload(), top.payload(), 0) : 0;
          return new Tuple2<>(m.obs.shard(), new ShardRebalance.Entry(m.obs.key(), n.global(root), m.size, capped, keep, sim, capped ? top.id() : null));
        }
      };
    }, true).mapToPair(x -> x);
    FitStore.writeByShard(entries, ShardRebalance.CODEC, partitions, ctx.hadoop(), ctx.destRun(), ctx.store().dir());

    ClusterRebalance step = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex));
    ClusterSizes figures = new ClusterSizes();
    for (Map.Entry<Long, Long> e : new TreeMap<>(sizes.values().countByValue()).entrySet()) {
      int size = e.getKey().intValue();
      figures.add(size, step.kept(size), e.getValue());
    }
    Map<String, Object> stats = figures.stats(c.numbers().total(), c.withoutKey());
    sizes.unpersist(false);
    ranked.unpersist(false);
    pieces.destroy();
    numbers.destroy();
    starts.destroy();
    c.release();
    return stats;
  }
}
