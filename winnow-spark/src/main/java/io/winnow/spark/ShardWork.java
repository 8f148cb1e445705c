package io.winnow.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.engine.ProgressListener;
import io.winnow.engine.ResolvedStep;
import io.winnow.engine.RunLayout;
import io.winnow.engine.ShardTask;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.StepSpec;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
import io.winnow.step.StepRunner;
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
  static List<Observation> observe(PipelineSource src, int stepIndex, ShardState s, Configuration conf) throws IOException {
    GroupedDedup g = CorpusStages.signatures(src.pipeline().steps().get(stepIndex));
    Function<Document, long[]> signer = g.newSigner();
    List<Observation> out = new ArrayList<>();
    forEachSurvivor(src, stepIndex, s, conf, (doc, position) ->
        out.add(new Observation(s.shard().index(), position, DocKey.of(doc), g.keeper().score(doc), doc.id(), signer.apply(doc))));
    return out;
  }

  /** The manifests among one shard's documents reaching the diversity step's dependency cap. */
  static List<DependencyCap.Manifest> observeManifests(PipelineSource src, int stepIndex, ShardState s, Configuration conf) throws IOException {
    ClusterRebalance.ManifestFunction manifests = CorpusStages.rebalance(src.pipeline().steps().get(stepIndex)).manifests();
    List<DependencyCap.Manifest> out = new ArrayList<>();
    forEachSurvivor(src, stepIndex, s, conf, (doc, position) -> {
      DependencyCap.Manifest m = manifests.apply(doc, s.shard().index(), position);
      if (m != null) out.add(m);
    });
    return out;
  }

  /** Reads the shard and runs the steps before the corpus step, as the local engine's observe pass does. */
  private static void forEachSurvivor(PipelineSource src, int stepIndex, ShardState s, Configuration conf, Survivor survivor)
      throws IOException {
    Pipeline p = src.pipeline();
    List<StepRunner> before = new ArrayList<>();
    for (ResolvedStep r : steps(p, s, stepIndex)) before.add(new StepRunner(r.id(), r.factory().get(), p.run().stepTimeout()));
    Path tmp = Files.createTempDirectory("winnow-observe");
    try (DocumentReader reader = DocumentReaders.open(HadoopFiles.localInput(s.shard(), tmp, conf), s.shard().source(),
        s.shard().format(), p.input().idField(), p.input().textField(), p.run().readerLimits(), b -> {})) {
      long position = 0;
      for (ReadResult r; (r = reader.next()) != null; ) {
        Document doc = r.document();
        if (doc == null || !survives(doc, before)) continue;
        survivor.accept(doc, position++);
      }
    } finally {
      for (StepRunner r : before) r.close();
      deleteTree(tmp);
    }
  }

  /** As the local engine's observe pass: a document a step fails on is not observed (the final pass rejects it). */
  private static boolean survives(Document doc, List<StepRunner> runners) {
    try {
      for (StepRunner runner : runners) if (runner.run(doc).action() == Action.DROP) return false;
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  /** The final pass over one shard, written to the run directory; returns the shard's statistics as JSON. */
  static String run(PipelineSource src, ShardState s, String destRun, boolean strict, Configuration conf) throws IOException {
    Pipeline p = src.pipeline();
    Path tmp = Files.createTempDirectory("winnow-shard");
    try {
      Path input = HadoopFiles.localInput(s.shard(), tmp, conf);
      RunLayout local = new RunLayout(tmp.resolve("run"));
      for (Path d : List.of(local.data(), local.decisions(), local.stats(), local.completions())) Files.createDirectories(d);
      TokenCounter tokens = TokenCounter.forName(p.run().tokenizer());
      RunStats stats = new ShardTask(s.shard().index(), input, s.shard().source(), s.shard().format(), p,
          steps(p, s, p.steps().size()), local, strict, tokens, ProgressListener.NONE).run();
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
