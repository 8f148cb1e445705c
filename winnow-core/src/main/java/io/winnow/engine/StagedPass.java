package io.winnow.engine;

import io.winnow.doc.Document;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The work of an observe pass over one shard, for any engine: takes the shard's records through the steps between
 * the previous pass and a corpus step, shows every surviving document, in order, to {@code survivor}, and writes
 * every record, in the state it reached, to a stage file that the next pass reads instead of the input (see
 * {@link StageFile}). The local engine's {@link ObserveTask} runs it per shard; the Spark engine inside a task.
 */
public final class StagedPass {
  /** Sees one document that reached the corpus step. */
  public interface Survivor {
    void accept(Document doc) throws IOException;
  }

  private StagedPass() {}

  /**
   * Whether the observe pass of a corpus step at position {@code corpusStep} of the pipeline runs any step on
   * records that have been through {@code stepsDone}; one that runs none leaves no stage file, as it would be a
   * copy of what it read: the next pass reads that again.
   */
  public static boolean runsSteps(int corpusStep, int stepsDone) {
    return corpusStep > stepsDone;
  }

  /** The final pass writes dropped documents to excluded/ or counts them per group: their text and fields must reach it. */
  static boolean keepsDroppedDocuments(Pipeline pipeline) {
    return pipeline.output().excluded() || !pipeline.run().groupBy().isEmpty();
  }

  /**
   * @param before every step before the corpus step; those from {@code in.stepsDone()} on run here
   * @param stageOut where the records go for the next pass; null to write none (the next pass reads the input)
   * @param tokens counts the tokens of documents as read, for the final statistics (null for none)
   * @param strict a rejected record ends the run here rather than in the final pass
   */
  public static void run(ShardInput in, Pipeline pipeline, List<ResolvedStep> before, Path stageOut, TokenCounter tokens,
      boolean strict, ProgressListener progress, Survivor survivor) throws IOException {
    try (StepChain chain = new StepChain(before, in.stepsDone(), before.size(), pipeline,
        AnnotationFields.forInput(pipeline.output(), in.file()));
         // without a stage, the counts of the records as read would go nowhere: the next pass reads them again
         ShardInput.RecordSource records = in.open(pipeline, stageOut == null ? null : tokens, progress::bytes);
         StageFile.Writer stage = stageOut == null ? null : new StageFile.Writer(stageOut, keepsDroppedDocuments(pipeline))) {
      for (StagedRecord r; (r = records.next()) != null; ) {
        if (Thread.currentThread().isInterrupted()) throw new RunFailedException("shard " + in.shard() + " interrupted: another shard failed");
        progress.records(1);
        chain.run(r);
        if (r.state == StagedRecord.State.REJECTED) ShardTask.refuseIfStrict(strict, r.rejection);
        if (r.state == StagedRecord.State.LIVE) survivor.accept(r.doc);
        if (stage != null) stage.write(r);
      }
      if (stage != null) {
        RunStats counters = new RunStats();
        records.carried().steps().forEach((id, s) -> counters.step(id).merge(s));
        chain.addCountersTo(counters);
        stage.commit(counters);
      }
    }
  }
}
