package io.winnow.engine;

import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.InputSplit;
import io.winnow.io.JsonlReader;
import io.winnow.io.ReadResult;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Where one pass reads a shard's records: the input file, or the stage file an earlier pass over the same
 * shard left, whose records have already been through the first {@code stepsDone} steps of the pipeline.
 *
 * @param file the input file (a local copy when the input is remote)
 * @param source how documents name their origin: the input's path as the user gave it
 * @param split the byte range of the file this shard reads, or null for the whole file
 * @param stage the stage file to read instead of the input, or null
 */
public record ShardInput(int shard, Path file, String source, String format, InputSplit split, Path stage, int stepsDone) {
  public static ShardInput of(int shard, Path file, String source, String format) {
    return new ShardInput(shard, file, source, format, null, null, 0);
  }

  /** The shard reading one split of a JSON Lines file. */
  public static ShardInput of(int shard, Path file, String source, String format, InputSplit split) {
    return new ShardInput(shard, file, source, format, split == null || split.whole() ? null : split, null, 0);
  }

  /** The same shard, read from a stage file whose records have been through {@code stepsDone} steps. */
  public ShardInput fromStage(Path stageFile, int steps) {
    return new ShardInput(shard, file, source, format, split, stageFile, steps);
  }

  /** The input file, or the byte range of it, for messages. */
  public String describe() {
    return split == null ? source : split.describe(Path.of(source));
  }

  /**
   * This input, or, when its stage file is gone (the shard completed once and is being redone, say), the input
   * file read from the first step: the fitted corpus steps judge documents by their identity, so the decisions
   * are the same, only the steps before run again for this shard.
   */
  public ShardInput available() {
    if (stage == null || Files.exists(stage)) return this;
    return of(shard, file, source, format, split);
  }

  /** Bytes the pass will read, for progress. */
  long bytes() throws IOException {
    if (stage != null) return Files.size(stage);
    return split == null ? InputFiles.bytes(file) : split.end() - split.start();
  }

  /** Opens the records; {@code tokens} counts the tokens of documents as read (null for none). */
  RecordSource open(Pipeline p, TokenCounter tokens, LongConsumer onRawBytes) throws IOException {
    if (stage != null) return new StagedSource(new StageFile.Reader(stage, onRawBytes));
    if (split != null) {
      return new InputSource(new JsonlReader(source, split.open(file, onRawBytes), p.input().idField(), p.input().textField(),
          p.run().readerLimits(), split.firstLine(), true), tokens);
    }
    DocumentReader reader = DocumentReaders.open(file, source, format, p.input().idField(), p.input().textField(),
        p.run().readerLimits(), onRawBytes);
    return new InputSource(reader, tokens);
  }

  /** A shard's records in input order, each as far as the earlier passes took it. */
  interface RecordSource extends java.io.Closeable {
    /** The next record, or null at the end. */
    StagedRecord next() throws IOException;

    /** Counters of the steps earlier passes ran (empty for the input); complete once next() returned null. */
    RunStats carried();
  }

  private static final class InputSource implements RecordSource {
    private final DocumentReader reader;
    private final TokenCounter tokens;

    InputSource(DocumentReader reader, TokenCounter tokens) {
      this.reader = reader;
      this.tokens = tokens;
    }

    @Override
    public StagedRecord next() {
      ReadResult r = reader.next();
      if (r == null) return null;
      if (r.rejection() != null) return StagedRecord.rejected(r.rejection());
      return StagedRecord.read(r.document(), tokens == null ? -1 : tokens.count(r.document().text()));
    }

    @Override
    public RunStats carried() {
      return new RunStats();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class StagedSource implements RecordSource {
    private final StageFile.Reader reader;

    StagedSource(StageFile.Reader reader) {
      this.reader = reader;
    }

    @Override
    public StagedRecord next() throws IOException {
      return reader.next();
    }

    @Override
    public RunStats carried() {
      RunStats s = reader.stepCounters();
      if (s == null) throw new IllegalStateException("stage counters asked for before the end of the stage");
      return s;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
