package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.GroupedDedup;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The corpus steps the Spark engine runs as stages of its own, and which stage each one is: the dedup steps
 * ({@link DedupStage}), the {@code diversity} step's cluster cap and weight ({@link RebalanceStage}, the same
 * band keys and components as dedup) and its dependency cap ({@link DependencyStage}).
 */
final class CorpusStages {
  /**
   * The decisions by shard; {@code whenAbsent} for a shard without any (nothing removed there, or, for the
   * dependency cap, the same corpus-wide decisions for every shard); the figures of the fit, as the local fit's.
   */
  record Result(JavaPairRDD<Integer, ShardDecisions> byShard, ShardDecisions whenAbsent, Map<String, Object> stats) {}

  private CorpusStages() {}

  /** Fails, naming the step, when the engine cannot run this corpus step distributed. */
  static void check(StepSpec spec) {
    if (spec.corpus() instanceof ClusterRebalance) return;
    dedup(spec);
  }

  /** A dedup step that can run distributed. */
  static GroupedDedup dedup(StepSpec spec) {
    if (!(spec.corpus() instanceof GroupedDedup g)) {
      throw new IllegalArgumentException("step " + spec.id() + " (" + spec.type() + ") is a corpus step the Spark engine cannot run");
    }
    String why = g.distributedUnsupported();
    if (why != null) throw new IllegalArgumentException("step " + spec.id() + ": " + why);
    return g;
  }

  /** The diversity step, or null when the step is another one. */
  static ClusterRebalance rebalance(StepSpec spec) {
    return spec.corpus() instanceof ClusterRebalance r ? r : null;
  }

  /** What documents are signed and grouped by: a dedup step's payload, or the diversity step's clustering. */
  static GroupedDedup signatures(StepSpec spec) {
    ClusterRebalance r = rebalance(spec);
    return r != null ? r.clustering() : dedup(spec);
  }

  /** @param destRun the run directory, where the observe passes leave their stage files */
  static Result fit(JavaSparkContext sc, PipelineSource src, int stepIndex, JavaPairRDD<Integer, ShardState> state,
      Broadcast<HadoopConf> hadoop, String destRun) {
    ClusterRebalance r = rebalance(src.pipeline().steps().get(stepIndex));
    if (r != null && r.byDependency()) return DependencyStage.fit(sc, src, stepIndex, state, hadoop, destRun);
    JavaRDD<Observation> observations = state.values()
        .flatMap(s -> ShardWork.observe(src, stepIndex, s, destRun, hadoop.value().get()).iterator());
    if (r != null) return RebalanceStage.fit(sc, src, stepIndex, observations);
    DedupStage.Result d = DedupStage.fit(sc, src, stepIndex, observations);
    return new Result(d.byShard().mapValues(x -> (ShardDecisions) x), new ShardRemovals(), d.stats());
  }
}
