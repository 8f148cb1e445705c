package io.winnow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.AtomicFiles;
import io.winnow.io.Formats;
import io.winnow.io.chat.ConversationFormat;
import io.winnow.io.InputFiles;
import io.winnow.io.InputSplit;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.StepSpec;
import io.winnow.report.RunStats;
import io.winnow.report.TokenCounter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline on this machine: one task per input file, {@code workers} at a time, each streaming its file
 * through the steps with one document in flight, so memory is bounded by the worker count and the document
 * size limit, not by the corpus. Output names derive from the input's position in the sorted input list, so
 * the output is the same whatever the number of workers.
 *
 * <p>Each finished shard leaves a completion marker; {@code resume} skips shards that have one and redoes the
 * others from scratch, after removing what a crash left of them.
 */
public final class LocalEngine {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);
  /** Deep regexes on pathological tokens need more than the default thread stack. */
  private static final long WORKER_STACK_BYTES = 64L << 20;

  private final Pipeline pipeline;
  /** Where the run is, as the user named it (a remote URI for a mirrored run). */
  private final String output;
  /** The local copies of a run over remote storage, or null for a local run. */
  private final RemoteRun remote;
  private final boolean resume;
  private final boolean strict;
  private final ProgressListener progress;

  public LocalEngine(Pipeline pipeline, boolean resume, boolean strict, ProgressListener progress) {
    if (pipeline.output().path() == null) throw new RunFailedException("no output path: set output.path in the pipeline file or pass --out");
    if (pipeline.output().path().equals(io.winnow.pipeline.OutputSpec.STDOUT)) {
      throw new RunFailedException("output '-' (standard output) is written by the `winnow run` command; give the engine a run folder");
    }
    pipeline = pipeline.withOutputPath(OutputPlacement.localPath(pipeline.output().path()));
    try {
      this.remote = RemoteRun.open(pipeline, resume);
    } catch (IOException e) {
      throw new RunFailedException(e.getMessage(), e);
    }
    this.output = remote == null ? pipeline.output().path() : remote.output(pipeline);
    this.pipeline = planned(remote == null ? pipeline : remote.localPipeline());
    this.resume = resume;
    this.strict = strict;
    this.progress = progress == null ? ProgressListener.NONE : progress;
  }

  /** A run.limit is spread over the input files before any shard starts (RecordBudgets). */
  private static Pipeline planned(Pipeline p) {
    if (p.input().paths().contains(StandardInput.PATH)) return p; // refused in run(), with its reason
    try {
      return io.winnow.pipeline.RecordBudgets.plan(p);
    } catch (IOException e) {
      throw new RunFailedException("run.limit: cannot count the first records of the input: " + e.getMessage(), e);
    }
  }

  /**
   * The result: merged statistics, and how many shards ran now versus were already complete.
   *
   * @param runDir the run directory on this machine (the working copy, for a remote output)
   * @param output where the run is, as the user named it (a local path or a remote URI)
   */
  public record Result(RunStats stats, Path runDir, int shardsRun, int shardsSkipped, String output) {}

  public Result run() throws IOException {
    RunLayout layout = new RunLayout(Path.of(pipeline.output().path()));
    boolean fromStdin = StandardInput.named(pipeline, resume);
    stdin = fromStdin ? StandardInput.spool(System.in, pipeline.input().format()) : null;
    try {
      List<Path> inputs = fromStdin ? List.of(stdin) : InputFiles.expand(pipeline.input().paths(), pipeline.input().readsFolders());
      OutputPlacement.check(layout.root(), pipeline.input().paths(), inputs);
      List<String> formats = new ArrayList<>();
      for (Path p : inputs) formats.add(formatOf(p));
      refuseForeignDirectory(layout);
      try (RunLock lock = RunLock.acquire(layout.root())) {
        if (lock.staleHolder() != null) {
          LOG.warn("{}: taking over the lock left by a run that did not finish ({})", layout.root(), lock.staleHolder());
        }
        return run(layout, inputs, formats);
      }
    } finally {
      if (stdin != null) StandardInput.delete(stdin);
    }
  }

  /** The copy of standard input this run reads (input '-'), or null. */
  private Path stdin;

  private Result run(RunLayout layout, List<Path> inputs, List<String> formats) throws IOException {
    prepare(layout, inputs);
    RunMirror mirror = remote == null ? null : remote.mirror();
    if (mirror != null) mirror.push(layout.runJson());
    warnIfHeapIsSmall();

    TokenCounter tokens = TokenCounter.forName(pipeline.run().tokenizer());
    List<ShardInput> sources = shards(inputs, formats);
    int shards = sources.size();
    boolean staged = stageable(sources);
    List<ResolvedStep> steps = new ArrayList<>();
    Map<String, Object> corpusStats = new LinkedHashMap<>();
    int stagedThrough = 0; // the steps the records the next pass reads have been through
    for (StepSpec spec : pipeline.steps()) {
      if (!spec.isCorpusStep()) {
        steps.add(new ResolvedStep(spec.id(), spec.factory()));
        continue;
      }
      // a pass that runs no step (a corpus step first in the pipeline) would stage a copy of what it read
      boolean stages = staged && StagedPass.runsSteps(steps.size(), stagedThrough);
      Path dir = layout.corpusStep(spec.id());
      Path fitted = dir.resolve("fitted");
      if (!Files.exists(fitted)) {
        Files.createDirectories(dir);
        observe(spec, dir, List.copyOf(steps), sources, stages ? layout : null, tokens);
        spec.corpus().fit(dir, shards);
        AtomicFiles.write(fitted, new byte[0]);
        if (mirror != null) mirror.pushFolder(dir, fitted);
      }
      // the next pass reads what this observe pass left: the steps so far have run on every record
      if (stages) {
        stagedThrough = steps.size();
        for (int i = 0; i < sources.size(); i++) sources.set(i, sources.get(i).fromStage(layout.stage(spec.id(), i), stagedThrough));
      }
      steps.add(new ResolvedStep(spec.id(), spec.corpus().load(dir)));
      corpusStats.put(spec.id(), spec.corpus().fitStats(dir));
    }

    boolean repartition = pipeline.output().repartitions();
    Path replaced = repartition ? replacedShardData(layout, shards) : null;
    if (repartition && replaced == null) OutputRepartition.clean(layout, pipeline.output());
    List<Integer> todo = new ArrayList<>();
    RunStats[] perShard = new RunStats[shards];
    long totalBytes = 0;
    for (int i = 0; i < shards; i++) {
      String problem = ShardMarker.problem(layout, i, replaced);
      if (problem == null) {
        perShard[i] = RunStats.fromJson(JSON.readTree(layout.shardStats(i).toFile()));
      } else {
        if (Files.exists(layout.marker(i))) LOG.warn("shard {} ({}) is redone: {}", i, sources.get(i).describe(), problem);
        Files.deleteIfExists(layout.marker(i));
        cleanShard(layout, i);
        todo.add(i);
        sources.set(i, sources.get(i).available());
        totalBytes += sources.get(i).bytes();
      }
    }
    progress.start("run", totalBytes, shards, shards - todo.size());
    List<Callable<RunStats>> tasks = new ArrayList<>();
    for (int i : todo) {
      ShardTask task = new ShardTask(sources.get(i), pipeline, steps, layout, strict, tokens, progress);
      // a remote run keeps each completed shard, so that an interrupted run resumes from there
      tasks.add(mirror == null ? task::run : () -> {
        RunStats s = task.run();
        mirror.pushShard(i);
        return s;
      });
    }
    List<RunStats> done = runAll(tasks);
    for (int k = 0; k < todo.size(); k++) perShard[todo.get(k)] = done.get(k);
    RunStats total = new RunStats();
    for (RunStats s : perShard) total.merge(s);
    total.corpusSteps().putAll(corpusStats);
    RunSummaries.summarize(total, steps);
    if (repartition && replaced == null) repartition(layout, perShard, total);
    AtomicFiles.write(layout.statsJson(), JSON.writeValueAsBytes(total.toJson(JSON)));
    DatasetCard.write(layout, pipeline, total);
    if (mirror != null) mirror.sync();
    if (remote != null) remote.finished();
    RejectionGuard.check(pipeline.run().maxRejectedShare(), sources.stream().map(ShardInput::describe).toList(), perShard, total);
    return new Result(total, layout.root(), todo.size(), shards - todo.size(), output);
  }

  /**
   * With a complete re-partitioned output, the shards' own data files are gone: the directory they were in, so
   * that shard checks leave them out. Null when the output must be written (again): when it is not complete, or
   * when a shard must be redone (then every shard is, as the documents of the others are gone too).
   */
  private static Path replacedShardData(RunLayout layout, int shards) throws IOException {
    if (!OutputRepartition.complete(layout)) return null;
    for (int i = 0; i < shards; i++) {
      String problem = ShardMarker.problem(layout, i, layout.shardData());
      if (problem != null) {
        LOG.warn("shard {} must be redone ({}), so every shard is, for the re-partitioned output", i, problem);
        return null;
      }
    }
    return layout.shardData();
  }

  /** Writes the kept documents of all shards as output.shards files (see {@link OutputRepartition}). */
  private void repartition(RunLayout layout, RunStats[] perShard, RunStats total) throws IOException {
    long[] kept = new long[perShard.length];
    for (int i = 0; i < kept.length; i++) kept[i] = perShard[i].kept();
    OutputRepartition r = new OutputRepartition(layout, pipeline.output(), kept, total.bytesOut());
    progress.start("output", 0, r.parts(), 0);
    r.commit(runAll(r.tasks()));
  }

  /**
   * The shards of the run, numbered in input order: one per input file, or, for an uncompressed JSON Lines file
   * larger than {@code input.split_bytes}, one per split of it (see {@link InputSplit}), so the shards and their
   * output names depend on the input and the configuration only, never on the number of workers.
   */
  private List<ShardInput> shards(List<Path> inputs, List<String> formats) throws IOException {
    List<ShardInput> out = new ArrayList<>();
    long splitBytes = pipeline.input().splitBytes();
    for (int i = 0; i < inputs.size(); i++) {
      Path file = inputs.get(i);
      // --limit/--sample budgets count a file's records from its start: such trial runs read files whole
      boolean splittable = !file.equals(stdin) && formats.get(i).equals("jsonl") && Files.isRegularFile(file) && splitBytes > 0 && Files.size(file) > splitBytes
          && pipeline.run().selection().readsAll();
      List<InputSplit> splits = splittable ? InputSplit.plan(file, splitBytes) : List.of();
      if (splits.size() > 1) LOG.info("{}: read as {} shards of about {} bytes (input.split_bytes)", file, splits.size(), splitBytes);
      String source = file.equals(stdin) ? StandardInput.SOURCE : remote == null ? file.toString() : remote.sourceOf(file);
      if (splits.size() <= 1) out.add(ShardInput.of(out.size(), file, source, formats.get(i)));
      else for (InputSplit s : splits) out.add(ShardInput.of(out.size(), file, source, formats.get(i), s));
    }
    return out;
  }

  /**
   * Whether the observe passes can hand their documents to the next pass in stage files. Not when documents carry
   * state only their reader's container can write back (conversations read from Parquet): then each pass reads
   * the input again and runs the steps before it again, as the decisions are the same either way.
   */
  private static boolean stageable(List<ShardInput> shards) {
    for (ShardInput s : shards) {
      if (Formats.get(s.format()) instanceof ConversationFormat c && c.readsThroughContainer(s.file())) return false;
    }
    return true;
  }

  /**
   * The observe phase of a corpus step over every shard that has not been observed yet.
   *
   * @param layout where the stage files go, or null to write none (see {@link #stageable})
   */
  private void observe(StepSpec spec, Path dir, List<ResolvedStep> before, List<ShardInput> sources, RunLayout layout,
      TokenCounter tokens) throws IOException {
    List<Callable<Void>> tasks = new ArrayList<>();
    long bytes = 0;
    for (ShardInput s : sources) {
      if (Files.exists(ObserveTask.marker(dir, s.shard()))) continue;
      ShardInput in = s.available();
      bytes += in.bytes();
      tasks.add(new ObserveTask(in, pipeline, before, spec.corpus(), dir, layout == null ? null : layout.stage(spec.id(), in.shard()),
          tokens, strict, progress)::run);
    }
    progress.start("observe " + spec.id(), bytes, sources.size(), sources.size() - tasks.size());
    runAll(tasks);
  }

  /** Runs tasks on the worker pool, in order of submission; the first failure stops the others. */
  private <T> List<T> runAll(List<Callable<T>> tasks) throws IOException {
    List<T> results = new ArrayList<>();
    if (tasks.isEmpty()) return results;
    int workers = Math.max(1, Math.min(pipeline.run().workers(), tasks.size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers, workerThreads());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) futures.add(pool.submit(t));
      for (Future<T> f : futures) results.add(await(f, pool));
    } finally {
      pool.shutdownNow();
      awaitWorkers(pool);
      progress.finish();
    }
    return results;
  }

  private String formatOf(Path p) {
    try {
      return InputFiles.resolveFormat(p, pipeline.input().format());
    } catch (IOException e) {
      throw new RunFailedException(e.getMessage());
    }
  }

  private static <T> T await(Future<T> f, ExecutorService pool) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      throw new RunFailedException("interrupted", e);
    } catch (ExecutionException e) {
      pool.shutdownNow();
      Throwable c = e.getCause();
      if (c instanceof RunFailedException r) throw r;
      if (c instanceof IOException io) throw io;
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new RunFailedException(c.toString(), c);
    }
  }

  /** Peak heap per input byte in flight: the text, its tokens and the heaviest rule's working set (measured). */
  static final int HEAP_BYTES_PER_DOCUMENT_BYTE = 24;

  /**
   * A document too large for the heap is rejected ({@code input.too_large_for_memory}), not fatal; still, a
   * limit the heap cannot hold for every worker at once deserves a word before the run, not after.
   */
  private void warnIfHeapIsSmall() {
    int workers = Math.max(1, pipeline.run().workers());
    long needed = (long) workers * HEAP_BYTES_PER_DOCUMENT_BYTE * pipeline.run().maxDocumentBytes();
    long heap = Runtime.getRuntime().maxMemory();
    if (heap < needed) {
      LOG.warn("{} workers with run.max_document_bytes {} may need up to {} MB of heap for their largest documents; this JVM has {} MB. "
          + "Documents that do not fit are rejected as input.too_large_for_memory: lower max_document_bytes or raise -Xmx",
          workers, pipeline.run().maxDocumentBytes(), needed >> 20, heap >> 20);
    }
  }

  /** A non-empty directory without run.json is someone else's: refused before anything is written into it. */
  private static void refuseForeignDirectory(RunLayout layout) throws IOException {
    if (Files.isDirectory(layout.root()) && !Files.exists(layout.runJson()) && !holdsOnly(layout.root(), RunLock.FILE_NAME)) {
      throw new RunFailedException(layout.root() + " exists and is not a Winnow run; choose another output path");
    }
  }

  /** Creates the run directory, or checks that a resumed run is the same run on the same inputs. */
  private void prepare(RunLayout layout, List<Path> inputs) throws IOException {
    Path runJson = layout.runJson();
    RunRecord record = remote == null ? RunRecord.of(pipeline, inputs) : RunRecord.of(pipeline, inputs, remote::sourceOf);
    if (Files.exists(runJson)) {
      if (!resume) {
        throw new RunFailedException(layout.root() + " already holds a run; pass --resume to finish it, or choose another output path");
      }
      com.fasterxml.jackson.databind.JsonNode previous = JSON.readTree(runJson.toFile());
      String difference = record.differenceFrom(previous);
      if (difference != null) {
        throw new RunFailedException("cannot resume " + layout.root() + ": " + difference
            + io.winnow.pipeline.PipelineDiff.describe(previous.path("pipeline"), pipeline.definition()));
      }
    }
    List<Path> dirs = new ArrayList<>(List.of(layout.root(), layout.data(), layout.decisions(), layout.stats(), layout.completions()));
    if (pipeline.output().repartitions()) dirs.add(layout.shardData());
    for (Path d : dirs) {
      Files.createDirectories(d);
    }
    if (!Files.exists(runJson)) {
      ObjectNode n = record.toJson(JSON);
      n.set("pipeline", JSON.valueToTree(pipeline.definition()));
      AtomicFiles.write(runJson, JSON.writeValueAsBytes(n));
    }
  }

  /** After a failure, the other shards stop at their next record; nothing may write once run() returns. */
  private static void awaitWorkers(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
        throw new RunFailedException("workers did not stop within 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean holdsOnly(Path dir, String allowed) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) if (!p.getFileName().toString().equals(allowed)) return false;
      return true;
    }
  }

  /** Removes every file of an unfinished shard (complete or temporary) before it is redone. */
  private static void cleanShard(RunLayout layout, int shard) throws IOException {
    String prefix = RunLayout.shardName(shard);
    for (Path dir : List.of(layout.data(), layout.shardData(), layout.excluded(), layout.decisions(), layout.stats())) {
      if (!Files.isDirectory(dir)) continue;
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> RunLayout.isShardFile(p.getFileName().toString(), prefix))) {
        for (Path p : s) Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(AtomicFiles.tmp(layout.marker(shard)));
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "winnow-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }
}
