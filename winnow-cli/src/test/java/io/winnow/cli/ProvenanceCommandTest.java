package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `winnow provenance-index` and the README's example pipeline, on the shipped fixture. */
class ProvenanceCommandTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path REFERENCE = ROOT.resolve("examples/data/code-provenance/reference");
  @TempDir Path dir;

  @Test
  void theExampleIndexesTheFixtureAndDropsTheRewrittenGplFile() throws Exception {
    Path index = dir.resolve("code-provenance.idx");
    CliTest.Result built = CliTest.winnow("provenance-index", REFERENCE.resolve("linux").toString(), REFERENCE.resolve("newlib").toString(),
        "--license", REFERENCE.resolve("newlib") + "=BSD-3-Clause", "-o", index.toString());
    assertThat(built.exit()).as(built.err()).isZero();
    assertThat(built.out()).contains("5 files").contains("k=" + io.winnow.code.provenance.Winnower.DEFAULT_K + ", w=" + io.winnow.code.provenance.Winnower.DEFAULT_W + ", guarantee 31 tokens");
    assertThat(Files.exists(index)).isTrue();
    assertThat(Files.exists(dir.resolve("code-provenance.idx.sort"))).isFalse();

    String yaml = Files.readString(ROOT.resolve("examples/code-provenance.yaml"))
        .replace("examples/", ROOT.resolve("examples") + "/")
        .replace("index: runs/code-provenance.idx", "index: '" + index + "'")
        .replaceAll("path: runs/\\S+", "path: '" + dir.resolve("run") + "'");
    Files.writeString(dir.resolve("p.yaml"), yaml);
    CliTest.Result run = CliTest.winnow("run", dir.resolve("p.yaml").toString(), "--progress", "none");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("records 3 = kept 2 + dropped 1").contains("copy_of_licensed_code");
    CliTest.Result explain = CliTest.winnow("explain", "rewrite-of-gpl", "--run", dir.resolve("run").toString());
    assertThat(explain.out()).contains("provenance.copy_of_licensed_code").contains("source=linux/drivers/leds/trigger/ledtrig-heartbeat.c")
        .contains("license=GPL-2.0-only");
  }

  @Test
  void aLicenceForSomethingThatIsNotASourceIsAUsageError() {
    CliTest.Result r = CliTest.winnow("provenance-index", REFERENCE.resolve("linux").toString(), "--license", "elsewhere=MIT",
        "-o", dir.resolve("x.idx").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not one of the sources");
    CliTest.Result missing = CliTest.winnow("provenance-index", dir.resolve("nope").toString(), "-o", dir.resolve("y.idx").toString());
    assertThat(missing.exit()).isEqualTo(Winnow.FAILED);
    assertThat(missing.err()).contains("nope");
  }
}
