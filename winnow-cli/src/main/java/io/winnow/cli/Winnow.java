package io.winnow.cli;

import io.winnow.engine.RunFailedException;
import io.winnow.pipeline.PipelineException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code winnow} command. */
@Command(name = "winnow", mixinStandardHelpOptions = true, version = "winnow 0.1.0",
    description = "A training-data refinery for language models.")
public final class Winnow implements Runnable {
  /** Exit code of a run that failed on data or configuration (usage errors exit with 2). */
  public static final int FAILED = 1;

  /** The commands, in the order --help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, DedupCommand.class, CollapseSimCommand.class,
      DecontamIndexCommand.class, ProvenanceIndexCommand.class, TrainDetectorCommand.class, EvalDetectorCommand.class,
      TrainQualityCommand.class, RefilterCommand.class, PlanCommand.class, ExplainCommand.class, StatsCommand.class,
      ReportCommand.class, SampleCommand.class, StepsCommand.class, TokenizeCommand.class, DiversityCommand.class,
      CompareCommand.class, LicensesCommand.class, SelectionCommand.class, ContaminationCommand.class,
      SparkRunCommand.class, CommandLine.HelpCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, plan, explain, stats, report, sample, steps...; see winnow --help)");
  }

  /** The command line with every command. */
  public static CommandLine commandLine() {
    return commandLine(COMMANDS);
  }

  /**
   * The command line for these arguments: when they start with a command's name, with that command alone.
   * picocli introspects every registered command up front (its options, their types and the classes those load),
   * which costs a short command such as {@code refilter} more CPU than its own start; the usage of the one
   * command run is the same either way. Anything else ({@code --help}, {@code help}, a misspelt name) gets all.
   */
  static CommandLine commandLineFor(String[] args) {
    if (args.length > 0) {
      for (Class<?> c : COMMANDS) {
        if (c != CommandLine.HelpCommand.class && args[0].equals(c.getAnnotation(Command.class).name())) return commandLine(List.of(c));
      }
    }
    return commandLine(COMMANDS);
  }

  private static CommandLine commandLine(List<Class<?>> commands) {
    CommandLine cl = new CommandLine(new Winnow());
    for (Class<?> c : commands) cl.addSubcommand(c);
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
    System.exit(commandLineFor(args).execute(args));
  }
}
