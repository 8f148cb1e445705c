package io.winnow.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-run} is listed with the other commands, but runs in its own JVM with Spark on the class path (the
 * {@code winnow} script starts it; on a cluster, spark-submit with winnow-spark.jar). Reached in this jar, it
 * says so instead of failing on a missing class.
 */
@Command(name = "spark-run", mixinStandardHelpOptions = true,
    description = "Run a pipeline file on Apache Spark (local[*] or a cluster): `./winnow spark-run PIPELINE` from the repository, "
        + "or spark-submit winnow-spark/target/winnow-spark.jar on a cluster (docs/SPARK.md). The same pipeline file and run directory as `run`.")
final class SparkRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "ARGS", description = "the arguments of spark-run (see `./winnow spark-run --help`)")
  List<String> args;

  /** spark-run's own options (--master...), so they reach the explanation instead of a usage error. */
  @picocli.CommandLine.Unmatched List<String> options;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("winnow: spark-run needs Spark on the class path: run it as `./winnow spark-run ...` from the repository "
        + "(the script adds Spark's jars), or with spark-submit and winnow-spark/target/winnow-spark.jar (docs/SPARK.md)");
    return Winnow.FAILED;
  }
}
