package io.winnow.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.RunFailedException;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hugging Face-shaped Parquet in and out, on examples/data/hf-parquet (60 real Common Crawl documents from the
 * shipped dolma sample, written as a two-file HF dataset by {@link WriteHfParquetExample}).
 */
class HuggingFaceOutputTest {
  static final Path INPUT = Path.of("../examples/data/hf-parquet/data").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static LocalEngine.Result run(Path input, Path out, String steps, String output) throws Exception {
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", "input: {paths: ['" + input + "'], format: parquet}\n"
        + "steps: " + steps + "\n" + "output: {path: '" + out + "', format: parquet" + output + "}\n");
    return new LocalEngine(p, false, false, null).run();
  }

  static List<Path> files(Path data) throws Exception {
    try (Stream<Path> s = Files.list(data)) {
      return s.sorted().toList();
    }
  }

  static List<Document> readAll(List<Path> files) throws Exception {
    List<Document> docs = new ArrayList<>();
    for (Path f : files) docs.addAll(ParquetTest.read(f, "id", "text"));
    return docs;
  }

  @Test
  void keepsTheInputsColumnsAndTypesAndNamesTheFilesAsTheHubDoes() throws Exception {
    Path out = dir.resolve("run");
    LocalEngine.Result r = run(INPUT, out, "[gopher_quality, {type: slop, action: weight}]",
        ", shards: 2, split: train, annotation_prefix: 'winnow.'");
    List<Path> files = files(out.resolve("data"));
    assertThat(files).extracting(f -> f.getFileName().toString())
        .containsExactly("train-00000-of-00002.parquet", "train-00001-of-00002.parquet");

    MessageType in = ParquetFormat.schemaOf(files(INPUT).get(0));
    for (Path f : files) {
      MessageType written = ParquetFormat.schemaOf(f);
      for (Type t : in.getFields()) assertThat(written.getType(t.getName())).as(t.getName()).isEqualTo(t);
      assertThat(written.getType("winnow.weight").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
      assertThat(written.containsField("weight")).isFalse();
    }

    Map<String, Document> inputs = new HashMap<>();
    for (Document d : readAll(files(INPUT))) inputs.put(d.id(), d);
    List<Document> kept = readAll(files);
    assertThat(kept).hasSize((int) r.stats().kept()).isNotEmpty();
    for (Document d : kept) {
      Document original = inputs.get(d.id());
      assertThat(original).as("id %s is an input id", d.id()).isNotNull();
      assertThat(d.text()).isEqualTo(original.text());
      Map<String, Object> fields = new HashMap<>(d.metadata());
      Object weight = fields.remove("winnow.weight");
      if (weight != null) assertThat(weight).isInstanceOf(Double.class);
      Object provenance = fields.remove("winnow.provenance");
      if (provenance != null) assertThat(provenance).isInstanceOf(Map.class); // a JSON column, read back as its value
      assertThat(fields).isEqualTo(original.metadata());
    }

    JsonNode info = JSON.readTree(out.resolve("dataset_info.json").toFile());
    assertThat(info.path("splits").path("train").path("num_examples").asLong()).isEqualTo(r.stats().kept());
    assertThat(info.path("winnow").path("annotations").path("winnow.weight").asText()).isEqualTo("slop");
    List<String> features = new ArrayList<>();
    info.path("features").forEach(f -> features.add(f.path("name").asText() + ":" + f.path("dtype").asText(f.has("struct") ? "struct" : "sequence")));
    assertThat(features).startsWith("id:string", "text:string", "source:string", "created:string", "year:int32", "language:string",
        "metadata:struct", "attributes:sequence").contains("winnow.weight:float64");
    String card = Files.readString(out.resolve("README.md"));
    assertThat(card).startsWith("---\n").contains("path: data/train-*").contains("num_examples: " + r.stats().kept());
  }

  @Test
  void aStepWritingAnInputFieldIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> run(INPUT, dir.resolve("run"), "[{type: slop, action: weight, weight_field: language}]", ""))
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("step 'slop' writes the field 'language'").hasMessageContaining("train-00000-of-00002.parquet")
        .hasMessageContaining("output.annotation_prefix");
  }

  @Test
  void aPrefixKeepsTheInputsValueBesideTheAnnotation() throws Exception {
    Path out = dir.resolve("run");
    run(INPUT, out, "[{type: slop, action: weight, weight_field: language}]", ", annotation_prefix: 'winnow.'");
    List<Document> kept = readAll(files(out.resolve("data")));
    // documents shorter than the slop step's min_words are kept unscored, without the annotation
    assertThat(kept).isNotEmpty().allSatisfy(d -> assertThat(d.metadata().get("language")).isEqualTo("en"))
        .anySatisfy(d -> assertThat(d.metadata().get("winnow.language")).isInstanceOf(Double.class));
  }

  @Test
  void aPipelineRerunOnItsOwnOutputReplacesItsOwnAnnotationsButNotAnotherSteps() throws Exception {
    Path first = dir.resolve("first");
    run(INPUT, first, "[{type: slop, action: weight}]", "");
    Path again = dir.resolve("again");
    LocalEngine.Result r = run(first.resolve("data"), again, "[{type: slop, action: weight}]", "");
    assertThat(r.stats().kept()).isEqualTo(60);
    assertThat(readAll(files(again.resolve("data")))).anySatisfy(d -> assertThat(d.metadata().get("weight")).isInstanceOf(Double.class));

    assertThatThrownBy(() -> run(first.resolve("data"), dir.resolve("other"), "[{type: slop, id: rescore, action: weight}]", ""))
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("step 'rescore' writes the field 'weight'").hasMessageContaining("written there by step 'slop'");
  }
}
