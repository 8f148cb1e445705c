package io.winnow.cli;

import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.StatsTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import io.winnow.pipeline.OutputSpec;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a pipeline file on the local machine and print a summary table.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "the pipeline file (YAML)")
  Path pipelineFile;

  @Mixin PipelineOptions pipelineOptions;

  @Option(names = {"-o", "--out", "--output"}, paramLabel = "DIR",
      description = "run directory (overrides output.path); '-' writes the kept documents to standard output as JSON Lines")
  String out;

  @Option(names = {"-i", "--input"}, paramLabel = "PATH",
      description = "input file, folder or glob (repeatable; overrides input.paths); '-' reads standard input")
  List<String> inputs;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "with --output -: where the decisions, statistics and dataset card go (default: a new temporary folder)")
  Path runDir;

  @Option(names = {"-w", "--workers"}, description = "parallel workers (overrides run.workers; default: cores)")
  Integer workers;

  @Option(names = "--resume", description = "finish an interrupted run: skip shards that completed, redo the rest")
  boolean resume;

  @Option(names = "--overwrite", description = "delete a finished (or unfinished) run in the output directory first and run again")
  boolean overwrite;

  @Option(names = "--strict", description = "fail on the first bad input record instead of rejecting it and going on")
  boolean strict;

  @Option(names = "--progress", defaultValue = "auto", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Progress.Mode progressMode;

  /** Whether the byte figures of the progress are compressed bytes: any input named as a compressed file. */
  static boolean compressedInputs(Pipeline p) {
    try {
      for (Path f : io.winnow.io.InputFiles.expand(p.input().paths(), p.input().readsFolders())) {
        if (f.getFileName().toString().matches(".*\\.(gz|gzip|zst|zstd|bz2|xz|lz4)$")) return true;
      }
    } catch (java.io.IOException e) {
      return false; // the engine reports unreadable inputs itself
    }
    return false;
  }

  @Override
  public Integer call() throws Exception {
    Pipeline p = pipelineOptions.load(pipelineFile);
    if (out != null) p = p.withOutputPath(out);
    if (workers != null) {
      if (workers < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1");
      p = p.withRun(p.run().withWorkers(workers));
    }
    if (overwrite && resume) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--overwrite and --resume exclude each other");
    if (inputs != null && !inputs.isEmpty()) p = p.withInputPaths(inputs);
    boolean toStdout = OutputSpec.STDOUT.equals(p.output().path());
    if (toStdout) p = StandardOutput.prepare(p, runDir, resume, spec);
    else if (runDir != null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--run-dir is for --output - only; use --output DIR");
    if (overwrite && io.winnow.io.storage.Storages.isRemote(p.output().path())) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--overwrite deletes local run folders only; delete "
          + p.output().path() + " with the store's own tools, or choose another output path");
    }
    if (overwrite) RunDirectory.delete(Path.of(p.output().path()));
    // with the documents on standard output, the summary goes to standard error
    PrintWriter stdout = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    ProgressListener progress = Progress.create(progressMode, spec.commandLine().getErr(), compressedInputs(p));
    long start = System.nanoTime();
    LocalEngine.Result r = new LocalEngine(p, resume, strict, progress).run();
    if (toStdout) StandardOutput.copyKept(r.runDir(), System.out);
    double seconds = (System.nanoTime() - start) / 1e9;
    StatsTable.print(r.stats(), stdout);
    stdout.printf(Locale.ROOT, "shards run %d, already complete %d; %.1f s; output in %s%n",
        r.shardsRun(), r.shardsSkipped(), seconds, r.output());
    stdout.flush();
    return 0;
  }
}
