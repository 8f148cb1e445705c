package io.winnow.refilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs of the four FineWeb filters and quality (annotated or not, thresholds as given) for the refilter tests. */
final class FineWebRuns {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path FIXTURE = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath();

  private FineWebRuns() {}

  /** Runs the pipeline over input into out; settings are {@code step.param -> value} as for refilter's --set. */
  static Path run(Path input, Map<String, String> settings, boolean annotate, Path out) throws IOException {
    return run(input, settings, annotate, out, Map.of());
  }

  /** As {@link #run(Path, Map, boolean, Path)}, with more {@code output} options (beside path and compression). */
  static Path run(Path input, Map<String, String> settings, boolean annotate, Path out, Map<String, Object> output) throws IOException {
    Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
    for (String t : List.of("gopher_repetition", "gopher_quality", "c4", "fineweb_quality", "quality")) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("type", t);
      if (t.equals("c4")) p.put("filter_no_terminal_punct", false);
      if (annotate) p.put("annotate", true);
      steps.put(t, p);
    }
    for (var e : settings.entrySet()) {
      Refilter.Setting s = Refilter.Setting.parse(e.getKey() + "=" + e.getValue());
      steps.get(s.step()).put(s.param(), s.value());
    }
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("input", Map.of("paths", List.of(input.toString()), "id_field", "id"));
    def.put("steps", new ArrayList<>(steps.values()));
    Map<String, Object> outputSpec = new LinkedHashMap<>(output);
    outputSpec.put("path", out.toString());
    outputSpec.putIfAbsent("compression", "zstd");
    def.put("output", outputSpec);
    def.put("run", Map.of("tokenizer", "none", "workers", 1));
    var pipeline = new PipelineFile(StepRegistry.builtIn()).parse(out.getFileName().toString(), JSON.writeValueAsString(def));
    return new LocalEngine(pipeline, false, false, ProgressListener.NONE).run().runDir();
  }
}
