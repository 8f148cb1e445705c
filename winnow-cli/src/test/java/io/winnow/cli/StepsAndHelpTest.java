package io.winnow.cli;

import static io.winnow.cli.CliTest.winnow;
import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.engine.ProgressListener;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepType;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `steps NAME`, the command list of --help, and the progress line. */
class StepsAndHelpTest {
  @Test
  void stepsNameDescribesParametersDefaultsRangesAndReasonCodes() {
    CliTest.Result r = winnow("steps", "gopher_quality");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("min_doc_words\\s+integer\\s+\\[0, \\d+\\] or null\\s+50")
        .contains("gopher_short_doc").contains("gopher_enough_stop_words").contains("stop_words");
    CliTest.Result bad = winnow("steps", "gopher");
    assertThat(bad.exit()).isEqualTo(Winnow.FAILED);
    assertThat(bad.err()).contains("gopher_quality").contains("gopher_repetition");
  }

  @Test
  void everyStepTypeCanBeDescribed() {
    for (StepType t : StepRegistry.builtIn().all()) {
      CliTest.Result r = winnow("steps", t.name());
      assertThat(r.exit()).as(t.name() + ": " + r.err()).isZero();
      assertThat(r.out()).as(t.name()).startsWith(t.name() + " (").contains("parameters");
    }
  }

  @Test
  void helpListsEveryCommandSparkRunIncluded() {
    CliTest.Result r = winnow("--help");
    for (String name : Winnow.commandLine().getSubcommands().keySet()) assertThat(r.out()).as(name).contains("  " + name + " ");
    assertThat(r.out()).contains("spark-run").contains("report").contains("sample");
    CliTest.Result spark = winnow("spark-run", "p.yaml", "--master", "local[2]");
    assertThat(spark.exit()).isEqualTo(Winnow.FAILED);
    assertThat(spark.err()).contains("./winnow spark-run");
  }

  @Test
  void aProgressLineHasOneByteRateSayingCompressedAndOneDocumentRate() {
    StringWriter out = new StringWriter();
    ProgressListener p = Progress.create(Progress.Mode.lines, new PrintWriter(out), true);
    p.start("run", 2_000_000, 1, 0);
    p.bytes(1_000_000);
    p.records(500);
    p.shardDone("in.jsonl.gz");
    String line = out.toString().strip();
    assertThat(line).doesNotContain("\n").contains("500 docs").contains("of 2.0 MB compressed (50.0 %)");
    assertThat(line.split("docs/s", -1)).hasSize(2);
    assertThat(line.split("MB compressed/s", -1)).hasSize(2);
  }
}
