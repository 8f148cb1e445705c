package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines output keeps the input record, and steps may not silently overwrite its fields: on the shipped Common
 * Crawl sample (examples/data/cc-main-2019-30-sample-200.jsonl.gz, dolma test data), whose records have nested
 * {@code metadata} and {@code attributes} (lists of lists of numbers) and a {@code source} field.
 */
class AnnotationFieldsTest {
  static final Path SAMPLE = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static LocalEngine.Result run(Path input, Path out, String steps, String output) throws Exception {
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", "input: {paths: ['" + input + "']}\nsteps: " + steps
        + "\noutput: {path: '" + out + "', compression: none" + output + "}\nrun: {workers: 1}\n");
    return new LocalEngine(p, false, false, null).run();
  }

  static Map<String, JsonNode> records(Path fileOrDir) throws Exception {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrDir)) {
      try (Stream<Path> s = Files.list(fileOrDir)) {
        s.sorted().forEach(files::add);
      }
    } else {
      files.add(fileOrDir);
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Path f : files) {
      var in = Files.newInputStream(f);
      try (BufferedReader r = new BufferedReader(new InputStreamReader(f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in,
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          JsonNode n = JSON.readTree(line);
          out.put(n.get("id").asText(), n);
        }
      }
    }
    return out;
  }

  @Test
  void jsonLinesOutputIsTheInputRecordWithNestedFieldsUntouched() throws Exception {
    Path out = dir.resolve("run");
    run(SAMPLE, out, "[]", "");
    Map<String, JsonNode> in = records(SAMPLE);
    Map<String, JsonNode> back = records(out.resolve("data"));
    assertThat(back).hasSize(200).isEqualTo(in);
    assertThat(back.values().iterator().next().path("attributes").toString()).contains("[[");
  }

  @Test
  void aStepOverwritingAnInputFieldFailsTheRunNamingTheStepFieldAndRecord() {
    assertThatThrownBy(() -> run(SAMPLE, dir.resolve("run"), "[{type: slop, action: weight, weight_field: source}]", ""))
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("step 'slop' writes the field 'source'")
        .hasMessageContaining("cc-main-2019-30-sample-200.jsonl.gz:")
        .hasMessageContaining("output.annotation_prefix");
  }

  /** The prefix holds through a corpus step's stage file: the record and its annotation reach the final pass apart. */
  @Test
  void withAPrefixTheInputKeepsItsValueAndTheAnnotationGoesBesideIt() throws Exception {
    Path out = dir.resolve("run");
    run(SAMPLE, out, "[{type: slop, action: weight, weight_field: source}, exact_dedup]", ", annotation_prefix: 'winnow.'");
    Map<String, JsonNode> in = records(SAMPLE);
    Map<String, JsonNode> back = records(out.resolve("data"));
    assertThat(back).isNotEmpty();
    int annotated = 0;
    for (Map.Entry<String, JsonNode> e : back.entrySet()) {
      JsonNode r = e.getValue();
      assertThat(r.path("source").asText()).isEqualTo(in.get(e.getKey()).path("source").asText());
      if (r.has("winnow.source")) {
        assertThat(r.get("winnow.source").isNumber()).isTrue();
        annotated++;
      }
      assertThat(r.has("provenance")).isFalse();
    }
    assertThat(annotated).isPositive();
    JsonNode info = JSON.readTree(out.resolve("dataset_info.json").toFile());
    assertThat(info.path("winnow").path("annotations").path("winnow.source").asText()).isEqualTo("slop");
    assertThat(info.path("winnow").path("annotations").path("winnow.provenance").asText()).isEqualTo("slop");
  }
}
