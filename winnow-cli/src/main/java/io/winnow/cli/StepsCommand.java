package io.winnow.cli;

import io.winnow.pipeline.Params;
import io.winnow.pipeline.StepDescription;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "steps", mixinStandardHelpOptions = true,
    description = "List the step types a pipeline file can use, or describe one: its parameters, defaults, ranges and reason codes.")
final class StepsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "a step type to describe")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StepRegistry registry = StepRegistry.builtIn();
    if (name == null) {
      for (StepType t : registry.all()) out.printf("%-20s %s%n", t.name(), t.summary());
      out.flush();
      return 0;
    }
    StepType t = registry.get(name);
    if (t == null) {
      List<String> known = registry.all().stream().map(StepType::name).toList();
      spec.commandLine().getErr().println("winnow: no step type '" + name + "'; known: " + String.join(", ", known));
      return Winnow.FAILED;
    }
    print(StepDescription.of(t), out);
    out.flush();
    return 0;
  }

  private static void print(StepDescription d, PrintWriter out) {
    out.printf("%s (%s step): %s%n", d.type().name(), d.type().isCorpusStep() ? "corpus" : "document", d.type().summary());
    out.println();
    out.println("parameters (key, kind, allowed values, default):");
    if (d.parameters().isEmpty()) out.println("  (none)");
    for (Params.ParamInfo p : d.parameters()) {
      out.printf("  %-32s %-14s %-34s %s%n", p.key(), p.kind(), p.allowed(), p.defaultValue() == null ? "none" : p.defaultValue());
    }
    if (d.problem() != null) out.println("  ... and more that depend on a value without a default: " + d.problem());
    out.println();
    out.println("reason codes (logged as <step id>." + "<code>; the step id is " + d.type().name() + " unless the file gives an id):");
    if (d.reasons().isEmpty()) out.println("  (none declared" + (d.problem() != null ? "; configure the step to see them" : "") + ")");
    for (String r : d.reasons()) out.println("  " + r);
  }
}
