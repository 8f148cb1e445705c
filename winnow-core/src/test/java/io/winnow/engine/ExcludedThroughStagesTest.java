package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents dropped before a corpus step pass through a stage file to the final pass: with output.excluded and
 * run.group_by they must arrive whole (text and fields), as they do in a pipeline without corpus steps.
 */
class ExcludedThroughStagesTest {
  static final Path SAMPLE = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath();

  @Test
  void droppedDocumentsKeepTheirTextAndFieldsAcrossStages(@TempDir Path dir) throws Exception {
    var p = new PipelineFile(StepRegistry.builtIn()).parse("x.yaml",
        "input: {paths: ['" + SAMPLE + "']}\n"
            + "steps: [gopher_quality, {type: exact_dedup}, fineweb_quality]\n"
            + "output: {path: '" + dir.resolve("run") + "', excluded: true}\n"
            + "run: {workers: 1, group_by: [metadata.content_type]}\n");
    LocalEngine.Result r = new LocalEngine(p, false, false, null).run();
    Map<String, String> input = new HashMap<>();
    try (DocumentReader in = DocumentReaders.open(SAMPLE, "jsonl", "id", "text", ReaderLimits.defaults(), b -> {})) {
      for (ReadResult x; (x = in.next()) != null; ) input.put(x.document().id(), x.document().text());
    }
    int byQuality = 0;
    int excluded = 0;
    for (Path f : InputFiles.expand(List.of(dir.resolve("run/excluded").toString()))) {
      try (DocumentReader in = DocumentReaders.open(f, "jsonl", "id", "text", ReaderLimits.defaults(), b -> {})) {
        for (ReadResult x; (x = in.next()) != null; ) {
          excluded++;
          if (String.valueOf(x.document().metadata().get("winnow_dropped_by")).equals("gopher_quality")) {
            byQuality++;
            // dropped before the corpus step, so it went through the stage file: still the text as read
            assertThat(x.document().text()).isEqualTo(input.get(x.document().id()));
            assertThat(x.document().metadata()).containsKey("metadata");
          }
        }
      }
    }
    assertThat(byQuality).isPositive();
    assertThat(excluded).isEqualTo(r.stats().dropped());
    JsonNode stats = new ObjectMapper().readTree(dir.resolve("run/stats.json").toFile());
    assertThat(stats.toString()).contains("text/html");
  }
}
