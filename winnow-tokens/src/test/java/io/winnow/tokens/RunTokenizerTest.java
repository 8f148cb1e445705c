package io.winnow.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.engine.LocalEngine;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run.tokenizer} naming a tokenizer.json: the statistics count its tokens, and a bad name fails at parse time. */
class RunTokenizerTest {
  @TempDir Path dir;

  private Pipeline pipeline(String tokenizer, Path out) {
    return new PipelineFile(StepRegistry.builtIn()).parse("t.yaml",
        "input: {paths: ['" + ShippedSample.SAMPLE.toAbsolutePath() + "']}\n"
            + "steps: [gopher_quality]\n"
            + "run: {workers: 2, tokenizer: '" + tokenizer + "'}\n"
            + "output: {path: '" + out + "'}\n");
  }

  @Test
  void statisticsCountTheFilesTokens() throws Exception {
    Path tokenizer = ShippedSample.METASPACE.toAbsolutePath();
    LocalEngine.Result r = new LocalEngine(pipeline(tokenizer.toString(), dir.resolve("run")), false, false, null).run();
    HuggingFaceTokens t = HuggingFaceTokens.open(tokenizer);
    long expected = ShippedSample.texts().stream().mapToLong(t::count).sum();
    assertThat(r.stats().tokensIn()).isEqualTo(expected);
    long kept = 0;
    for (Path f : io.winnow.io.InputFiles.expand(java.util.List.of(dir.resolve("run/data").toString()))) {
      try (io.winnow.io.DocumentReader in = io.winnow.io.DocumentReaders.open(f, "jsonl", "id", "text",
          io.winnow.io.ReaderLimits.defaults(), b -> {})) {
        for (io.winnow.io.ReadResult rr; (rr = in.next()) != null; ) kept += t.count(rr.document().text());
      }
    }
    assertThat(r.stats().tokensOut()).isEqualTo(kept).isLessThan(expected); // gopher_quality drops some
  }

  @Test
  void anEditedTokenizerFileChangesTheRunsFingerprint() throws Exception {
    Path copy = Files.copy(ShippedSample.BYTE_LEVEL, dir.resolve("tokenizer.json"));
    String before = pipeline(copy.toString(), dir.resolve("a")).fingerprint();
    Files.writeString(copy, Files.readString(copy).replace("\"dropout\":null", "\"dropout\":null "));
    assertThat(pipeline(copy.toString(), dir.resolve("a")).fingerprint()).isNotEqualTo(before);
  }

  @Test
  void aMissingFileFailsWhenTheFileIsParsed() {
    assertThatThrownBy(() -> pipeline(dir.resolve("nope.json").toString(), dir.resolve("b")))
        .isInstanceOf(PipelineException.class).hasMessageContaining("tokenizer").hasMessageContaining("nope.json");
  }
}
