package io.winnow.spark;

import io.winnow.step.dedup.GroupedDedup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A dedup step as Spark stages, deciding what the local fit decides: documents are numbered in input order
 * (shard, then position), documents sharing a group key (a MinHash band, a content key) are candidates, candidates
 * are joined into connected components, and in each component the keeper rule (highest score, ties to the first
 * document) picks the survivor; every other member is removed with the keeper's number as its cluster, the
 * keeper's id and their similarity.
 *
 * <p>No step gathers a group or a cluster in one task: groups and clusters are reduced map-side (their first
 * member, their keeper, their size), and the joins that bring a group's first member, a cluster's keeper or the
 * keeper's signature to every member are {@link SkewJoin}s. The observations are cached once and released when
 * the decisions are written.
 */
final class DedupStage {
  private DedupStage() {}

  /**
   * The observations by packed document number ({@code byIndex}, cached), the numbering, and the connected
   * components of documents sharing a group key ({@code component}: member → its component's first document, for
   * members of components of two or more; cached); {@link #release} drops both.
   */
  record Components(JavaPairRDD<Long, Observation> byIndex, DocNumbers numbers, JavaPairRDD<Long, Long> component, long withoutKey) {
    void release() {
      byIndex.unpersist(false);
      component.unpersist(false);
    }
  }

  static Components components(CorpusStages.Context ctx, JavaRDD<Observation> observations) throws IOException {
    int partitions = ctx.partitions();
    HashPartitioner byNode = new HashPartitioner(partitions);
    // cached once, partitioned once: the joins below shuffle only their other side
    JavaPairRDD<Long, Observation> byIndex = observations
        .mapToPair(o -> new Tuple2<>(DocNumbers.packed(o), o))
        .partitionBy(byNode)
        .persist(StorageLevel.MEMORY_AND_DISK());
    DocNumbers numbers = new DocNumbers(byIndex.keys().map(DocNumbers::shardOf).countByValue());
    ctx.logCached("observations", byIndex, numbers.total());
    long withoutKey = byIndex.filter(x -> x._2().payload() == null).count();

    PipelineSource src = ctx.src();
    int stepIndex = ctx.stepIndex();
    JavaPairRDD<Tuple2<Integer, Long>, Long> keys = byIndex.filter(x -> x._2().payload() != null)
        .flatMapToPair(x -> {
          GroupedDedup g = grouped(src, stepIndex);
          List<Tuple2<Tuple2<Integer, Long>, Long>> out = new ArrayList<>();
          g.groupKeys(x._2().payload(), 0, (group, hash) -> out.add(new Tuple2<>(new Tuple2<>(group, hash), x._1())));
          return out.iterator();
        });
    // each group's first member and size, combined map-side; groups of one are no candidates
    JavaPairRDD<Tuple2<Integer, Long>, Tuple2<Long, Long>> groups = keys
        .mapValues(m -> new Tuple2<>(m, 1L))
        .reduceByKey((a, b) -> new Tuple2<>(Math.min(a._1(), b._1()), a._2() + b._2()), partitions)
        .filter(g -> g._2()._2() > 1)
        .persist(StorageLevel.MEMORY_AND_DISK());
    var pieces = SkewJoin.pieces(ctx.sc(), groups.mapValues(Tuple2::_2), numbers.total(), partitions);
    // candidates: a star from the first member of each group to the others
    JavaPairRDD<Long, Long> edges = SkewJoin.join(keys, groups.mapValues(Tuple2::_1), pieces, m -> m, partitions)
        .filter(x -> !x._2()._1().equals(x._2()._2()))
        .mapToPair(x -> x._2());
    JavaPairRDD<Long, Long> component = ConnectedComponents.of(edges, partitions, ctx.fs());
    groups.unpersist(false);
    pieces.destroy();
    return new Components(byIndex, numbers, component, withoutKey);
  }

  /** Fits the step and writes its decisions by shard ({@link FitStore}); returns the figures of the fit, as the local fit.json. */
  static Map<String, Object> fit(CorpusStages.Context ctx, JavaRDD<Observation> observations) throws IOException {
    Components c = components(ctx, observations);
    int partitions = ctx.partitions();
    HashPartitioner byNode = new HashPartitioner(partitions);
    JavaPairRDD<Long, Observation> byIndex = c.byIndex();
    JavaPairRDD<Long, Long> component = c.component();

    JavaPairRDD<Long, Long> sizes = component.mapToPair(x -> new Tuple2<>(x._2(), 1L)).reduceByKey(Long::sum, partitions)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // keeper per component: (component, (member, score)) reduced map-side by the keeper rule
    JavaPairRDD<Long, Long> keeper = component
        .join(byIndex.mapValues(Observation::score), byNode)
        .mapToPair(x -> new Tuple2<>(x._2()._1(), new Tuple2<>(x._1(), x._2()._2())))
        .reduceByKey(DedupStage::better, partitions)
        .mapValues(Tuple2::_1)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long members = component.count();
    var piecesByRoot = SkewJoin.pieces(ctx.sc(), sizes, members, partitions);
    // (removed, keeper) pairs: the keeper brought to every member of its component
    JavaPairRDD<Long, Long> removedToKeeper = SkewJoin.join(component.mapToPair(x -> new Tuple2<>(x._2(), x._1())), keeper, piecesByRoot,
            m -> m, partitions)
        .filter(x -> !x._2()._1().equals(x._2()._2()))
        .mapToPair(x -> x._2());
    // the keepers' observations, and how many removals each has (a cluster's size less one)
    JavaPairRDD<Long, Observation> keeperObs = keeper.mapToPair(x -> new Tuple2<>(x._2(), Boolean.TRUE))
        .join(byIndex, byNode)
        .mapValues(Tuple2::_2);
    var piecesByKeeper = SkewJoin.pieces(ctx.sc(), keeper.join(sizes, partitions).mapToPair(x -> new Tuple2<>(x._2()._1(), x._2()._2() - 1)),
        members, partitions);
    // each removal's observation keyed by its keeper, then the keeper's signature joined to it
    JavaPairRDD<Long, Observation> removedByKeeper = removedToKeeper.join(byIndex, byNode).mapToPair(x -> x._2());
    PipelineSource src = ctx.src();
    int stepIndex = ctx.stepIndex();
    Broadcast<DocNumbers> numbers = ctx.sc().broadcast(c.numbers());
    JavaPairRDD<Integer, ShardRemovals.Removal> removals = SkewJoin.join(removedByKeeper, keeperObs, piecesByKeeper, DocNumbers::packed, partitions)
        .mapToPair(x -> {
          Observation removed = x._2()._1();
          Observation kept = x._2()._2();
          double sim = grouped(src, stepIndex).similarity(removed.payload(), kept.payload(), 0);
          return new Tuple2<>(removed.shard(), new ShardRemovals.Removal(removed.key(), numbers.value().global(x._1()), sim, kept.id()));
        });
    JavaPairRDD<Integer, ShardRemovals.Removal> unsigned = byIndex.values().filter(o -> o.payload() == null)
        .mapToPair(o -> new Tuple2<>(o.shard(), ShardRemovals.Removal.unsigned(o.key())));
    FitStore.writeByShard(removals.union(unsigned), ShardRemovals.CODEC, partitions, ctx.hadoop(), ctx.destRun(), ctx.store().dir());

    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("documents", c.numbers().total());
    Map<Long, Long> bySize = sizes.values().countByValue();
    Map<String, Long> histogram = new TreeMap<>();
    long clusters = 0;
    long removed = 0;
    for (Map.Entry<Long, Long> e : new TreeMap<>(bySize).entrySet()) {
      if (e.getKey() < 2) continue;
      clusters += e.getValue();
      removed += (e.getKey() - 1) * e.getValue();
      histogram.merge(GroupedDedup.sizeBucket(e.getKey().intValue()), e.getValue(), Long::sum);
    }
    stats.put("clusters", clusters);
    stats.put("removed", removed);
    stats.put("cluster_sizes", histogram);
    stats.put("without_key", c.withoutKey());
    sizes.unpersist(false);
    keeper.unpersist(false);
    piecesByRoot.destroy();
    piecesByKeeper.destroy();
    numbers.destroy();
    c.release();
    return stats;
  }

  /** The keeper rule on (index, score): the higher score, ties to the smaller index (the earlier document). */
  private static Tuple2<Long, Double> better(Tuple2<Long, Double> a, Tuple2<Long, Double> b) {
    int c = Double.compare(a._2(), b._2());
    if (c != 0) return c > 0 ? a : b;
    return a._1() <= b._1() ? a : b;
  }

  static GroupedDedup grouped(PipelineSource src, int stepIndex) {
    return CorpusStages.signatures(src.pipeline().steps().get(stepIndex));
  }
}
