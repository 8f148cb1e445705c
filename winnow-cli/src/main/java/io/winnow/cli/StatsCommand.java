package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.RunStats;
import io.winnow.report.StatsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print the statistics table of a finished run.")
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR")
  Path runDir;

  @Override
  public Integer call() throws IOException {
    StatsTable.print(RunStats.fromJson(readStats(runDir)), spec.commandLine().getOut());
    return 0;
  }

  /** A finished run's stats.json, or an error saying the run is not finished. */
  static com.fasterxml.jackson.databind.JsonNode readStats(Path runDir) throws IOException {
    Path stats = runDir.resolve("stats.json");
    if (!Files.exists(stats)) throw new IOException(runDir + ": no stats.json (is the run finished? resume it with `winnow run --resume`)");
    return new ObjectMapper().readTree(stats.toFile());
  }
}
