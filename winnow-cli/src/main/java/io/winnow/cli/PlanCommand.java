package io.winnow.cli;

import io.winnow.io.InputFiles;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.StepSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Validate a pipeline file and list its inputs and steps, without reading any data.")
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE")
  Path pipelineFile;

  @Mixin PipelineOptions pipelineOptions;

  @Override
  public Integer call() throws Exception {
    Pipeline p = pipelineOptions.load(pipelineFile);
    PrintWriter out = spec.commandLine().getOut();
    boolean stdin = io.winnow.engine.StandardInput.named(p, false); // refuses here what the run would refuse
    List<Path> inputs = stdin ? List.of() : InputFiles.expand(p.input().paths(), p.input().readsFolders());
    long bytes = 0;
    for (Path f : inputs) {
      InputFiles.resolveFormat(f, p.input().format()); // fails here as the run would
      bytes += InputFiles.bytes(f);
    }
    if (stdin) out.printf("inputs: standard input (format %s)%n", p.input().format().equals("auto") ? "jsonl" : p.input().format());
    else out.printf("inputs: %d %s, %,d bytes (format %s)%n", inputs.size(), p.input().readsFolders() ? "folders" : "files", bytes, p.input().format());
    int i = 1;
    for (StepSpec s : p.steps()) {
      out.printf("step %d: %s%s %s%n", i++, s.id(), s.id().equals(s.type()) ? "" : " (" + s.type() + ")",
          s.params().isEmpty() ? "" : s.params());
    }
    out.printf("output: %s (%s, %s)%n", p.output().path(), p.output().format(), p.output().compression().name().toLowerCase());
    out.printf("fingerprint: %s%n", p.fingerprint());
    out.flush();
    return 0;
  }
}
