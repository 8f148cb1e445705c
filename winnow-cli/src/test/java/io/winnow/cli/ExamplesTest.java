package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.log.DecisionLogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The pipelines of examples/ run as shipped (paths made absolute), and account for every record. */
class ExamplesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"web-quality.yaml", "commoncrawl.yaml", "decontaminate.yaml", "to-parquet.yaml", "slop.yaml", "rebalance.yaml", "code-licenses.yaml", "extract.yaml", "report.yaml"})
  void exampleRunsAndAccountsForEveryRecord(String name) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String yaml = Files.readString(root.resolve("examples").resolve(name))
        .replace("examples/", root.resolve("examples") + "/")
        .replaceAll("path: runs/\\S+", "path: '" + dir.resolve("run") + "'");
    Path pipeline = dir.resolve(name);
    Files.writeString(pipeline, yaml);
    CliTest.Result r = CliTest.winnow("run", pipeline.toString(), "--progress", "none");
    assertThat(r.exit()).as(r.err()).isZero();
    AtomicLong logged = new AtomicLong();
    DecisionLogReader.forEach(dir.resolve("run"), e -> logged.incrementAndGet());
    String records = r.out().replaceAll("(?s).*records ([0-9,]+) = .*", "$1").replace(",", "");
    assertThat(logged.get()).isEqualTo(Long.parseLong(records)).isPositive();
    // and every example run has its report
    CliTest.Result report = CliTest.winnow("report", dir.resolve("run").toString(), "-o", dir.resolve("report.html").toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("data-chart=\"funnel\"");
  }

  @org.junit.jupiter.api.Test
  void parquetWrittenByOneExampleIsReadByTheOther() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path written = dir.resolve("to");
    Path read = dir.resolve("from");
    Files.writeString(dir.resolve("to.yaml"), Files.readString(root.resolve("examples/to-parquet.yaml"))
        .replace("examples/", root.resolve("examples") + "/").replace("path: runs/to-parquet", "path: '" + written + "'"));
    Files.writeString(dir.resolve("from.yaml"), Files.readString(root.resolve("examples/from-parquet.yaml"))
        .replace("runs/to-parquet/data", written.resolve("data").toString()).replace("path: runs/from-parquet", "path: '" + read + "'"));
    CliTest.Result to = CliTest.winnow("run", dir.resolve("to.yaml").toString(), "--progress", "none");
    assertThat(to.exit()).as(to.err()).isZero();
    CliTest.Result from = CliTest.winnow("run", dir.resolve("from.yaml").toString(), "--progress", "none");
    assertThat(from.exit()).as(from.err()).isZero();
    String kept = to.out().replaceAll("(?s).*= kept ([0-9,]+) .*", "$1");
    assertThat(from.out()).contains("records " + kept + " =");
  }
}
