package io.winnow.spark;

import io.winnow.step.dedup.GroupedDedup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A dedup step as Spark stages, deciding what the local fit decides: documents are numbered in input order
 * (shard, then position), documents sharing a group key (a MinHash band, a content key) are candidates, candidates
 * are joined into connected components, and in each component the keeper rule (highest score, ties to the first
 * document) picks the survivor; every other member is removed with the keeper's number as its cluster, the
 * keeper's id and their similarity.
 */
final class DedupStage {
  /** The decisions, by shard, and the figures of the fit (as the local fit.json). */
  record Result(JavaPairRDD<Integer, ShardRemovals> byShard, Map<String, Object> stats) {}

  private DedupStage() {}

  /**
   * The observations numbered in input order ({@code byIndex}), their count, and the connected components of
   * documents sharing a group key ({@code component}: member → its component's first document, for members of
   * components of two or more).
   */
  record Components(JavaRDD<Observation> obs, long total, JavaPairRDD<Long, Observation> byIndex, JavaPairRDD<Long, Long> component) {}

  static Components components(JavaSparkContext sc, PipelineSource src, int stepIndex, JavaRDD<Observation> observations) {
    JavaRDD<Observation> obs = observations.persist(StorageLevel.MEMORY_AND_DISK());
    // global numbering: shard offsets from per-shard counts (one number per shard on the driver)
    Map<Integer, Long> counts = obs.map(Observation::shard).countByValue();
    TreeMap<Integer, Long> sorted = new TreeMap<>(counts);
    Map<Integer, Long> offsets = new HashMap<>();
    long total = 0;
    for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
      offsets.put(e.getKey(), total);
      total += e.getValue();
    }
    Broadcast<Map<Integer, Long>> offset = sc.broadcast(offsets);
    // partitioned once, so that the joins below shuffle only their other side
    JavaPairRDD<Long, Observation> byIndex = obs
        .mapToPair(o -> new Tuple2<>(offset.value().get(o.shard()) + o.position(), o))
        .partitionBy(new HashPartitioner(obs.getNumPartitions()))
        .persist(StorageLevel.MEMORY_AND_DISK());

    // candidates: a star from the first member of each group to the others
    JavaPairRDD<Long, Long> edges = byIndex.filter(x -> x._2().payload() != null)
        .flatMapToPair(x -> {
          GroupedDedup g = grouped(src, stepIndex);
          List<Tuple2<Tuple2<Integer, Long>, Long>> keys = new ArrayList<>();
          g.groupKeys(x._2().payload(), 0, (group, hash) -> keys.add(new Tuple2<>(new Tuple2<>(group, hash), x._1())));
          return keys.iterator();
        })
        // members gathered with map-side combining: duplicates share most of their keys
        .aggregateByKey(new LongArrayList(2), (list, m) -> {
          list.add((long) m);
          return list;
        }, (a, b) -> {
          a.addAll(b);
          return a;
        })
        .filter(group -> group._2().size() > 1)
        .flatMapToPair(group -> {
          LongArrayList members = group._2();
          long first = Long.MAX_VALUE;
          for (int i = 0; i < members.size(); i++) first = Math.min(first, members.getLong(i));
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (int i = 0; i < members.size(); i++) if (members.getLong(i) != first) out.add(new Tuple2<>(members.getLong(i), first));
          return out.iterator();
        });
    JavaPairRDD<Long, Long> component = ConnectedComponents.of(edges).persist(StorageLevel.MEMORY_AND_DISK());
    return new Components(obs, total, byIndex, component);
  }

  static Result fit(JavaSparkContext sc, PipelineSource src, int stepIndex, JavaRDD<Observation> observations) {
    Components c = components(sc, src, stepIndex, observations);
    JavaRDD<Observation> obs = c.obs();
    JavaPairRDD<Long, Observation> byIndex = c.byIndex();
    JavaPairRDD<Long, Long> component = c.component();
    long total = c.total();

    // keeper per component: (component, (index, score)) reduced by the keeper rule
    JavaPairRDD<Long, Tuple2<Long, Double>> members = component
        .join(byIndex.mapValues(Observation::score))
        .mapToPair(x -> new Tuple2<>(x._2()._1(), new Tuple2<>(x._1(), x._2()._2())));
    JavaPairRDD<Long, Long> keeper = members.reduceByKey(DedupStage::better).mapValues(Tuple2::_1);
    JavaPairRDD<Long, Long> removedToKeeper = members
        .mapValues(Tuple2::_1)
        .join(keeper)
        .filter(x -> !x._2()._1().equals(x._2()._2()))
        .mapToPair(x -> new Tuple2<>(x._2()._1(), x._2()._2()));

    // each removal with its keeper's id and the similarity of the two payloads
    JavaPairRDD<Integer, ShardRemovals.Removal> removals = removedToKeeper
        .join(byIndex)
        .mapToPair(x -> new Tuple2<>(x._2()._1(), x._2()._2()))
        .join(byIndex)
        .mapToPair(x -> {
          Observation removed = x._2()._1();
          Observation kept = x._2()._2();
          double sim = grouped(src, stepIndex).similarity(removed.payload(), kept.payload(), 0);
          return new Tuple2<>(removed.shard(), new ShardRemovals.Removal(removed.key(), x._1(), sim, kept.id()));
        });
    JavaPairRDD<Integer, Long> unsigned = obs.filter(o -> o.payload() == null).mapToPair(o -> new Tuple2<>(o.shard(), o.key()));

    JavaPairRDD<Integer, ShardRemovals> byShard = removals.cogroup(unsigned).mapValues(x -> {
      ShardRemovals r = new ShardRemovals();
      x._1().forEach(r.removed::add);
      x._2().forEach(r.unsigned::add);
      return r;
    }).persist(StorageLevel.MEMORY_AND_DISK());

    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("documents", total);
    Map<Long, Long> sizes = component.mapToPair(x -> new Tuple2<>(x._2(), 1L)).reduceByKey(Long::sum).values().countByValue();
    Map<String, Long> histogram = new TreeMap<>();
    long clusters = 0;
    for (Map.Entry<Long, Long> e : sizes.entrySet()) {
      if (e.getKey() < 2) continue;
      clusters += e.getValue();
      histogram.merge(GroupedDedup.sizeBucket(e.getKey().intValue()), e.getValue(), Long::sum);
    }
    stats.put("clusters", clusters);
    stats.put("removed", removals.count());
    stats.put("cluster_sizes", histogram);
    stats.put("without_key", unsigned.count());
    return new Result(byShard, stats);
  }

  /** The keeper rule on (index, score): the higher score, ties to the smaller index (the earlier document). */
  private static Tuple2<Long, Double> better(Tuple2<Long, Double> a, Tuple2<Long, Double> b) {
    int c = Double.compare(a._2(), b._2());
    if (c != 0) return c > 0 ? a : b;
    return a._1() <= b._1() ? a : b;
  }

  private static GroupedDedup grouped(PipelineSource src, int stepIndex) {
    return CorpusStages.signatures(src.pipeline().steps().get(stepIndex));
  }
}
