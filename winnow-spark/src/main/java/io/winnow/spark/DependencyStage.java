package io.winnow.spark;

import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.DependencyCap;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The {@code diversity} step's dependency cap on Spark: the manifests (a small part of a code corpus: one record
 * per manifest document, its project and declared libraries) are observed in the shards' tasks and collected
 * on the driver, which decides with the local fit's own code ({@link DependencyCap}); the capped projects go to
 * every shard, since a project's files may be in any of them.
 */
final class DependencyStage {
  private DependencyStage() {}

  /** The fit's result: the same decisions for every shard, and the figures. */
  record Fitted(ShardDecisions forEveryShard, java.util.Map<String, Object> stats) {}

  static Fitted fit(JavaSparkContext sc, PipelineSource src, int stepIndex, JavaPairRDD<Integer, ShardState> state,
      Broadcast<HadoopConf> hadoop, String destRun) {
    List<DependencyCap.Manifest> manifests = state.values()
        .flatMap(s -> ShardWork.observeManifests(src, stepIndex, s, destRun, hadoop.value().get()).iterator())
        .collect();
    ClusterRebalance step = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex));
    DependencyCap.Result r = DependencyCap.decide(step.config().dependency(), manifests);
    return new Fitted(new DependencyDecisions(new ArrayList<>(r.capped())), r.stats());
  }

  /** The corpus-wide capped projects, the same for every shard. */
  static final class DependencyDecisions implements ShardDecisions {
    private static final long serialVersionUID = 1L;
    final ArrayList<DependencyCap.Capped> capped;

    DependencyDecisions(ArrayList<DependencyCap.Capped> capped) {
      this.capped = capped;
    }

    @Override
    public java.util.function.Supplier<io.winnow.step.Step> filter(io.winnow.pipeline.StepSpec spec) {
      return CorpusStages.rebalance(spec).dependencyFilter(capped);
    }
  }
}
