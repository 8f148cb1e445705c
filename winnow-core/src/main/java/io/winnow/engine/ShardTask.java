package io.winnow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.DocumentWriter;
import io.winnow.io.Formats;
import io.winnow.io.JsonlWriter;
import io.winnow.io.ReadResult;
import io.winnow.io.Rejection;
import io.winnow.log.DecisionLogWriter;
import io.winnow.log.Outcome;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
import io.winnow.step.DocumentRejectedException;
import io.winnow.step.StepRunner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes one input file end to end: read, run every step, write kept documents and the decision log, then
 * commit the shard (rename its files, write its statistics, and last its completion marker). The local engine
 * runs one per input file; the Spark engine runs the same task inside a partition, so both write the same files.
 */
public final class ShardTask {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final int shard;
  private final Path input;
  private final String format;
  private final Pipeline pipeline;
  private final List<ResolvedStep> steps;
  private final RunLayout layout;
  private final boolean strict;
  private final TokenCounter tokens;
  private final ProgressListener progress;
  private final String source;

  ShardTask(int shard, Path input, String format, Pipeline pipeline, List<ResolvedStep> steps, RunLayout layout,
      boolean strict, TokenCounter tokens, ProgressListener progress) {
    this(shard, input, input.toString(), format, pipeline, steps, layout, strict, tokens, progress);
  }

  /**
   * @param source how documents name their origin (provenance, decision log): the input's path as the user gave
   *     it, when {@code input} is a local copy of a remote file
   */
  public ShardTask(int shard, Path input, String source, String format, Pipeline pipeline, List<ResolvedStep> steps,
      RunLayout layout, boolean strict, TokenCounter tokens, ProgressListener progress) {
    this.source = source;
    this.shard = shard;
    this.input = input;
    this.format = format;
    this.pipeline = pipeline;
    this.steps = steps;
    this.layout = layout;
    this.strict = strict;
    this.tokens = tokens;
    this.progress = progress;
  }

  public RunStats run() throws IOException {
    RunStats stats = new RunStats();
    stats.recordShard();
    List<StepRunner> runners = new ArrayList<>();
    for (ResolvedStep s : steps) {
      runners.add(new StepRunner(s.id(), s.factory().get(), pipeline.run().stepTimeout()));
      stats.step(s.id());
    }
    var out = pipeline.output();
    String ext = out.compression().extension();
    Path logFile = layout.decisionLog(shard, ext);
    String idField = pipeline.input().idField();
    String textField = pipeline.input().textField();
    List<String> groupBy = pipeline.run().groupBy();
    List<Path> dataFiles;
    DocumentWriter writer = out.format().equals("jsonl")
        ? new JsonlWriter(layout.data(), RunLayout.shardName(shard), out.compression(), out.maxFileBytes(), idField, textField)
        : Formats.get(out.format()).openWriter(layout.data(), RunLayout.shardName(shard), out.compressionName(),
            out.maxFileBytes(), out.rowGroupBytes(), idField, textField);
    ExcludedWriter excluded = ExcludedWriter.open(out.excluded(), layout, shard, out.compression(), out.maxFileBytes(), idField, textField);
    try (DocumentReader reader = DocumentReaders.open(input, source, format, idField, textField,
             pipeline.run().readerLimits(), progress::bytes);
         OutputStream logStream = out.compression().compress(new BufferedOutputStream(
             AtomicFiles.create(AtomicFiles.tmp(logFile)), 1 << 16));
         DecisionLogWriter log = new DecisionLogWriter(logStream)) {
      List<Decision> trail = new ArrayList<>(runners.size());
      for (ReadResult r; (r = reader.next()) != null; ) {
        if (Thread.currentThread().isInterrupted()) throw new RunFailedException("shard " + shard + " interrupted: another shard failed");
        progress.records(1);
        if (r.rejection() != null) {
          reject(r.rejection(), stats, log);
          continue;
        }
        Document doc = r.document();
        long tokensIn = tokens == null ? -1 : tokens.count(doc.text());
        long bytesIn = doc.utf8Bytes();
        long wordsIn = doc.whitespaceWords();
        trail.clear();
        Outcome outcome = Outcome.KEPT;
        boolean modified = false;
        try {
          for (StepRunner runner : runners) {
            Decision d = runner.run(doc);
            trail.add(d);
            if (d.action() == Action.MODIFY) modified = true;
            if (d.action() == Action.DROP) {
              outcome = Outcome.DROPPED;
              break;
            }
          }
        } catch (RuntimeException | StackOverflowError e) {
          String step = runners.get(trail.size()).id();
          reject(e instanceof DocumentRejectedException bounded
              ? new Rejection(doc.id(), doc.provenance().location(), bounded.reason(), bounded.getMessage())
              : new Rejection(doc.id(), doc.provenance().location(), Rejection.Reason.STEP_FAILED,
                  "step " + step + " failed: " + e), stats, log);
          continue;
        }
        stats.recordDocument(bytesIn, wordsIn, tokensIn);
        if (outcome == Outcome.KEPT) {
          writer.write(doc);
          long tokensOut = tokens == null ? -1 : modified ? tokens.count(doc.text()) : tokensIn;
          stats.recordKept(doc.utf8Bytes(), doc.whitespaceWords(), tokensOut);
          if (!groupBy.isEmpty()) stats.groups().record(groupBy, doc, null, bytesIn, tokensIn, doc.utf8Bytes(), tokensOut);
        } else {
          stats.recordDropped();
          if (!groupBy.isEmpty()) stats.groups().record(groupBy, doc, trail.get(trail.size() - 1).step(), bytesIn, tokensIn, 0, 0);
          excluded.write(doc, trail.get(trail.size() - 1));
        }
        log.document(doc, outcome, trail);
      }
      dataFiles = new ArrayList<>(writer.commit());
      dataFiles.addAll(excluded.commit());
    } finally {
      writer.close();
      excluded.close();
      for (StepRunner runner : runners) runner.close();
    }
    for (StepRunner runner : runners) stats.step(runner.id()).merge(runner.stats());
    commit(logFile, dataFiles, stats);
    progress.shardDone(source);
    return stats;
  }

  private void reject(Rejection r, RunStats stats, DecisionLogWriter log) throws IOException {
    if (strict) throw new RunFailedException(r.message() + " (run without --strict to skip bad records)");
    stats.recordRejected(r.reason().code(), r.message());
    log.rejected(r);
  }

  /** Data files are already renamed; the log, the statistics and last the marker complete the shard. */
  private void commit(Path logFile, List<Path> dataFiles, RunStats stats) throws IOException {
    AtomicFiles.commit(AtomicFiles.tmp(logFile), logFile);
    AtomicFiles.write(layout.shardStats(shard), JSON.writeValueAsBytes(stats.toJson(JSON)));
    List<Path> files = new ArrayList<>(dataFiles);
    files.add(logFile);
    ShardMarker.write(layout, shard, source, files);
  }
}
