package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow licenses} on the shipped checkouts (examples/code), from a run and from the folders themselves. */
class LicensesCommandTest {
  @TempDir Path dir;

  @Test
  void theRunAndTheFoldersGiveTheSameRepositoryFigures() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String yaml = Files.readString(root.resolve("examples/code-licenses.yaml"))
        .replace("examples/", root.resolve("examples") + "/")
        .replaceAll("path: runs/\\S+", "path: '" + dir.resolve("run") + "'");
    Files.writeString(dir.resolve("p.yaml"), yaml);
    CliTest.Result run = CliTest.winnow("run", dir.resolve("p.yaml").toString(), "--progress", "none");
    assertThat(run.exit()).as(run.err()).isZero();

    CliTest.Result fromRun = CliTest.winnow("licenses", dir.resolve("run").toString(), "--json", "-");
    assertThat(fromRun.exit()).as(fromRun.err()).isZero();
    JsonNode repos = new ObjectMapper().readTree(fromRun.out()).get("repositories");
    assertThat(repos).hasSize(2);
    JsonNode py = repos.get(1);
    assertThat(py.get("repo").asText()).isEqualTo("py-compat");
    assertThat(py.get("repo_license").asText()).isEqualTo("MIT");
    assertThat(py.get("issues").get("copyleft_in_permissive_repo").asLong()).isEqualTo(1);
    assertThat(py.get("issues").get("header_contradicts_file").asLong()).isEqualTo(1);
    JsonNode kernel = repos.get(0);
    assertThat(kernel.get("repo_license").asText()).isEqualTo("GPL-2.0-only");
    assertThat(kernel.get("copyleft_share").asDouble()).isEqualTo(1.0);

    CliTest.Result fromFolder = CliTest.winnow("licenses", root.resolve("examples/code/kernel-uapi").toString(), "--json", "-");
    assertThat(fromFolder.exit()).as(fromFolder.err()).isZero();
    JsonNode k2 = new ObjectMapper().readTree(fromFolder.out()).get("repositories").get(0);
    assertThat(k2.get("repo_license")).isEqualTo(kernel.get("repo_license"));
    assertThat(k2.get("declared")).isEqualTo(kernel.get("declared"));
    assertThat(k2.get("detected")).isEqualTo(kernel.get("detected"));
  }
}
