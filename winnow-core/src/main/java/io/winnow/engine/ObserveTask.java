package io.winnow.engine;

import io.winnow.io.AtomicFiles;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.TokenCounter;
import io.winnow.step.CorpusStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The observe phase of a corpus step on one shard: takes the shard's records through the steps between the
 * previous pass and the corpus step, shows every surviving document to the step's observer, and writes every
 * record, in input order and in the state it reached, to the shard's stage file, which the next pass reads
 * instead of the input. So each step runs once per document, however many corpus steps follow it.
 *
 * <p>The stage, then the observations, then the marker are committed; the stage this pass read is deleted last.
 */
final class ObserveTask {
  private final ShardInput in;
  private final Pipeline pipeline;
  private final List<ResolvedStep> before;
  private final CorpusStep step;
  private final Path stepDir;
  private final Path stageOut;
  private final TokenCounter tokens;
  private final boolean strict;
  private final ProgressListener progress;

  /**
   * @param before every step before the corpus step; those from {@code in.stepsDone()} on run here
   * @param stageOut where the records go for the next pass; null when the next pass reads the input again
   */
  ObserveTask(ShardInput in, Pipeline pipeline, List<ResolvedStep> before, CorpusStep step, Path stepDir, Path stageOut,
      TokenCounter tokens, boolean strict, ProgressListener progress) {
    this.in = in;
    this.pipeline = pipeline;
    this.before = before;
    this.step = step;
    this.stepDir = stepDir;
    this.stageOut = stageOut;
    this.tokens = tokens;
    this.strict = strict;
    this.progress = progress;
  }

  static Path marker(Path stepDir, int shard) {
    return stepDir.resolve("observed").resolve(RunLayout.shardName(shard));
  }

  Void run() throws IOException {
    int shard = in.shard();
    try (CorpusStep.Observer observer = step.observer(stepDir, shard)) {
      StagedPass.run(in, pipeline, before, stageOut, tokens, strict, progress, observer::observe);
      observer.commit();
    }
    Files.createDirectories(marker(stepDir, shard).getParent());
    AtomicFiles.write(marker(stepDir, shard), (in.source() + "\n").getBytes(StandardCharsets.UTF_8));
    if (in.stage() != null && stageOut != null) Files.deleteIfExists(in.stage()); // read once; the next pass reads the new stage
    progress.shardDone(in.source());
    return null;
  }
}
