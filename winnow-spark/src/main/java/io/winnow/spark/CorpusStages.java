package io.winnow.spark;

import io.winnow.pipeline.StepSpec;
import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.GroupedDedup;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.RDDInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corpus steps the Spark engine runs as stages of its own, and which stage each one is: the dedup steps
 * ({@link DedupStage}), the {@code diversity} step's cluster cap and weight ({@link RebalanceStage}, the same
 * band keys and components as dedup) and its dependency cap ({@link DependencyStage}).
 */
final class CorpusStages {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusStages.class);
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

  /** What a fit works with: the step, the shuffles' partition count, the run directory and its file system. */
  record Context(JavaSparkContext sc, PipelineSource src, int stepIndex, int partitions, Broadcast<HadoopConf> hadoop, String destRun,
      FitStore store) {
    FileSystem fs() {
      return HadoopFiles.fs(destRun, sc.hadoopConfiguration());
    }

    /** Logs what Spark's storage status says an RDD takes in the cache, per document: the figure SPARK.md sizes with. */
    void logCached(String what, JavaPairRDD<?, ?> rdd, long documents) {
      for (RDDInfo info : sc.sc().getRDDStorageInfo()) {
        if (info.id() != rdd.id()) continue;
        long bytes = info.memSize() + info.diskSize();
        LOG.info("winnow: {} of {} cached: {} bytes in memory, {} on disk, {} bytes per document", what, src.pipeline().steps().get(stepIndex).id(),
            info.memSize(), info.diskSize(), documents == 0 ? 0 : bytes / documents);
      }
    }
  }

  /**
   * The decisions of a corpus step: those a finished fit with the same pipeline fingerprint left in the run
   * directory, or else fitted now and written there first ({@link FitStore}), so that a resumed run does not fit
   * the step again and the final pass reads the decisions from files.
   *
   * @param destRun the run directory, where the observe passes leave their stage files
   */
  static Result fit(JavaSparkContext sc, PipelineSource src, int stepIndex, JavaPairRDD<Integer, ShardState> state,
      Broadcast<HadoopConf> hadoop, String destRun, int partitions) throws IOException {
    StepSpec spec = src.pipeline().steps().get(stepIndex);
    FitStore store = new FitStore(destRun, spec.id());
    String fingerprint = src.pipeline().fingerprint();
    Result done = store.load(sc, fingerprint, hadoop, partitions);
    if (done != null) {
      LOG.info("winnow: corpus step {} was fitted by an earlier run: its decisions are read from {}/{}", spec.id(), destRun, store.dir());
      return done;
    }
    LOG.info("winnow: fitting corpus step {} with {} shuffle partitions (run.spark)", spec.id(), partitions);
    Configuration conf = sc.hadoopConfiguration();
    store.clear(conf);
    Context ctx = new Context(sc, src, stepIndex, partitions, hadoop, destRun, store);
    ClusterRebalance r = rebalance(spec);
    if (r != null && r.byDependency()) {
      DependencyStage.Fitted d = DependencyStage.fit(sc, src, stepIndex, state, hadoop, destRun);
      store.commit(conf, fingerprint, "dependency", d.forEveryShard(), d.stats());
    } else {
      JavaRDD<Observation> observations = state.values()
          .flatMap(s -> ShardWork.observe(src, stepIndex, s, destRun, hadoop.value().get()).iterator());
      // the components' rounds are checkpointed reliably, next to the fit's files
      sc.setCheckpointDir(store.checkpointDir());
      Map<String, Object> stats;
      try (ShuffleMeter shuffled = new ShuffleMeter(sc)) {
        stats = r != null ? RebalanceStage.fit(ctx, observations) : DedupStage.fit(ctx, observations);
        long documents = ((Number) stats.get("documents")).longValue();
        LOG.info("winnow: fitting {} shuffled {} bytes in {} records ({} bytes per document)", spec.id(), shuffled.bytes(), shuffled.records(),
            documents == 0 ? 0 : shuffled.bytes() / documents);
      }
      ShardDecisionsCodec<?> codec = r != null ? ShardRebalance.CODEC : ShardRemovals.CODEC;
      store.commit(conf, fingerprint, codec.kind(), codec.none(), stats);
      store.deleteCheckpoints(conf);
    }
    return store.load(sc, fingerprint, hadoop, partitions);
  }
}
