package io.winnow.cli;

import io.winnow.step.chat.TurnScope;
import io.winnow.step.decontam.BenchmarkFiles;
import io.winnow.step.decontam.BenchmarkItem;
import io.winnow.step.decontam.ContaminationReport;
import io.winnow.step.decontam.CoverageIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "contamination", mixinStandardHelpOptions = true,
    description = "Share of each benchmark's items that each training file holds, by the Tülu 3 rule (n-grams of a "
        + "training prompt covering more than --min-coverage of an item's words). Tülu 3 drops a training set above 2 %%.")
final class ContaminationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TRAINING_FILE")
  List<Path> training;

  @Option(names = {"-b", "--benchmark"}, required = true, paramLabel = "[NAME=]PATH",
      description = "benchmark files (repeatable); NAME= names it (default: the file's stem)")
  List<String> benchmarks;

  @Option(names = "--benchmark-format", defaultValue = "generic", description = "auto, gsm8k, humaneval, mmlu, truthfulqa, icl or generic (default: ${DEFAULT-VALUE})")
  String benchmarkFormat;

  @Option(names = "--fields", split = ",", defaultValue = "turns,instruction,question,prompt",
      description = "generic benchmarks: the fields that hold the text (default: ${DEFAULT-VALUE})")
  List<String> fields;

  @Option(names = "--format", defaultValue = "chat", description = "the training files' input format (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--turns", defaultValue = "prompt", description = "prompt, response or all (default: ${DEFAULT-VALUE})")
  String turns;

  @Option(names = "--ngram-size", defaultValue = "8", description = "words per n-gram (default: ${DEFAULT-VALUE})")
  int ngramSize;

  @Option(names = "--min-coverage", defaultValue = "0.5", description = "share of an item's words to cover (default: ${DEFAULT-VALUE})")
  double minCoverage;

  @Override
  public Integer call() throws Exception {
    TurnScope scope;
    try {
      scope = TurnScope.valueOf(turns.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--turns must be prompt, response, rejected or all");
    }
    List<BenchmarkItem> items = new ArrayList<>();
    for (String b : benchmarks) {
      int eq = b.indexOf('=');
      items.addAll(BenchmarkFiles.read(Path.of(eq < 0 ? b : b.substring(eq + 1)), eq < 0 ? null : b.substring(0, eq), benchmarkFormat, fields));
    }
    CoverageIndex index = CoverageIndex.build(items, ngramSize, minCoverage);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%-48s %-16s %6s %6s %8s %7s %9s%n", "training file", "benchmark", "items", "hit", "share", "docs", "docs hit");
    for (ContaminationReport.Row r : ContaminationReport.measure(index, training, format, scope)) {
      String f = r.trainingFile().length() <= 48 ? r.trainingFile() : "…" + r.trainingFile().substring(r.trainingFile().length() - 47);
      w.printf("%-48s %-16s %6d %6d %7.2f%% %7d %9d%s%n", f, r.benchmark(), r.items(), r.itemsHit(), 100 * r.share(), r.documents(), r.documentsHit(),
          r.share() > 0.02 ? "  over 2 %" : "");
    }
    w.flush();
    return 0;
  }
}
