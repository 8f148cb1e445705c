package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.diversity.CorpusInput;
import io.winnow.report.diversity.DiversityComparison;
import io.winnow.report.diversity.DiversityMetric;
import io.winnow.report.diversity.DiversityProfile;
import io.winnow.report.diversity.DiversityTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Diversity profiles of generations side by side, with the change from the first and a verdict "
        + "wherever diversity fell past a threshold.",
        "Vocabulary types and hapax share are rarefied to the smallest corpus's word count; distinct-n is read on "
        + "equal word prefixes.",
        "Exit code 3 when --fail-on is given and one of its verdicts fires."})
final class CompareCommand implements Callable<Integer> {
  /** Exit code when a verdict named by --fail-on fires. */
  static final int VERDICT = 3;

  @Spec CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "INPUT_OR_RUN",
      description = "one corpus per argument (a file, folder, quoted glob or run directory), the first is the base")
  List<String> inputs;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the comparison as JSON")
  Path json;

  @Option(names = "--threshold", paramLabel = "METRIC=VALUE",
      description = "override a verdict threshold (percent, points or bits, as the metric's change is measured); metrics: "
          + "types, hapax_share, entropy, tail_1k, tail_10k, distinct_1..distinct_4, rep_diversity, mattr, compression, "
          + "near_dup, slop_per_1k, machine_share")
  Map<String, Double> thresholds = new java.util.LinkedHashMap<>();

  @Option(names = "--fail-on", paramLabel = "METRICS", split = ",",
      description = "exit with 3 when a verdict fires on one of these metrics (comma-separated, or 'any')")
  List<String> failOn;

  @Option(names = "--manifests", description = "each input is a folder of code projects: compare their dependency distributions "
      + "(a verdict when a library gains --share-points of the projects, or the dependency HHI rises by --hhi-percent); "
      + "--fail-on dependencies (or any) exits with 3 on such a verdict")
  boolean manifests;

  @Option(names = "--share-points", defaultValue = "10", description = "with --manifests (default: ${DEFAULT-VALUE})")
  double sharePoints;

  @Option(names = "--hhi-percent", defaultValue = "50", description = "with --manifests (default: ${DEFAULT-VALUE})")
  double hhiPercent;

  @Mixin DiversityOptions options;

  @Override
  public Integer call() throws IOException {
    if (manifests) return compareDependencies();
    Map<DiversityMetric, Double> overrides = new EnumMap<>(DiversityMetric.class);
    try {
      thresholds.forEach((k, v) -> overrides.put(DiversityMetric.byKey(k), v));
      if (failOn != null) for (String f : failOn) if (!f.equals("any")) DiversityMetric.byKey(f);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    List<DiversityProfile> profiles = new ArrayList<>();
    for (String in : inputs) {
      CorpusInput input = CorpusInput.of(List.of(in));
      profiles.add(input.profile(options.textField, options.limit, options.limits()));
      if (input.rejected() > 0) spec.commandLine().getErr().printf("%s: %,d records rejected by the readers (not profiled)%n", in, input.rejected());
    }
    DiversityComparison c = DiversityComparison.of(profiles, overrides);
    DiversityTable.print(c, spec.commandLine().getOut());
    if (json != null) {
      ObjectMapper m = new ObjectMapper();
      m.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), DiversityTable.json(c, m));
    }
    if (failOn == null) return 0;
    for (DiversityComparison.Verdict v : c.verdicts()) if (failOn.contains("any") || failOn.contains(v.metric().key())) return VERDICT;
    return 0;
  }

  private int compareDependencies() throws IOException {
    List<io.winnow.report.diversity.DependencyProfile> profiles = new ArrayList<>();
    for (String in : inputs) profiles.add(io.winnow.report.diversity.DependencyProfile.scan(in, List.of(Path.of(in))));
    var out = spec.commandLine().getOut();
    for (int i = 0; i < profiles.size(); i++) {
      out.printf("[%d] ", i + 1);
      profiles.get(i).print(out);
    }
    List<String> verdicts = io.winnow.report.diversity.DependencyProfile.verdicts(profiles, sharePoints, hhiPercent);
    if (verdicts.isEmpty()) out.println("no verdict: no library gained " + sharePoints + " points and no HHI rose " + hhiPercent + " %");
    for (String v : verdicts) out.println("verdict " + v);
    out.flush();
    if (json != null) {
      ObjectMapper m = new ObjectMapper();
      var root = m.createObjectNode();
      var gens = root.putArray("generations");
      for (var p : profiles) gens.add(p.toJson(m));
      var vs = root.putArray("verdicts");
      verdicts.forEach(vs::add);
      m.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
    }
    boolean fail = failOn != null && (failOn.contains("any") || failOn.contains("dependencies"));
    return fail && !verdicts.isEmpty() ? VERDICT : 0;
  }
}
