package io.winnow.cli;

import io.winnow.report.SelectionReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "selection", mixinStandardHelpOptions = true,
    description = "Print the selection report of a finished run: drops by reason, score and length distributions "
        + "before and after each select step, the share per group, examples.")
final class SelectionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR")
  Path runDir;

  @Override
  public Integer call() throws IOException {
    SelectionReport.print(StatsCommand.readStats(runDir), spec.commandLine().getOut());
    return 0;
  }
}
