package io.winnow.refilter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.StepRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What refilter says when it cannot do what is asked: each error names the run, file or parameter at fault. */
class RefilterErrorsTest {
  @TempDir static Path tmp;
  private static Path annotated;

  @BeforeAll
  static void annotatedRun() throws IOException {
    annotated = FineWebRuns.run(FineWebRuns.FIXTURE, Map.of(), true, tmp.resolve("annotated"));
  }

  private static Refilter refilter(Path run, String... settings) throws IOException {
    return new Refilter(run, java.util.Arrays.stream(settings).map(Refilter.Setting::parse).toList(), StepRegistry.builtIn());
  }

  @Test
  void aRunThatRecordedNoFiguresNamesTheStepAndTheFix() throws IOException {
    Path plain = FineWebRuns.run(FineWebRuns.FIXTURE, Map.of(), false, tmp.resolve("plain"));
    assertThatThrownBy(() -> refilter(plain, "gopher_quality.min_doc_words=10"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("gopher_quality").hasMessageContaining("annotate: true");
  }

  @Test
  void aFolderThatIsNoRunIsNamed() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("not-a-run"));
    assertThatThrownBy(() -> refilter(empty)).isInstanceOf(IOException.class).hasMessageContaining(empty.toString());
  }

  @Test
  void anUnknownParameterOrStepIsNamed() {
    assertThatThrownBy(() -> refilter(annotated, "gopher_quality.min_doc_wordz=10"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("min_doc_wordz");
    assertThatThrownBy(() -> refilter(annotated, "gopher_qualiti.min_doc_words=10"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("gopher_qualiti").hasMessageContaining("gopher_quality");
    assertThatThrownBy(() -> Refilter.Setting.parse("min_doc_words=10")).hasMessageContaining("min_doc_words=10");
  }

  @Test
  void aTruncatedDecisionLogIsNamed() throws IOException {
    Path cut = copy(annotated, tmp.resolve("cut"));
    Path log = io.winnow.log.DecisionLogReader.files(cut).get(0);
    byte[] b = Files.readAllBytes(log);
    Files.write(log, java.util.Arrays.copyOf(b, b.length / 2));
    assertThatThrownBy(() -> refilter(cut, "quality.threshold=0.7").writeRun(tmp.resolve("cut-out")))
        .isInstanceOf(IOException.class).hasMessageContaining(log.toString()).hasMessageContaining("truncated");
    assertThatThrownBy(() -> refilter(cut, "quality.threshold=0.7").count())
        .isInstanceOf(IOException.class).hasMessageContaining(log.toString());
  }

  @Test
  void aLogLineCutShortIsNamedWithItsLineNumber() throws IOException {
    Path cut = copy(annotated, tmp.resolve("cut-line"));
    Path log = io.winnow.log.DecisionLogReader.files(cut).get(0);
    List<String> lines = readLines(log);
    String last = lines.get(lines.size() - 1);
    lines.set(lines.size() - 1, last.substring(0, last.length() / 2));
    Path plainLog = log.resolveSibling(log.getFileName().toString().replace(".zst", ""));
    Files.delete(log);
    Files.write(plainLog, lines);
    assertThatThrownBy(() -> refilter(cut, "quality.threshold=0.7").count())
        .isInstanceOf(IOException.class).hasMessageContaining(plainLog + ":" + lines.size());
  }

  private static List<String> readLines(Path zst) throws IOException {
    try (var in = io.winnow.io.Compression.forName(zst.toString()).decompress(Files.newInputStream(zst))) {
      return new java.util.ArrayList<>(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(q);
        else Files.copy(p, q);
      }
    }
    return to;
  }
}
