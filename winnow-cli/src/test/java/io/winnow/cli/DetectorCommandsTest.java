package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-detector and eval-detector from the command line, on the real human/machine pairs shipped as a fixture. */
class DetectorCommandsTest {
  @TempDir Path dir;

  @Test
  void trainThenScoreHeldOutAndHumanOnlyText() throws IOException {
    Path pairs = Fixtures.path("slop-pairs.jsonl");
    Path model = dir.resolve("detector.bin");
    CliTest.Result train = CliTest.winnow("train-detector", "--data", pairs.toString(), "--epochs", "4", "--hash-bits", "12",
        "--hold-out", "generator=gpt-4", "--name", "cli-test", "-o", model.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("model cli-test@").contains("drop threshold").contains("FPR@drop");
    assertThat(model).isRegularFile();

    // the texts it was trained on are told apart from the one generator it never saw
    CliTest.Result all = CliTest.winnow("eval-detector", "--model", model.toString(), "--data", pairs.toString());
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out()).contains("training data (the model saw these texts: training figures)")
        .contains("held out (texts the model did not see)").contains("generator gpt-4").contains("AUROC").doesNotContain("NaN");
    CliTest.Result held = CliTest.winnow("eval-detector", "--model", model.toString(), "--data", pairs.toString(), "--hold-out", "generator=gpt-4");
    assertThat(held.out()).contains("held out (texts the model did not see)").doesNotContain("training data");

    CliTest.Result mix = CliTest.winnow("eval-detector", "--model", model.toString(), "--data", pairs.toString(), "--hold-out", "generator=gpt-4",
        "--human", pairs.toString(), "--mixtures", "0,0.5", "--mixture-size", "20");
    assertThat(mix.exit()).as(mix.err()).isZero();
    assertThat(mix.out()).contains("coverage").contains("0.50");

    Path human = dir.resolve("human.jsonl");
    Files.writeString(human, "{\"text\":\"The council met on Tuesday evening to discuss the repairs to the old bridge over the river, "
        + "which has been closed to lorries since the floods of last winter. Residents asked when the work would start, and the "
        + "engineer said that the contract would be signed in the spring.\"}\n");
    CliTest.Result fpr = CliTest.winnow("eval-detector", "--model", "builtin", "--human", human.toString());
    assertThat(fpr.exit()).as(fpr.err()).isZero();
    assertThat(fpr.out()).contains("documents 1, scored 1").contains("estimated machine share");
  }

  @Test
  void crossValidationOnTheSharedData() {
    Path data = SharedData.require("data/ai-text/fast-detect-gpt/exp_gpt3to4");
    CliTest.Result r = CliTest.winnow("eval-detector", "--data", data.toString(), "--hash-bits", "14", "--epochs", "6");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("leave-one-generator-out").contains("leave-one-domain-out").contains("mean AUROC");
  }

  @Test
  void missingArgumentsAreUsageErrors() {
    CliTest.Result r = CliTest.winnow("eval-detector", "--human", "x.jsonl");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--model");
    CliTest.Result bad = CliTest.winnow("train-detector", "--data", dir.resolve("none").toString(), "-o", dir.resolve("m").toString());
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("none");
  }
}
