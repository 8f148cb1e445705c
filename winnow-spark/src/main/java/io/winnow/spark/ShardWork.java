package io.winnow.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.engine.ProgressListener;
import io.winnow.engine.ResolvedStep;
import io.winnow.engine.RunLayout;
import io.winnow.engine.ShardInput;
import io.winnow.engine.ShardTask;
import io.winnow.engine.StagedPass;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.StepSpec;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.DependencyCap;
import io.winnow.step.dedup.DocKey;
import io.winnow.step.dedup.GroupedDedup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a task does with one shard on an executor: observe it for a corpus step, or run the final pass. */
final class ShardWork {
  private static final Logger LOG = LoggerFactory.getLogger(ShardWork.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShardWork() {}

  /**
   * The steps before position {@code upTo} of the pipeline, for this shard: document steps from the pipeline file,
   * fitted corpus steps as filters over this shard's decisions.
   */
  static List<ResolvedStep> steps(Pipeline p, ShardState s, int upTo) {
    List<ResolvedStep> out = new ArrayList<>();
    for (int i = 0; i < upTo; i++) {
      StepSpec spec = p.steps().get(i);
      if (!spec.isCorpusStep()) {
        out.add(new ResolvedStep(spec.id(), spec.factory()));
        continue;
      }
      ShardDecisions d = s.corpus().get(spec.id());
      if (d == null) throw new IllegalStateException("corpus step " + spec.id() + " was not fitted before the steps after it");
      out.add(new ResolvedStep(spec.id(), d.filter(spec)));
    }
    return out;
  }

  /** Sees one surviving document and its position among the shard's surviving documents. */
  private interface Survivor {
    void accept(Document doc, long position);
  }

  /** The observations of one dedup step (or the diversity step's clustering) on one shard, after the steps before it. */
  static List<Observation> observe(PipelineSource src, int stepIndex, ShardState s, String destRun, Configuration conf) throws IOException {
    GroupedDedup g = CorpusStages.signatures(src.pipeline().steps().get(stepIndex));
    Function<Document, long[]> signer = g.newSigner();
    List<Observation> out = new ArrayList<>();
    forEachSurvivor(src, stepIndex, s, destRun, conf, (doc, position) ->
        out.add(new Observation(s.shard().index(), position, DocKey.of(doc), g.keeper().score(doc), doc.id(), signer.apply(doc))));
    return out;
  }

  /** The manifests among one shard's documents reaching the diversity step's dependency cap. */
  static List<DependencyCap.Manifest> observeManifests(PipelineSource src, int stepIndex, ShardState s, String destRun,
      Configuration conf) throws IOException {
    ClusterRebalance.ManifestFunction manifests = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex)).manifests();
    List<DependencyCap.Manifest> out = new ArrayList<>();
    forEachSurvivor(src, stepIndex, s, destRun, conf, (doc, position) -> {
      DependencyCap.Manifest m = manifests.apply(doc, s.shard().index(), position);
      if (m != null) out.add(m);
    });
    return out;
  }

  /** The stage file, relative to the run directory, that the observe pass of a step writes for a shard. */
  static String stageOf(String stepId, int shard) {
    Path root = Path.of("/");
    return root.relativize(new RunLayout(root).stage(stepId, shard)).toString();
  }

  /**
   * Reads the shard (its input, or the stage the previous observe pass left), runs the steps up to the corpus step
   * once, as the local engine's observe pass does, and leaves this pass's stage in the run directory for the next
   * (none when it runs no step: see {@link ShardState#stagesAt}).
   */
  private static void forEachSurvivor(PipelineSource src, int stepIndex, ShardState s, String destRun, Configuration conf,
      Survivor survivor) throws IOException {
    Pipeline p = src.pipeline();
    Path tmp = Files.createTempDirectory("winnow-observe");
    try {
      ShardInput in = localInput(s, destRun, tmp, conf);
      Path stage = s.stagesAt(stepIndex) ? tmp.resolve("stage-out.zst") : null;
      long[] position = {0};
      StagedPass.run(in, p, steps(p, s, stepIndex), stage, TokenCounter.forName(p.run().tokenizer()), false,
          ProgressListener.NONE, doc -> survivor.accept(doc, position[0]++));
      if (stage != null) HadoopFiles.upload(HadoopFiles.fs(destRun, conf), stage, destRun, stageOf(p.steps().get(stepIndex).id(), s.shard().index()));
    } finally {
      deleteTree(tmp);
    }
  }

  /** Where a task reads the shard: a local copy of its stage when the last observe pass left one, else its input. */
  private static ShardInput localInput(ShardState s, String destRun, Path tmp, Configuration conf) throws IOException {
    ShardInput input = ShardInput.of(s.shard().index(), HadoopFiles.localInput(s.shard(), tmp, conf), s.shard().source(), s.shard().format());
    if (s.stage() == null || !HadoopFiles.exists(destRun, s.stage(), conf)) return input; // e.g. a resumed run: read the input again
    Path local = tmp.resolve("stage-in.zst");
    HadoopFiles.fs(destRun, conf).copyToLocalFile(false, new org.apache.hadoop.fs.Path(destRun, s.stage()),
        new org.apache.hadoop.fs.Path(local.toUri()), true);
    return input.fromStage(local, s.stepsDone());
  }

  /** The final pass over one shard, written to the run directory; returns the shard's statistics as JSON. */
  static String run(PipelineSource src, ShardState s, String destRun, boolean strict, Configuration conf) throws IOException {
    Pipeline p = src.pipeline();
    Path tmp = Files.createTempDirectory("winnow-shard");
    try {
      ShardInput input = localInput(s, destRun, tmp, conf);
      RunLayout local = new RunLayout(tmp.resolve("run"));
      for (Path d : List.of(local.data(), local.decisions(), local.stats(), local.completions())) Files.createDirectories(d);
      TokenCounter tokens = TokenCounter.forName(p.run().tokenizer());
      RunStats stats = new ShardTask(input, p, steps(p, s, p.steps().size()), local, strict, tokens, ProgressListener.NONE).run();
      HadoopFiles.uploadShard(local.root(), destRun, RunLayout.shardName(s.shard().index()), conf);
      LOG.info("winnow: shard {} ({}) done: {} records, {} kept", s.shard().index(), s.shard().source(), stats.records(), stats.kept());
      return JSON.writeValueAsString(stats.toJson(JSON));
    } finally {
      deleteTree(tmp);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
