package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.collapse.CollapseExperiment;
import io.winnow.collapse.CollapseExperiment.Mode;
import io.winnow.collapse.CollapseExperiment.Result;
import io.winnow.collapse.CollapseExperiment.Settings;
import io.winnow.collapse.Truncation;
import io.winnow.collapse.World;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collapse-sim", mixinStandardHelpOptions = true,
    description = {"A reproducible model-collapse experiment: each generation's model is trained on text sampled from the previous one.",
        "Prints, per generation, held-out perplexity, vocabulary survival, tail mass, unigram entropy, distinct-2 and prefix-cluster entropy."})
final class CollapseSimCommand implements Callable<Integer> {
  enum ModeOption { REPLACE, ACCUMULATE, QUOTA, GUARDED, ALL }

  enum Toy { ZIPF }

  @Spec CommandSpec spec;

  @Option(names = "--reference", paramLabel = "TGZ", description = "Brown corpus, tagged .tgz (generation 0's human text; 10 %% of its files held out)")
  Path reference;

  @Option(names = "--toy", description = "unigram toy instead of Brown: zipf (exponent 1.1, 20,000 types, 200,000 tokens per generation)")
  Toy toy;

  @Option(names = "--mode", defaultValue = "all", description = "replace, accumulate, quota, guarded or all (default: ${DEFAULT-VALUE})")
  ModeOption mode;

  @Option(names = "--generations", defaultValue = "10", description = "generations after generation 0 (default: ${DEFAULT-VALUE})")
  int generations;

  @Option(names = "--tokens", description = "tokens sampled per generation (default: 200000 for the toy, 300000 for Brown)")
  Long tokens;

  @Option(names = "--top-p", defaultValue = "1.0", description = "nucleus sampling mass; 1 samples plainly (default: ${DEFAULT-VALUE})")
  double topP;

  @Option(names = "--top-k", defaultValue = "0", description = "sample from the k most probable words; 0 for all (default: ${DEFAULT-VALUE})")
  int topK;

  @Option(names = "--real-share", defaultValue = "0.1", description = "share of each generation's new text that is fresh human text in the quota and guarded modes (default: ${DEFAULT-VALUE})")
  double realShare;

  @Option(names = "--tolerance", defaultValue = "5", description = "guarded: the compare gate's threshold, percent, for every relative figure against generation 0 (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the tables as JSON")
  Path json;

  @Override
  public Integer call() throws IOException {
    if ((reference == null) == (toy == null)) throw new CommandLine.ParameterException(spec.commandLine(), "give either --reference TGZ or --toy zipf");
    Settings settings;
    try {
      settings = new Settings(generations, tokens != null ? tokens : toy != null ? 200_000 : 300_000, new Truncation(topP, topK), realShare, tolerance, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (reference != null && !Files.exists(reference)) throw new IOException(reference + ": not found");
    long started = System.nanoTime();
    World world = toy != null ? World.zipf(20_000, 1.1, settings.tokens(), seed) : World.brown(reference, seed);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s; %s, %d generations, seed %d%n%n", world.describe(), settings.truncation(), generations, seed);
    List<Result> results = new ArrayList<>();
    for (Mode m : Mode.values()) {
      if (mode != ModeOption.ALL && !mode.name().equals(m.name())) continue;
      Result r = CollapseExperiment.run(world, m, settings);
      results.add(r);
      CollapseExperiment.print(r, out);
      out.println();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("%.1f s%n", seconds);
    out.flush();
    if (json != null) new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), CollapseExperiment.report(world, settings, results, seconds));
    return 0;
  }
}
