package io.winnow.cli;

import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "steps", mixinStandardHelpOptions = true, description = "List the step types a pipeline file can use.")
final class StepsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (StepType t : StepRegistry.builtIn().all()) out.printf("%-20s %s%n", t.name(), t.summary());
    out.flush();
    return 0;
  }
}
