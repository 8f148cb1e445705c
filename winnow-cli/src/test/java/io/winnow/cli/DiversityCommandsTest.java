package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `winnow diversity` and `winnow compare` as a user runs them, on the real web pages shipped in examples/. */
class DiversityCommandsTest {
  private static final Path WEB = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz");

  @TempDir Path dir;

  private static List<String> lines(Path gz) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) if (!l.isBlank()) out.add(l);
    }
    return out;
  }

  @Test
  void diversityPrintsTheTableAndWritesJson() throws IOException {
    Path json = dir.resolve("profile.json");
    CliTest.Result r = CliTest.winnow("diversity", WEB.toString(), "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("unigram entropy").contains("near-duplicate rate").contains("distinct-4");
    JsonNode profile = new ObjectMapper().readTree(json.toFile());
    assertThat(profile.toString()).contains("200");
  }

  @Test
  void compareIsSilentBetweenHalvesAndFailsOnACorpusThatRepeatsItself() throws IOException {
    List<String> docs = lines(WEB);
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    List<String> even = new ArrayList<>(), odd = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) (i % 2 == 0 ? even : odd).add(docs.get(i));
    Files.write(a, even);
    Files.write(b, odd);
    CliTest.Result halves = CliTest.winnow("compare", a.toString(), b.toString(), "--fail-on", "near_dup,distinct_4,slop_per_1k");
    assertThat(halves.exit()).as(halves.out() + halves.err()).isZero();
    assertThat(halves.out()).contains("no verdict").doesNotContain("verdict [");

    // the second generation: the first half, and the first half again with new ids (a model's copies of its data)
    List<String> repeated = new ArrayList<>(even);
    ObjectMapper m = new ObjectMapper();
    for (String line : even) {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(line);
      node.put("id", node.path("id").asText() + "-copy");
      repeated.add(m.writeValueAsString(node));
    }
    Path c = dir.resolve("c.jsonl");
    Files.write(c, repeated);
    CliTest.Result collapsed = CliTest.winnow("compare", a.toString(), c.toString(), "--fail-on", "near_dup,distinct_4,slop_per_1k");
    assertThat(collapsed.exit()).as(collapsed.out() + collapsed.err()).isEqualTo(3);
    assertThat(collapsed.out()).contains("verdict [2] near-duplicate rate");
  }

  @Test
  void compareManifestsFailsWhenOneLibrarySpreads() throws IOException {
    Path fixtures = Path.of("../winnow-core/src/test/resources/fixtures/manifests/npm");
    Path later = dir.resolve("later");
    for (int i = 0; i < 24; i++) {
      Path project = Files.createDirectories(later.resolve("app-" + i));
      Files.writeString(project.resolve("package.json"), "{\"dependencies\":{\"lodash\":\"^4\"}}");
    }
    CliTest.Result same = CliTest.winnow("compare", "--manifests", fixtures.toString(), fixtures.toString(), "--fail-on", "dependencies");
    assertThat(same.exit()).as(same.out() + same.err()).isZero();
    assertThat(same.out()).contains("no verdict");
    CliTest.Result spread = CliTest.winnow("compare", "--manifests", fixtures.toString(), later.toString(), "--fail-on", "dependencies");
    assertThat(spread.exit()).as(spread.out() + spread.err()).isEqualTo(3);
    assertThat(spread.out()).contains("verdict [2] npm: lodash in 100 % of projects (was 0 %, lift new)");
  }
}
