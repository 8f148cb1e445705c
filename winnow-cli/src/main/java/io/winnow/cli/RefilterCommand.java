package io.winnow.cli;

import io.winnow.pipeline.StepRegistry;
import io.winnow.refilter.Refilter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "refilter", mixinStandardHelpOptions = true,
    description = {"Re-apply new thresholds to the figures a run recorded (steps run with annotate: true), without "
        + "reading the input or tokenising text: writes a new run (-o) or prints what each value of a sweep keeps."})
final class RefilterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "the annotated run directory")
  Path run;

  @Option(names = "--set", paramLabel = "STEP.PARAM=VALUE", description = "a new threshold (repeatable)")
  List<String> set = new ArrayList<>();

  @Option(names = "--sweep", paramLabel = "STEP.PARAM=A,B,C", description = "print documents and words kept for each value")
  String sweep;

  @Option(names = {"-o", "--out"}, paramLabel = "NEWRUN", description = "the run directory to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if ((out == null) == (sweep == null)) throw new ParameterException(spec.commandLine(), "give -o NEWRUN or --sweep (one of them)");
    List<Refilter.Setting> settings = new ArrayList<>();
    try {
      for (String s : set) settings.add(Refilter.Setting.parse(s));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter w = spec.commandLine().getOut();
    StepRegistry registry = StepRegistry.builtIn();
    if (out != null) {
      long start = System.nanoTime();
      Refilter.Counts c = new Refilter(run, settings, registry).writeRun(out);
      w.printf("%s: %,d documents, kept %,d, dropped %,d, rejected %,d (%,d words kept) in %.1f s%n", out, c.documents(), c.kept(),
          c.dropped(), c.rejected(), c.keptWords(), (System.nanoTime() - start) / 1e9);
    } else {
      int eq = sweep.indexOf('=');
      if (eq < 0) throw new ParameterException(spec.commandLine(), "--sweep expects STEP.PARAM=A,B,C");
      w.printf("%-40s %12s %10s %16s%n", sweep.substring(0, eq), "documents", "share", "words");
      for (String value : sweep.substring(eq + 1).split(",")) {
        List<Refilter.Setting> s = new ArrayList<>(settings);
        s.add(Refilter.Setting.parse(sweep.substring(0, eq) + "=" + value.trim()));
        Refilter.Counts c = new Refilter(run, s, registry).count();
        w.printf("%-40s %,12d %9.1f%% %,16d%n", value.trim(), c.kept(), 100.0 * c.kept() / Math.max(1, c.documents() - c.rejected()), c.keptWords());
      }
    }
    w.flush();
    return 0;
  }
}
