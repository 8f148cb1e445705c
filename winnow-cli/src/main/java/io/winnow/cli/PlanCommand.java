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
    java.util.List<String> localPatterns = new java.util.ArrayList<>();
    int count = 0;
    long bytes = 0;
    for (String pattern : stdin ? List.<String>of() : p.input().paths()) {
      if (!io.winnow.io.storage.Storages.isRemote(pattern)) {
        localPatterns.add(pattern);
        continue;
      }
      // a remote input is listed where it lives, as the run lists it before copying it here
      io.winnow.io.storage.Storage store = io.winnow.io.storage.Storages.of(pattern);
      java.util.List<String> found = store.glob(pattern);
      if (found.isEmpty()) throw new java.io.IOException("input path '" + pattern + "' matches no file");
      for (String f : found) {
        InputFiles.resolveFormat(Path.of(f.substring(f.lastIndexOf('/') + 1)), p.input().format());
        bytes += store.size(f);
        count++;
      }
    }
    List<Path> inputs = localPatterns.isEmpty() ? List.of() : InputFiles.expand(localPatterns, p.input().readsFolders());
    for (Path f : inputs) {
      InputFiles.resolveFormat(f, p.input().format()); // fails here as the run would
      bytes += InputFiles.bytes(f);
    }
    count += inputs.size();
    if (stdin) out.printf("inputs: standard input (format %s)%n", p.input().format().equals("auto") ? "jsonl" : p.input().format());
    else out.printf("inputs: %d %s, %,d bytes (format %s)%n", count, p.input().readsFolders() ? "folders" : "files", bytes, p.input().format());
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
