package io.winnow.cli;

import io.winnow.engine.RunFailedException;
import io.winnow.pipeline.PipelineException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code winnow} command. */
@Command(name = "winnow", mixinStandardHelpOptions = true, version = "winnow 0.1.0",
    description = "A training-data refinery for language models.",
    subcommands = {RunCommand.class, DedupCommand.class, CollapseSimCommand.class, DecontamIndexCommand.class, ProvenanceIndexCommand.class, TrainDetectorCommand.class, EvalDetectorCommand.class, TrainQualityCommand.class, RefilterCommand.class, PlanCommand.class, ExplainCommand.class, StatsCommand.class, ReportCommand.class, SampleCommand.class,
        StepsCommand.class, TokenizeCommand.class, DiversityCommand.class, CompareCommand.class, LicensesCommand.class, SelectionCommand.class, ContaminationCommand.class, SparkRunCommand.class,
        CommandLine.HelpCommand.class})
public final class Winnow implements Runnable {
  /** Exit code of a run that failed on data or configuration (usage errors exit with 2). */
  public static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, plan, explain, stats, report, sample, steps...; see winnow --help)");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Winnow());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof PipelineException || ex instanceof RunFailedException || ex instanceof IOException) {
        cmd.getErr().println("winnow: " + ex.getMessage());
        return FAILED;
      }
      throw ex;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
