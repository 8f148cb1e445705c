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

  @picocli.CommandLine.Option(names = "--by", paramLabel = "FIELD",
      description = "the funnel per value of a run.group_by field (as written there, or its last part: source for metadata.source)")
  String by;

  @Override
  public Integer call() throws IOException {
    RunStats stats = RunStats.fromJson(readStats(runDir));
    if (by == null) {
      StatsTable.print(stats, spec.commandLine().getOut());
      return 0;
    }
    if (!StatsTable.printGroups(stats, by, spec.commandLine().getOut())) {
      spec.commandLine().getErr().println("winnow: " + runDir + " has no figures by '" + by + "'"
          + (stats.groups().isEmpty() ? "; add run.group_by: [" + by + "] to the pipeline (or --set run.group_by=[" + by + "]) and run it again"
              : "; it has: " + String.join(", ", stats.groups().byField().keySet())));
      return Winnow.FAILED;
    }
    return 0;
  }

  /** A finished run's stats.json, or an error saying the run is not finished. */
  static com.fasterxml.jackson.databind.JsonNode readStats(Path runDir) throws IOException {
    Path stats = runDir.resolve("stats.json");
    if (!Files.exists(stats)) throw new IOException(runDir + ": no stats.json (is the run finished? resume it with `winnow run --resume`)");
    return new ObjectMapper().readTree(stats.toFile());
  }
}
