package io.winnow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.DocumentWriter;
import io.winnow.io.Formats;
import io.winnow.io.JsonlWriter;
import io.winnow.io.Rejection;
import io.winnow.log.DecisionLogWriter;
import io.winnow.log.Outcome;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
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

  private final ShardInput in;
  private final Pipeline pipeline;
  private final List<ResolvedStep> steps;
  private final RunLayout layout;
  private final boolean strict;
  private final TokenCounter tokens;
  private final ProgressListener progress;

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
    this(ShardInput.of(shard, input, source, format), pipeline, steps, layout, strict, tokens, progress);
  }

  /**
   * The final pass over a shard read from {@code in}: from its input file, or from the stage file the last corpus
   * step's observe pass left (then only the steps from {@code in.stepsDone()} on run here).
   *
   * @param steps every step of the pipeline, corpus steps fitted
   */
  public ShardTask(ShardInput in, Pipeline pipeline, List<ResolvedStep> steps, RunLayout layout, boolean strict,
      TokenCounter tokens, ProgressListener progress) {
    this.in = in;
    this.pipeline = pipeline;
    this.steps = steps;
    this.layout = layout;
    this.strict = strict;
    this.tokens = tokens;
    this.progress = progress;
  }

  public RunStats run() throws IOException {
    int shard = in.shard();
    RunStats stats = new RunStats();
    stats.recordShard();
    for (ResolvedStep s : steps) stats.step(s.id());
    var out = pipeline.output();
    String ext = out.compression().extension();
    Path logFile = layout.decisionLog(shard, ext);
    String idField = pipeline.input().idField();
    String textField = pipeline.input().textField();
    List<String> groupBy = pipeline.run().groupBy();
    List<Path> dataFiles;
    Path dataDir = out.repartitions() ? layout.shardData() : layout.data();
    DocumentWriter writer = out.format().equals("jsonl")
        ? new JsonlWriter(dataDir, RunLayout.shardName(shard), out.outputCompression(), out.maxFileBytes(), idField, textField)
        : Formats.get(out.format()).openWriter(dataDir, RunLayout.shardName(shard), out.compressionName(),
            out.maxFileBytes(), out.rowGroupBytes(), idField, textField, in.file());
    ExcludedWriter excluded = ExcludedWriter.open(out.excluded(), layout, shard, out.outputCompression(), out.maxFileBytes(), idField, textField);
    RunStats carried;
    AnnotationFields fields = AnnotationFields.forInput(out, in.file());
    try (StepChain chain = new StepChain(steps, in.stepsDone(), steps.size(), pipeline, fields);
         ShardInput.RecordSource records = in.open(pipeline, tokens, progress::bytes);
         OutputStream logStream = out.outputCompression().compress(new BufferedOutputStream(
             AtomicFiles.create(AtomicFiles.tmp(logFile)), 1 << 16));
         DecisionLogWriter log = new DecisionLogWriter(logStream)) {
      for (StagedRecord r; (r = records.next()) != null; ) {
        if (Thread.currentThread().isInterrupted()) throw new RunFailedException("shard " + shard + " interrupted: another shard failed");
        progress.records(1);
        chain.run(r);
        switch (r.state) {
          case REJECTED -> reject(r.rejection, stats, log);
          case DROPPED -> {
            stats.recordDocument(r.bytesIn, r.wordsIn, r.tokensIn);
            stats.recordDropped();
            Decision last = r.trail.get(r.trail.size() - 1);
            if (!groupBy.isEmpty()) stats.groups().record(groupBy, r.doc, last.step(), r.bytesIn, r.tokensIn, 0, 0);
            fields.finish(r);
            excluded.write(r.doc, last);
            log.document(r.doc, Outcome.DROPPED, r.trail);
          }
          case LIVE -> {
            Document doc = r.doc;
            stats.recordDocument(r.bytesIn, r.wordsIn, r.tokensIn);
            long tokensOut = tokens == null ? -1 : r.modified ? tokens.count(doc.text()) : r.tokensIn;
            stats.recordKept(doc.utf8Bytes(), doc.whitespaceWords(), tokensOut);
            // groups by the fields as the steps named them, before they take their output names
            if (!groupBy.isEmpty()) stats.groups().record(groupBy, doc, null, r.bytesIn, r.tokensIn, doc.utf8Bytes(), tokensOut);
            fields.finish(r);
            writer.write(doc);
            log.document(doc, Outcome.KEPT, r.trail);
          }
        }
      }
      dataFiles = new ArrayList<>(writer.commit());
      dataFiles.addAll(excluded.commit());
      chain.addCountersTo(stats);
      carried = records.carried();
    } finally {
      writer.close();
      excluded.close();
    }
    carried.steps().forEach((id, s) -> stats.step(id).merge(s));
    carried.annotations().forEach(stats.annotations()::putIfAbsent);
    commit(logFile, dataFiles, stats);
    if (in.stage() != null) Files.deleteIfExists(in.stage()); // read once; the shard is complete
    progress.shardDone(in.source());
    return stats;
  }

  /** In a strict run, the first bad record ends the run. */
  static void refuseIfStrict(boolean strict, Rejection r) {
    if (strict) throw new RunFailedException(r.message() + " (run without --strict to skip bad records)");
  }

  private void reject(Rejection r, RunStats stats, DecisionLogWriter log) throws IOException {
    refuseIfStrict(strict, r);
    stats.recordRejected(r.reason().code(), r.message());
    log.rejected(r);
  }

  /** Data files are already renamed; the log, the statistics and last the marker complete the shard. */
  private void commit(Path logFile, List<Path> dataFiles, RunStats stats) throws IOException {
    AtomicFiles.commit(AtomicFiles.tmp(logFile), logFile);
    AtomicFiles.write(layout.shardStats(in.shard()), JSON.writeValueAsBytes(stats.toJson(JSON)));
    List<Path> files = new ArrayList<>(dataFiles);
    files.add(logFile);
    ShardMarker.write(layout, in.shard(), in.source(), files);
  }
}
