package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.winnow.engine.LocalEngine;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.report.StatsTable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Deduplicates files without writing a pipeline file: builds the one-step pipeline (exact_dedup or
 * minhash_dedup) from the options and runs it like {@code winnow run}; {@code --print-pipeline} shows it.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = "Remove exact or near-duplicate documents (MinHash, FineWeb defaults) from JSONL or WET files.")
final class DedupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "input files, directories or globs")
  List<String> inputs;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "run directory")
  String out;

  @Option(names = "--method", defaultValue = "minhash", description = "minhash or exact (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--field", paramLabel = "NAME", description = "exact: compare this metadata field (e.g. url) instead of the text")
  String field;

  @Option(names = "--keeper", defaultValue = "first", description = "first, longest or max:<field> (default: ${DEFAULT-VALUE})")
  String keeper;

  @Option(names = "--index", paramLabel = "STEP_DIR", description = "remove what is already in another run: its corpus/<step> directory")
  String index;

  @Option(names = "--ngram-size", description = "minhash: words per shingle (default 5)")
  Integer ngramSize;

  @Option(names = "--bands", description = "minhash: LSH bands (default 14)")
  Integer bands;

  @Option(names = "--rows", description = "minhash: rows per band (default 8)")
  Integer rows;

  @Option(names = "--memory-mb", description = "sort buffer of the cluster phase (default 256)")
  Integer memoryMb;

  @Option(names = {"-w", "--workers"}, description = "parallel workers (default: cores)")
  Integer workers;

  @Option(names = "--id-field", defaultValue = "id") String idField;

  @Option(names = "--text-field", defaultValue = "text") String textField;

  @Option(names = "--resume", description = "finish an interrupted run") boolean resume;

  @Option(names = "--print-pipeline", description = "print the equivalent pipeline file and exit") boolean printPipeline;

  @Option(names = "--progress", defaultValue = "auto", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Progress.Mode progressMode;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> step = new LinkedHashMap<>();
    switch (method.toLowerCase(Locale.ROOT)) {
      case "minhash" -> {
        step.put("type", "minhash_dedup");
        if (ngramSize != null) step.put("ngram_size", ngramSize);
        if (bands != null) step.put("bands", bands);
        if (rows != null) step.put("rows", rows);
        if (field != null) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--field works with --method exact");
      }
      case "exact" -> {
        step.put("type", "exact_dedup");
        if (field != null) step.put("field", field);
      }
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--method must be minhash or exact");
    }
    step.put("keeper", keeper);
    if (index != null) step.put("index", index);
    if (memoryMb != null) step.put("memory_mb", memoryMb);
    Map<String, Object> def = new LinkedHashMap<>();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("paths", inputs);
    input.put("id_field", idField);
    input.put("text_field", textField);
    def.put("input", input);
    def.put("steps", List.of(step));
    def.put("output", Map.of("path", out));
    if (workers != null) def.put("run", Map.of("workers", workers));
    String yaml = new ObjectMapper(new YAMLFactory()).writeValueAsString(def);
    PrintWriter stdout = spec.commandLine().getOut();
    if (printPipeline) {
      stdout.print(yaml);
      stdout.flush();
      return 0;
    }
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("winnow dedup", yaml);
    LocalEngine.Result r = new LocalEngine(p, resume, false, Progress.create(progressMode, spec.commandLine().getErr())).run();
    StatsTable.print(r.stats(), stdout);
    // the run as the user named it (a remote URI for a mirrored run); the index is read from this machine's copy
    stdout.printf("output in %s; the step's index (for --index) is %s%n", r.output(), r.runDir().resolve("corpus").resolve((String) step.get("type")));
    stdout.flush();
    return 0;
  }
}
