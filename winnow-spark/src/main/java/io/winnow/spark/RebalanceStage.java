package io.winnow.spark;

import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.ClusterSizes;
import io.winnow.step.dedup.GroupedDedup;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The {@code diversity} step's cluster cap and weight as Spark stages, deciding what the local fit decides: the
 * clusters are dedup's connected components over the step's own band keys ({@link DedupStage#components}); the
 * members of each cluster are sorted by the keeper rule (highest score, then first in input order) with a
 * secondary sort — a cluster is never gathered in one list — and streamed: the first {@code kept(size)} stay, the
 * rest are capped with their similarity to the cluster's top member. Every member records its cluster and size.
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

  /** All members of one cluster in one partition. */
  static final class ByCluster extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    ByCluster(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return Math.floorMod(Long.hashCode(((RankKey) key).root), partitions);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ByCluster b && b.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }

  static CorpusStages.Result fit(JavaSparkContext sc, PipelineSource src, int stepIndex, JavaRDD<Observation> observations) {
    DedupStage.Components c = DedupStage.components(sc, src, stepIndex, observations);
    JavaPairRDD<Long, Long> sizes = c.component().mapToPair(x -> new Tuple2<>(x._2(), 1L)).reduceByKey(Long::sum);
    JavaPairRDD<RankKey, Member> ranked = c.component().join(c.byIndex())
        .mapToPair(x -> new Tuple2<>(x._2()._1(), new Tuple2<>(x._1(), x._2()._2())))
        .join(sizes)
        .mapToPair(x -> {
          Observation o = x._2()._1()._2();
          return new Tuple2<>(new RankKey(x._1(), o.score(), x._2()._1()._1()), new Member(o, x._2()._2().intValue()));
        })
        .repartitionAndSortWithinPartitions(new ByCluster(Math.max(1, c.obs().getNumPartitions())));
    JavaPairRDD<Integer, ShardRebalance.Entry> entries = ranked.mapPartitionsToPair(it -> {
      ClusterRebalance step = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex));
      GroupedDedup g = step.clustering();
      return new Iterator<Tuple2<Integer, ShardRebalance.Entry>>() {
        long root = -1;
        int rank;
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
            rank = 0;
            top = m.obs;
          }
          int keep = step.kept(m.size);
          boolean capped = rank++ >= keep;
          double sim = capped ? g.similarity(m.obs.payload(), top.payload(), 0) : 0;
          return new Tuple2<>(m.obs.shard(), new ShardRebalance.Entry(m.obs.key(), root, m.size, capped, keep, sim, capped ? top.id() : null));
        }
      };
    });
    JavaPairRDD<Integer, ShardDecisions> byShard = entries
        .aggregateByKey(new ShardRebalance(), ShardRebalance::add, ShardRebalance::merge)
        .mapValues(x -> (ShardDecisions) x);

    ClusterRebalance step = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex));
    ClusterSizes figures = new ClusterSizes();
    for (Map.Entry<Long, Long> e : sizes.values().countByValue().entrySet()) {
      int size = e.getKey().intValue();
      figures.add(size, step.kept(size), e.getValue());
    }
    long withoutKey = c.obs().filter(o -> o.payload() == null).count();
    return new CorpusStages.Result(byShard, new ShardRebalance(), figures.stats(c.total(), withoutKey));
  }
}
