package io.winnow.spark;

import io.winnow.report.StatsTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class io.winnow.spark.SparkMain winnow-spark.jar PIPELINE [--out DIR]}: the pipeline file
 * that runs with {@code winnow run}, on a Spark cluster.
 */
@Command(name = "spark-run", mixinStandardHelpOptions = true,
    description = "Run a pipeline file on Apache Spark; the run directory (a Hadoop path) gets what `winnow run` writes.")
public final class SparkMain implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "the pipeline file (YAML), a local or Hadoop path")
  String pipelineFile;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "run directory, a Hadoop path (overrides output.path)")
  String out;

  @Option(names = "--master", description = "Spark master, e.g. local[4] (default: what spark-submit set)")
  String master;

  @Option(names = "--resume", description = "finish an interrupted run: skip shards that completed, redo the rest")
  boolean resume;

  @Option(names = "--strict", description = "fail on the first bad input record instead of rejecting it and going on")
  boolean strict;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "override a value of the pipeline file, validated as if written there, e.g. --set steps.gopher_quality.min_doc_words=30 (repeatable)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--sample", paramLabel = "SHARE", description = "read a seeded share of the records, e.g. 0.01 (same as --set run.sample=SHARE); the same records as `winnow run --sample`")
  Double sample;

  @Option(names = "--sample-seed", paramLabel = "S", description = "seed of --sample (default 0; same as --set run.sample_seed=S)")
  Long sampleSeed;

  /** Every override, as `winnow run` orders them; no --limit here (see SparkEngine). */
  List<String> overrides() {
    return io.winnow.pipeline.PipelineOverrides.withSelection(sets, null, sample, sampleSeed);
  }

  @Override
  public Integer call() throws Exception {
    SparkConf conf = SparkDefaults.apply(new SparkConf().setAppName("winnow " + pipelineFile));
    if (master != null) conf.setMaster(master);
    else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
    SparkDefaults.requireOpenModules(conf);
    PrintWriter stdout = spec.commandLine().getOut();
    long start = System.nanoTime();
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      String yaml = new String(HadoopFiles.readFile(located(pipelineFile, sc), sc.hadoopConfiguration()), StandardCharsets.UTF_8);
      SparkEngine.Result r = new SparkEngine(sc, pipelineFile, yaml, overrides(), out, resume, strict).run();
      StatsTable.print(r.stats(), stdout);
      stdout.printf(Locale.ROOT, "shards run %d, already complete %d; %.1f s on Spark %s; output in %s%n", r.shardsRun(),
          r.shardsSkipped(), (System.nanoTime() - start) / 1e9, sc.version(), r.runDir());
    }
    stdout.flush();
    return 0;
  }

  /**
   * The pipeline file: as given, or, when it is a bare name that is not in the working directory but was shipped
   * with {@code --files} (a driver started on the cluster in deploy mode cluster), Spark's copy of it.
   */
  static String located(String file, JavaSparkContext sc) {
    if (!HadoopFiles.isLocal(file) || file.contains("/") || Files.exists(Path.of(file))) return file;
    if (!ClusterPaths.shippedNames(sc.getConf().get("spark.files", null)).contains(file)) return file;
    return SparkFiles.get(file);
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new SparkMain());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("winnow: " + e.getMessage());
      return 1;
    });
    System.exit(cli.execute(args));
  }
}
