package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Verdict;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document a step cannot hold in memory is set aside with its own reason, and the run goes on. */
class DocumentBoundsEngineTest {
  @TempDir Path dir;

  private static StepRegistry registry() {
    StepRegistry r = StepRegistry.builtIn();
    r.register(StepType.document("greedy", "test: runs out of memory on the document 'huge'", p -> {
      p.finish();
      return () -> doc -> {
        if (doc.id().equals("huge")) {
          long[][] hog = new long[1 << 20][];
          for (int i = 0; i < hog.length; i++) hog[i] = new long[1 << 20];
        }
        return Verdict.keep();
      };
    }));
    return r;
  }

  @Test
  void outOfMemoryOnOneDocumentRejectsOnlyThatDocument() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.jsonl"),
        "{\"id\":\"before\",\"text\":\"x\"}\n{\"id\":\"huge\",\"text\":\"y\"}\n{\"id\":\"after\",\"text\":\"z\"}\n");
    String yaml = "input: {paths: ['" + in + "']}\nsteps: [greedy]\noutput: {path: '" + dir.resolve("out") + "'}\n"
        + "run: {workers: 1}\n";
    Pipeline p = new PipelineFile(registry()).parse("t.yaml", yaml);
    LocalEngine.Result r = new LocalEngine(p, false, false, ProgressListener.NONE).run();

    assertThat(r.stats().kept()).isEqualTo(2);
    assertThat(r.stats().rejected()).isEqualTo(1);
    List<LogEntry> log = new ArrayList<>();
    DecisionLogReader.forEach(r.runDir(), log::add);
    LogEntry huge = log.stream().filter(e -> e.outcome() == Outcome.REJECTED).findFirst().orElseThrow();
    assertThat(huge.id()).isEqualTo("huge");
    assertThat(huge.reason()).isEqualTo("input.too_large_for_memory");
    assertThat(huge.raw().toString()).contains("greedy");
  }
}
