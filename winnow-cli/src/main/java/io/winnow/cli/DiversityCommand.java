package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.diversity.CorpusInput;
import io.winnow.report.diversity.DiversityLimits;
import io.winnow.report.diversity.DiversityProfile;
import io.winnow.report.diversity.DiversityTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diversity", mixinStandardHelpOptions = true,
    description = {"The diversity profile of a corpus: entropy, vocabulary, tail mass, distinct-n, rep-n, MATTR-500, "
        + "compression ratio, near-duplicate rate, slop words per 1k (and a run's estimated machine share).",
        "Streams the input in one pass; memory is bounded by the --max-* options."})
final class DiversityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT_OR_RUN",
      description = "input files, folders or globs (one corpus), or one run directory (its data/ files)")
  List<String> inputs;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the profile as JSON")
  Path json;

  @Option(names = "--manifests", description = "the inputs are folders of code projects: report the dependency distribution "
      + "of their manifests (package.json, Cargo.toml, pom.xml, go.mod, requirements.txt, pyproject.toml) instead")
  boolean manifests;

  @Mixin DiversityOptions options;

  @Override
  public Integer call() throws IOException {
    if (manifests) {
      io.winnow.report.diversity.DependencyProfile d = io.winnow.report.diversity.DependencyProfile.scan(String.join(" ", inputs),
          inputs.stream().map(Path::of).toList());
      d.print(spec.commandLine().getOut());
      if (json != null) new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), d.toJson(new ObjectMapper()));
      return 0;
    }
    CorpusInput input = CorpusInput.of(inputs);
    DiversityProfile p = input.profile(options.textField, options.limit, options.limits());
    DiversityTable.print(p, spec.commandLine().getOut());
    if (input.rejected() > 0) spec.commandLine().getErr().printf("%,d records rejected by the readers (not profiled)%n", input.rejected());
    if (json != null) {
      ObjectMapper m = new ObjectMapper();
      m.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), p.toJson(m));
    }
    return 0;
  }
}
