package io.winnow.engine;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.pipeline.Pipeline;
import io.winnow.step.CorpusStep;
import io.winnow.step.StepRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The observe phase of a corpus step on one input file: runs the steps before it (their decisions are not
 * logged here; the final pass logs them) and shows every surviving document to the step's observer. Rejected
 * records are skipped (the final pass rejects and logs them).
 */
final class ObserveTask {
  private final int shard;
  private final Path input;
  private final String format;
  private final Pipeline pipeline;
  private final List<ResolvedStep> before;
  private final CorpusStep step;
  private final Path stepDir;
  private final ProgressListener progress;

  ObserveTask(int shard, Path input, String format, Pipeline pipeline, List<ResolvedStep> before, CorpusStep step,
      Path stepDir, ProgressListener progress) {
    this.shard = shard;
    this.input = input;
    this.format = format;
    this.pipeline = pipeline;
    this.before = before;
    this.step = step;
    this.stepDir = stepDir;
    this.progress = progress;
  }

  static Path marker(Path stepDir, int shard) {
    return stepDir.resolve("observed").resolve(RunLayout.shardName(shard));
  }

  Void run() throws IOException {
    List<StepRunner> runners = new ArrayList<>();
    for (ResolvedStep s : before) runners.add(new StepRunner(s.id(), s.factory().get(), pipeline.run().stepTimeout()));
    try (DocumentReader reader = DocumentReaders.open(input, format, pipeline.input().idField(),
             pipeline.input().textField(), pipeline.run().readerLimits(), progress::bytes);
         CorpusStep.Observer observer = step.observer(stepDir, shard)) {
      for (ReadResult r; (r = reader.next()) != null; ) {
        if (Thread.currentThread().isInterrupted()) throw new RunFailedException("shard " + shard + " interrupted: another shard failed");
        progress.records(1);
        Document doc = r.document();
        if (doc == null) continue;
        if (survives(doc, runners)) observer.observe(doc);
      }
      observer.commit();
    } finally {
      for (StepRunner runner : runners) runner.close();
    }
    Files.createDirectories(marker(stepDir, shard).getParent());
    AtomicFiles.write(marker(stepDir, shard), (input + "\n").getBytes(StandardCharsets.UTF_8));
    progress.shardDone(input.toString());
    return null;
  }

  private static boolean survives(Document doc, List<StepRunner> runners) {
    try {
      for (StepRunner runner : runners) if (runner.run(doc).action() == Action.DROP) return false;
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      return false; // the final pass sets this document aside as step.failed, with the error
    }
  }
}
