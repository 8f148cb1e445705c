package io.winnow.cli;

import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.PipelineOverrides;
import io.winnow.pipeline.StepRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of every command that reads a pipeline file: overrides and the trial-run selection of records. */
final class PipelineOptions {
  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "override a key of the pipeline file (repeatable): steps.<id>.<param>=v, output.path=DIR, run.workers=2, input.paths=[a,b]")
  List<String> sets = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "read only the first N records of the input, in input order (same as --set run.limit=N)")
  Long limit;

  @Option(names = "--sample", paramLabel = "SHARE", description = "read a seeded share of the records, e.g. 0.01 (same as --set run.sample=SHARE)")
  Double sample;

  @Option(names = "--sample-seed", paramLabel = "S", description = "seed of --sample (default 0; same as --set run.sample_seed=S)")
  Long sampleSeed;

  /** Every override, the dedicated options last so they win over a --set of the same key. */
  List<String> overrides() {
    return PipelineOverrides.withSelection(sets, limit, sample, sampleSeed);
  }

  Pipeline load(Path file) {
    return new PipelineFile(StepRegistry.builtIn()).read(file, overrides());
  }
}
