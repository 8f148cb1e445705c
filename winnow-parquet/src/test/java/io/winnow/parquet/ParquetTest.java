package io.winnow.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import io.winnow.engine.LocalEngine;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTest {
  @TempDir Path dir;

  static List<Document> read(Path file, String idField, String textField) throws Exception {
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, "parquet", idField, textField, ReaderLimits.defaults(), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) {
        if (x.rejection() != null) throw new AssertionError(x.rejection().message());
        docs.add(x.document());
      }
    }
    return docs;
  }

  @Test
  void jsonlToParquetAndBackKeepsEveryDocument() throws Exception {
    Path out = dir.resolve("run");
    for (String codec : List.of("zstd", "snappy")) {
      Path run = out.resolve(codec);
      Pipeline p = new PipelineFile(io.winnow.pipeline.StepRegistry.builtIn()).parse("t.yaml",
          "input: {paths: ['" + Fixtures.path("filters-dev-300.jsonl.gz") + "']}\nsteps: [gopher_quality]\n"
              + "output: {path: '" + run + "', format: parquet, compression: " + codec + ", row_group_bytes: 1048576}\n");
      LocalEngine.Result r = new LocalEngine(p, false, false, null).run();
      List<Path> files;
      try (Stream<Path> s = Files.list(run.resolve("data"))) {
        files = s.sorted().toList();
      }
      assertThat(files).allMatch(f -> f.toString().endsWith(".parquet"));
      List<Document> back = new ArrayList<>();
      for (Path f : files) back.addAll(read(f, "id", "text"));
      assertThat(back).hasSize((int) r.stats().kept());
      assertThat(back.get(0).id()).isNotBlank();
      assertThat(back.get(0).text()).isNotBlank();
    }
  }

  /** The layout of published datasets: a nested metadata struct, a list, a large text column, other names. */
  @Test
  void readsAFileWrittenWithAnotherToolsConventions() throws Exception {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("content")
        .required(PrimitiveTypeName.INT64).named("doc_id")
        .optionalGroup()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("url")
            .optional(PrimitiveTypeName.DOUBLE).named("score")
            .optionalGroup().optional(PrimitiveTypeName.INT32).named("year").named("crawl")
            .named("metadata")
        .repeated(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("tags")
        .named("record");
    Path file = dir.resolve("dataset.parquet");
    String big = "word ".repeat(400_000); // a 2 MB text cell
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withRowGroupSize(1 << 20).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (int i = 0; i < 3; i++) {
        Group g = f.newGroup().append("content", i == 1 ? big : "document " + i).append("doc_id", 100L + i);
        Group meta = g.addGroup("metadata");
        meta.append("url", "https://example.org/" + i).append("score", 0.5 + i);
        meta.addGroup("crawl").append("year", 2024);
        g.append("tags", "a").append("tags", "b");
        w.write(g);
      }
    }
    List<Document> docs = read(file, "doc_id", "content");
    assertThat(docs).hasSize(3);
    assertThat(docs.get(0).id()).isEqualTo("100");
    assertThat(docs.get(1).text()).hasSize(big.length());
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) docs.get(2).metadata().get("metadata");
    assertThat(meta).containsEntry("url", "https://example.org/2").containsEntry("score", 2.5).containsEntry("crawl", Map.of("year", 2024));
    assertThat(docs.get(0).metadata().get("tags")).isEqualTo(List.of("a", "b"));
    assertThat(docs.get(0).provenance().location()).endsWith("dataset.parquet@1");
  }
}
