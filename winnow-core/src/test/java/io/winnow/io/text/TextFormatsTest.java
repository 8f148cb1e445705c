package io.winnow.io.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.engine.LocalEngine;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatsTest {
  static final Path DATA = Path.of("../examples/data");
  @TempDir Path dir;

  static List<ReadResult> read(Path file, String format) throws IOException {
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, format, "id", "text", ReaderLimits.defaults(), b -> {})) {
      for (ReadResult rr; (rr = r.next()) != null; ) out.add(rr);
    }
    return out;
  }

  static List<Document> docs(List<ReadResult> results) {
    return results.stream().map(ReadResult::document).filter(d -> d != null).toList();
  }

  @Test
  void aTextFileIsOneDocument() throws IOException {
    Path f = DATA.resolve("text/ReviewingGuidelines.txt");
    assertThat(InputFiles.formatOf(f)).isEqualTo("text");
    List<Document> d = docs(read(f, "text"));
    assertThat(d).hasSize(1);
    assertThat(d.get(0).text()).isEqualTo(Files.readString(f));
    assertThat(d.get(0).id()).isEqualTo(f.toString());
    assertThat(d.get(0).metadata()).containsEntry("charset", "UTF-8");
  }

  @Test
  void paragraphsAreSplitAtBlankLinesAndKnowTheirLine() throws IOException {
    Path f = DATA.resolve("text/ReviewingGuidelines.txt");
    List<String> lines = Files.readAllLines(f);
    List<Document> d = docs(read(f, "paragraphs"));
    long expected = 0;
    for (int i = 0; i < lines.size(); i++) if (!lines.get(i).isBlank() && (i == 0 || lines.get(i - 1).isBlank())) expected++;
    assertThat(d).hasSize((int) expected);
    for (Document p : d) {
      int line = (Integer) p.metadata().get("line");
      assertThat(p.id()).isEqualTo(f + ":" + line);
      assertThat(p.text()).startsWith(lines.get(line - 1)).doesNotContain("\n\n");
    }
  }

  @Test
  void textInALegacyCharsetIsDecodedAndNulBytesAreRefused() throws IOException {
    Path latin = Files.write(dir.resolve("latin.txt"), "Déjà vu, naïve façade — crème brûlée.".getBytes("windows-1252"));
    assertThat(docs(read(latin, "text")).get(0).text()).isEqualTo("Déjà vu, naïve façade ? crème brûlée.".replace('?', '\u2014'));
    Path binary = Files.write(dir.resolve("x.txt"), new byte[] {'a', 0, 'b'});
    ReadResult r = read(binary, "text").get(0);
    assertThat(r.rejection().reason().code()).isEqualTo("input.binary");
    assertThat(r.rejection().message()).contains(binary.toString());
  }

  @Test
  void csvAndTsvRowsKeepQuotedLineBreaksAndOtherColumns() throws IOException {
    List<JsonNode> jsonl = new ArrayList<>();
    for (String l : Files.readAllLines(DATA.resolve("gsm8k-test-30.jsonl"))) jsonl.add(new ObjectMapper().readTree(l));
    for (String format : List.of("csv", "tsv")) {
      Path f = DATA.resolve("tables/gsm8k-test-30." + format);
      assertThat(InputFiles.formatOf(f)).isEqualTo(format);
      List<ReadResult> rr = new ArrayList<>();
      try (DocumentReader r = DocumentReaders.open(f, format, "id", "answer", ReaderLimits.defaults(), b -> {})) {
        for (ReadResult x; (x = r.next()) != null; ) rr.add(x);
      }
      List<Document> d = docs(rr);
      assertThat(d).hasSize(30);
      for (int i = 0; i < 30; i++) {
        assertThat(d.get(i).id()).isEqualTo("gsm8k-test-" + i);
        assertThat(d.get(i).text()).isEqualTo(jsonl.get(i).path("answer").asText());
        assertThat(d.get(i).metadata()).containsEntry("question", jsonl.get(i).path("question").asText());
      }
      assertThat(d.get(0).text()).contains("\n");
    }
  }

  @Test
  void badTablesAreRejectedByRowAndTheRestIsKept() throws IOException {
    Path f = Files.writeString(dir.resolve("t.csv"), "id,text\na,first\nb,\nc,one,too many\nd,\"last, quoted\"\n");
    List<ReadResult> rr = read(f, "csv");
    assertThat(docs(rr)).extracting(Document::text).containsExactly("first", "last, quoted");
    assertThat(rr.stream().filter(r -> r.rejection() != null).map(r -> r.rejection().message()))
        .containsExactly(f + ":3: input.missing_text: the row's 'text' is empty",
            f + ":4: input.corrupt: the row has 3 fields, the header 2");
    Path noText = Files.writeString(dir.resolve("n.csv"), "id,body\na,x\n");
    assertThat(read(noText, "csv")).singleElement().satisfies(r ->
        assertThat(r.rejection().message()).contains("no column 'text'").contains("columns: id, body"));
  }

  @Test
  void anOversizedRowIsRejectedAndTheNextRowIsRead() throws IOException {
    Path f = Files.writeString(dir.resolve("big.csv"),
        "id,text,note\na,\"" + "x".repeat(300) + "\"," + "y".repeat(300) + "\nb,small,z\n");
    List<ReadResult> out = new ArrayList<>();
    ReaderLimits limits = new ReaderLimits(100, ReaderLimits.defaults().selection());
    try (DocumentReader r = DocumentReaders.open(f, "csv", "id", "text", limits, b -> {})) {
      for (ReadResult rr; (rr = r.next()) != null; ) out.add(rr);
    }
    assertThat(out.get(0).rejection().message()).startsWith(f + ":2: input.too_large");
    assertThat(docs(out)).extracting(Document::text).containsExactly("small");
  }

  @Test
  void htmlPagesGoThroughExtract() throws IOException {
    Path out = dir.resolve("run");
    var p = new PipelineFile(StepRegistry.builtIn()).parse("h.yaml",
        "input: {paths: ['" + DATA.resolve("html").toAbsolutePath() + "/*.html.gz']}\n"
            + "steps: [extract]\noutput: {path: '" + out + "'}\n");
    LocalEngine.Result r = new LocalEngine(p, false, false, null).run();
    assertThat(r.stats().records()).isEqualTo(2);
    assertThat(r.stats().kept()).isEqualTo(2);
    String data = readAll(out.resolve("data"));
    assertThat(data).doesNotContain("<div").contains("tmux");
  }

  @Test
  void readOnlyFormatsCannotBeOutputAndUnknownNamesFailInPlanning() throws IOException {
    assertThatThrownBy(() -> new PipelineFile(StepRegistry.builtIn()).parse("o.yaml",
        "input: {paths: ['x']}\nsteps: [c4]\noutput: {path: '" + dir + "', format: csv}\n"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("format");
    Path odd = Files.writeString(dir.resolve("notes.unknown"), "x");
    assertThatThrownBy(() -> InputFiles.resolveFormat(odd, "auto")).hasMessageContaining("notes.unknown")
        .hasMessageContaining("paragraphs").hasMessageContaining("csv");
  }

  @Test
  void sharedPagesReadAsHtmlFiles() throws IOException {
    Path pages = SharedData.require("data/html/trafilatura-eval/pages");
    List<Path> files;
    try (Stream<Path> s = Files.list(pages)) {
      files = s.sorted().limit(50).toList();
    }
    int docs = 0;
    for (Path f : files) {
      List<Document> d = docs(read(f, "html"));
      assertThat(d).as(f.toString()).hasSize(1);
      assertThat(d.get(0).text().toLowerCase()).contains("<html");
      docs++;
    }
    assertThat(docs).isEqualTo(50);
  }

  private static String readAll(Path folder) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path f : InputFiles.expand(List.of(folder.toString()))) {
      try (DocumentReader r = DocumentReaders.open(f, "jsonl", "id", "text", ReaderLimits.defaults(), b -> {})) {
        for (ReadResult x; (x = r.next()) != null; ) sb.append(x.document().text());
      }
    }
    return sb.toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
