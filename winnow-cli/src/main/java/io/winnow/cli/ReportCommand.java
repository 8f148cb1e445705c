package io.winnow.cli;

import io.winnow.report.html.DecisionLogScan;
import io.winnow.report.html.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the HTML report of a finished run: funnel, drop reasons, histograms of every logged value, "
        + "per-file and per-group tables, estimates and sample records per reason. One self-contained file, readable offline.")
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR")
  Path runDir;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the HTML file (default: RUN_DIR/report.html)")
  Path out;

  @Option(names = "--samples", defaultValue = "5", paramLabel = "N", description = "sample records shown per reason (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the samples (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (samples < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 0");
    DecisionLogScan.Limits d = DecisionLogScan.Limits.defaults();
    RunReport report = RunReport.of(runDir, new DecisionLogScan.Limits(d.bins(), d.maxMetrics(), d.maxReasons(), samples, d.maxFiles(), seed));
    Path file = out == null ? runDir.resolve("report.html") : out;
    report.write(file);
    spec.commandLine().getOut().printf("report of %,d records written to %s%n", report.scan().records(), file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
