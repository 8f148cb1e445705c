package io.winnow.cli;

import io.winnow.step.decontam.BenchmarkFiles;
import io.winnow.step.decontam.BenchmarkItem;
import io.winnow.step.decontam.DecontamIndex;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "decontam-index", mixinStandardHelpOptions = true,
    description = "Build the n-gram index of benchmark test sets, for the decontaminate step's 'index' parameter.")
final class DecontamIndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "BENCHMARK", description = "benchmark files or directories (layouts detected)")
  List<Path> paths;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the index file to write")
  Path out;

  @Option(names = "--ngram-size", defaultValue = "13", description = "words per n-gram (default: ${DEFAULT-VALUE})")
  int ngramSize;

  @Option(names = "--min-item-words", defaultValue = "4", description = "shorter item texts are skipped (default: ${DEFAULT-VALUE})")
  int minItemWords;

  @Option(names = "--format", defaultValue = "auto", description = "auto, gsm8k, humaneval, mmlu, truthfulqa, icl or generic")
  String format;

  @Option(names = "--fields", split = ",", description = "generic: the fields that hold the text")
  List<String> fields = List.of();

  @Override
  public Integer call() throws Exception {
    if (!BenchmarkFiles.FORMATS.contains(format)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be one of " + BenchmarkFiles.FORMATS);
    }
    long start = System.nanoTime();
    List<BenchmarkItem> items = new ArrayList<>();
    for (Path p : paths) items.addAll(BenchmarkFiles.read(p, null, format, fields));
    DecontamIndex index = DecontamIndex.build(items, ngramSize, minItemWords);
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    index.save(out);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%-18s %8s %10s %8s %8s%n", "benchmark", "items", "n-grams", "whole", "skipped");
    for (Map.Entry<String, long[]> e : index.perBenchmark().entrySet()) {
      long[] v = e.getValue();
      w.printf("%-18s %,8d %,10d %,8d %,8d%n", e.getKey(), v[0], v[1], v[2], v[3]);
    }
    w.printf("%,d items, %,d distinct %d-grams; written to %s (%,d bytes) in %.1f s%n", index.items(),
        index.indexedNgrams(), ngramSize, out, Files.size(out), (System.nanoTime() - start) / 1e9);
    w.flush();
    return 0;
  }
}
