package io.winnow.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.engine.ResolvedStep;
import io.winnow.engine.RunFailedException;
import io.winnow.engine.RunLayout;
import io.winnow.engine.RunSummaries;
import io.winnow.io.InputFiles;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.StepSpec;
import io.winnow.report.RunStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Runs a pipeline file on Spark and leaves the run directory the local engine leaves: the same data files,
 * decision logs, shard statistics, completion markers and merged stats.json. Each input file is one partition;
 * document steps run inside it, built once per executor from the pipeline file; dedup steps run as Spark stages
 * ({@link CorpusStages}); the final pass is the local engine's own {@code ShardTask}, so a shard's files are the same
 * bytes whichever engine wrote them.
 */
public final class SparkEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final JavaSparkContext sc;
  private final PipelineSource source;
  private final Pipeline pipeline;
  private final String outputPath;
  private final boolean resume;
  private final boolean strict;
  private boolean forceHadoopInputs;

  public record Result(RunStats stats, String runDir, int shardsRun, int shardsSkipped) {}

  /**
   * @param pipelineName the file name, for messages
   * @param yaml the pipeline file's text (parsed again on each executor)
   * @param outputPath the run directory (a Hadoop path), or null for the file's output.path
   */
  public SparkEngine(JavaSparkContext sc, String pipelineName, String yaml, String outputPath, boolean resume, boolean strict) {
    this(sc, pipelineName, yaml, List.of(), outputPath, resume, strict);
  }

  /** @param overrides {@code --set KEY=VALUE} overrides of the pipeline file, applied on the driver and every executor */
  public SparkEngine(JavaSparkContext sc, String pipelineName, String yaml, List<String> overrides, String outputPath, boolean resume, boolean strict) {
    this.sc = sc;
    this.source = new PipelineSource(pipelineName, yaml, overrides);
    this.pipeline = source.pipeline();
    this.outputPath = outputPath != null ? outputPath : pipeline.output().path();
    if (this.outputPath == null) throw new RunFailedException("no output path: set output.path in the pipeline file or pass --out");
    if (pipeline.input().paths().contains(io.winnow.engine.StandardInput.PATH) || io.winnow.pipeline.OutputSpec.STDOUT.equals(this.outputPath)) {
      throw new RunFailedException("'-' (standard input or output) is read and written by `winnow run` only; on Spark name files or a run directory");
    }
    if (pipeline.run().selection().isLimited()) {
      // the local engine plans a limit by counting each file's first records before the run; Spark has no such pass
      throw new RunFailedException("run.limit (--limit) is for `winnow run`; on Spark take a seeded share with run.sample (--sample), "
          + "which selects the same records on both engines");
    }
    this.resume = resume;
    this.strict = strict;
    for (StepSpec spec : pipeline.steps()) if (spec.isCorpusStep()) CorpusStages.check(spec);
    if (pipeline.output().repartitions()) {
      throw new IllegalArgumentException("output.shards / output.target_file_bytes: the Spark engine writes one set of files per input "
          + "file; run locally, or leave them out");
    }
  }

  /**
   * Lists and reads local inputs through Hadoop's file system too (copies, "file:" URIs as sources), as for HDFS or
   * S3; tests use it to run the remote-input path without a cluster.
   */
  SparkEngine viaHadoopFileSystems() {
    this.forceHadoopInputs = true;
    return this;
  }

  public Result run() throws IOException {
    Configuration conf = sc.hadoopConfiguration();
    if (!sc.isLocal()) {
      ClusterPaths.refuseRelative(pipeline, outputPath, ClusterPaths.shippedNames(sc.getConf().get("spark.files", null)), sc.master());
    }
    List<ShardRef> shards = shards(conf);
    prepare(shards, conf);
    // one listing of the completion markers, one per shard directory for the cleaning: no metadata call per shard
    Set<String> markers = HadoopFiles.names(outputPath, "completions", conf);
    BitSet complete = new BitSet(shards.size());
    List<ShardRef> todo = new ArrayList<>();
    Set<String> redo = new HashSet<>();
    for (ShardRef s : shards) {
      String name = RunLayout.shardName(s.index());
      if (markers.contains(name)) {
        complete.set(s.index());
      } else {
        redo.add(name);
        todo.add(s);
      }
    }
    HadoopFiles.cleanShards(outputPath, redo, conf);
    LOG.info("winnow: {} input files, {} to run, {} already complete", shards.size(), todo.size(), shards.size() - todo.size());

    // corpus steps need every shard; on resume, a step whose fit finished reads its decisions from the run directory
    List<Tuple2<Integer, ShardState>> initial = new ArrayList<>();
    for (ShardRef s : shards) initial.add(new Tuple2<>(s.index(), new ShardState(s, Map.of())));
    JavaPairRDD<Integer, ShardState> state = sc.parallelizePairs(initial, Math.max(1, shards.size()));
    Map<String, Object> corpusStats = new LinkedHashMap<>();
    Broadcast<HadoopConf> hadoop = sc.broadcast(new HadoopConf(conf));
    PipelineSource src = source; // closures must not capture the engine
    int partitions = pipeline.steps().stream().anyMatch(StepSpec::isCorpusStep)
        ? pipeline.run().spark().partitionsFor(InputBytes.of(shards, conf), sc.defaultParallelism()) : 1;
    for (int i = 0; i < pipeline.steps().size(); i++) {
      StepSpec spec = pipeline.steps().get(i);
      if (!spec.isCorpusStep()) continue;
      int stepIndex = i;
      sc.setJobGroup("winnow-observe-" + spec.id(), "observe " + spec.id(), false);
      String destRun = outputPath;
      CorpusStages.Result fitted = CorpusStages.fit(sc, src, stepIndex, state, hadoop, destRun, partitions);
      String id = spec.id();
      ShardDecisions absent = fitted.whenAbsent();
      // the next pass reads the stage this observe pass left: the steps before the corpus step ran once
      state = state.leftOuterJoin(fitted.byShard())
          .mapValues(x -> x._1().with(id, stepIndex, x._2().orElse(absent)))
          .partitionBy(new org.apache.spark.HashPartitioner(Math.max(1, shards.size())))
          .persist(StorageLevel.MEMORY_AND_DISK());
      corpusStats.put(id, fitted.stats());
      LOG.info("winnow: corpus step {} fitted: {}", id, fitted.stats());
    }

    Broadcast<BitSet> skip = sc.broadcast(complete);
    LongAccumulator records = sc.sc().longAccumulator("winnow records");
    LongAccumulator kept = sc.sc().longAccumulator("winnow kept");
    LongAccumulator rejected = sc.sc().longAccumulator("winnow rejected");
    sc.setJobGroup("winnow-run", "final pass: " + todo.size() + " shards", false);
    String dest = outputPath;
    boolean failFast = strict;
    // a complete shard's statistics are read back by its task; all are merged on the executors (ShardStatsMerge)
    JavaPairRDD<Integer, String> shardStats = state.mapToPair(x -> {
      if (skip.value().get(x._1())) {
        String name = RunLayout.shardName(x._1());
        return new Tuple2<>(x._1(), new String(HadoopFiles.read(dest, "stats/" + name + ".json", hadoop.value().get()), StandardCharsets.UTF_8));
      }
      String json = ShardWork.run(src, x._2(), dest, failFast, hadoop.value().get());
      RunStats st = ShardStatsMerge.parse(json);
      records.add(st.records());
      kept.add(st.kept());
      rejected.add(st.rejected());
      return new Tuple2<>(x._1(), json);
    });
    RunStats total = ShardStatsMerge.merge(shardStats, shards.size(), ShardStatsMerge.FAN_IN);
    for (StepSpec spec : pipeline.steps()) {
      if (spec.isCorpusStep()) HadoopFiles.fs(outputPath, conf).delete(new org.apache.hadoop.fs.Path(outputPath, "corpus/" + spec.id() + "/stage"), true);
    }
    total.corpusSteps().putAll(corpusStats);
    List<ResolvedStep> documentSteps = new ArrayList<>();
    for (StepSpec spec : pipeline.steps()) if (!spec.isCorpusStep()) documentSteps.add(new ResolvedStep(spec.id(), spec.factory()));
    RunSummaries.summarize(total, documentSteps);
    HadoopFiles.write(outputPath, "stats.json", JSON.writeValueAsBytes(total.toJson(JSON)), conf);
    // the card describes the data files it can read; on a cluster's store they are not on the driver's disk
    if (HadoopFiles.isLocal(outputPath)) {
      io.winnow.engine.DatasetCard.write(new io.winnow.engine.RunLayout(HadoopFiles.localPath(outputPath)), pipeline, total);
    } else {
      LOG.info("winnow: {} is not on the driver's file system: no dataset card (README.md, dataset_info.json) written", outputPath);
    }
    LOG.info("winnow: done, {} records, {} kept, {} rejected", records.value(), kept.value(), rejected.value());
    return new Result(total, outputPath, todo.size(), shards.size() - todo.size());
  }

  /** Input files in the local engine's order; local paths are expanded by the same code, so sources match. */
  private List<ShardRef> shards(Configuration conf) throws IOException {
    List<String> patterns = pipeline.input().paths();
    List<String> files = new ArrayList<>();
    boolean remote = forceHadoopInputs || !patterns.stream().allMatch(HadoopFiles::isLocal);
    if (!remote) {
      List<String> plain = patterns.stream().map(p -> HadoopFiles.localPath(p).toString()).toList();
      for (Path p : InputFiles.expand(plain)) files.add(p.toString());
    } else {
      files.addAll(HadoopFiles.listInputs(patterns, conf));
    }
    List<ShardRef> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String uri = files.get(i);
      out.add(new ShardRef(i, uri, uri, formatOf(uri), remote));
    }
    return out;
  }

  private String formatOf(String file) {
    String configured = pipeline.input().format();
    if (!configured.equals("auto")) return configured;
    String name = file.substring(file.lastIndexOf('/') + 1);
    String f = InputFiles.formatOf(Path.of(name));
    if (f == null) throw new RunFailedException(file + ": cannot tell the input format from the file name; set input.format to jsonl, wet or warc");
    return f;
  }

  /** run.json as the local engine writes it; a resumed run must have the same pipeline and inputs. */
  private void prepare(List<ShardRef> shards, Configuration conf) throws IOException {
    String fingerprint = pipeline.fingerprint();
    if (HadoopFiles.exists(outputPath, "run.json", conf)) {
      if (!resume) throw new RunFailedException(outputPath + " already holds a run; pass --resume to finish it, or choose another output path");
      JsonNode previous = JSON.readTree(HadoopFiles.read(outputPath, "run.json", conf));
      if (!fingerprint.equals(previous.path("fingerprint").asText())) {
        throw new RunFailedException("cannot resume " + outputPath + ": its pipeline differs from this one");
      }
      List<String> before = new ArrayList<>();
      previous.path("inputs").forEach(n -> before.add(n.asText()));
      if (!before.equals(shards.stream().map(ShardRef::source).toList())) {
        throw new RunFailedException("cannot resume " + outputPath + ": its input files differ from this run's");
      }
      return;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("fingerprint", fingerprint);
    n.put("engine", "spark");
    ArrayNode in = n.putArray("inputs");
    shards.forEach(s -> in.add(s.source()));
    n.set("pipeline", JSON.valueToTree(pipeline.definition()));
    HadoopFiles.write(outputPath, "run.json", JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8), conf);
  }
}
