package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.report.diversity.Manifests;
import io.winnow.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diversity step capped by a dependency key, on real manifests: the shipped crate corpus (29 Rust crates from
 * Debian, Cargo.toml and the start of src/lib.rs, one repository each), the npm and Maven manifest fixtures, and
 * the POMs of the local Maven repository when there is one. The expected figures are computed here from the
 * manifests themselves, not written down.
 */
class DependencyCapTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CRATES = Path.of("../examples/data/code-crates.jsonl");
  @TempDir Path dir;

  private LocalEngine.Result run(Path in, String step, String out) throws IOException {
    String yaml = "input: {paths: ['" + in + "']}\nsteps: [" + step + "]\noutput: {path: '" + dir.resolve(out) + "', compression: none}\n";
    return new LocalEngine(new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", yaml), false, false, ProgressListener.NONE).run();
  }

  private static List<LogEntry> log(LocalEngine.Result r) throws IOException {
    List<LogEntry> log = new ArrayList<>();
    DecisionLogReader.forEach(r.runDir(), log::add);
    return log;
  }

  private static List<JsonNode> kept(LocalEngine.Result r) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(r.runDir().resolve("data"))) {
      for (Path f : files.sorted().toList()) for (String l : Files.readAllLines(f)) out.add(JSON.readTree(l));
    }
    return out;
  }

  private static List<JsonNode> read(Path jsonl) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(jsonl)) if (!l.isBlank()) out.add(JSON.readTree(l));
    return out;
  }

  private static JsonNode values(LogEntry e) {
    return e.raw().get("trail").get(0).get("values");
  }

  /** Project (repo or id) → its declared dependencies, for the manifest documents among {@code docs}. */
  private static Map<String, Set<String>> projects(List<JsonNode> docs, String projectField) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (JsonNode d : docs) {
      String path = d.path("path").asText();
      String file = path.substring(path.lastIndexOf('/') + 1);
      if (Manifests.ecosystem(file) == null) continue;
      Manifests.Declared m = Manifests.parse(file, d.get("text").asText());
      if (m.error() != null) continue;
      String project = projectField == null ? d.get("id").asText() : d.get(projectField).asText();
      out.computeIfAbsent(project, k -> new java.util.TreeSet<>()).addAll(m.dependencies());
    }
    return out;
  }

  private static long declaring(Map<String, Set<String>> projects, String dep) {
    return projects.values().stream().filter(s -> s.contains(dep)).count();
  }

  /** A corpus of one document per manifest file under a fixture folder: {@code path} relative to it. */
  private Path manifestCorpus(Path root, String name) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        if (Manifests.ecosystem(f.getFileName().toString()) == null) continue;
        String rel = root.relativize(f).toString();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", rel);
        doc.put("path", rel);
        doc.put("text", Files.readString(f));
        lines.add(JSON.writeValueAsString(doc));
      }
    }
    Path out = dir.resolve(name + ".jsonl");
    Files.write(out, lines);
    return out;
  }

  @Test
  void atMostAShareOfRustProjectsDependOnTokioAndCappedRepositoriesGoWithAllTheirFiles() throws IOException {
    List<JsonNode> input = read(CRATES);
    Map<String, Set<String>> before = projects(input, "repo");
    long tokioBefore = declaring(before, "tokio");
    assertThat(tokioBefore).as("the fixture is a corpus where tokio is over-represented").isGreaterThan(before.size() / 5);

    LocalEngine.Result r = run(CRATES, "{type: diversity, by: dependency, ecosystem: cargo, dependencies: [tokio], max_share: 0.2, project_field: repo}", "tokio");
    Map<String, Set<String>> after = projects(kept(r), "repo");
    long tokioAfter = declaring(after, "tokio");
    assertThat(tokioAfter).isLessThanOrEqualTo((long) Math.floor(0.2 * after.size()));
    // as few projects removed as the cap needs: one more tokio project would break it
    assertThat(tokioAfter + 1).isGreaterThan((long) Math.floor(0.2 * (after.size() + 1)));

    List<LogEntry> log = log(r);
    Map<String, List<LogEntry>> byRepo = new HashMap<>();
    for (LogEntry e : log) byRepo.computeIfAbsent(e.id().substring(0, e.id().indexOf('/')), k -> new ArrayList<>()).add(e);
    List<String> droppedRepos = new ArrayList<>();
    for (Map.Entry<String, List<LogEntry>> e : byRepo.entrySet()) {
      long dropped = e.getValue().stream().filter(x -> x.outcome() == Outcome.DROPPED).count();
      assertThat(dropped).as(e.getKey() + ": all files of a repository or none").isIn(0L, (long) e.getValue().size());
      if (dropped > 0) droppedRepos.add(e.getKey());
    }
    assertThat(droppedRepos).hasSize((int) (tokioBefore - tokioAfter));
    for (String repo : droppedRepos) assertThat(before.get(repo)).contains("tokio");
    LogEntry first = log.stream().filter(e -> e.outcome() == Outcome.DROPPED).findFirst().orElseThrow();
    assertThat(first.reason()).isEqualTo("diversity.over_dependency_cap");
    JsonNode v = values(first);
    assertThat(v.get("dependency").asText()).isEqualTo("tokio");
    assertThat(v.get("ecosystem").asText()).isEqualTo("cargo");
    assertThat(v.get("share_before").asDouble()).isCloseTo(tokioBefore / (double) before.size(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(v.get("share_after").asDouble()).isCloseTo(tokioAfter / (double) after.size(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(v.get("max_share").asDouble()).isEqualTo(0.2);
    assertThat(v.get("keeper").asText()).isEqualTo("first");

    // keeper first: the tokio crates kept are the first ones in input order (manifests in file order)
    List<String> tokioInOrder = input.stream().filter(d -> d.get("path").asText().equals("Cargo.toml"))
        .map(d -> d.get("repo").asText()).filter(repo -> before.get(repo).contains("tokio")).toList();
    assertThat(tokioInOrder.subList(0, (int) tokioAfter)).doesNotContainAnyElementsOf(droppedRepos);

    JsonNode fit = JSON.readTree(r.runDir().resolve("stats.json").toFile()).at("/corpus_steps/diversity");
    JsonNode cargo = fit.at("/ecosystems/cargo");
    assertThat(cargo.at("/capped/tokio/projects_before").asLong()).isEqualTo(tokioBefore);
    assertThat(cargo.at("/capped/tokio/projects_after").asLong()).isEqualTo(tokioAfter);
    assertThat(cargo.at("/distribution_before/top_share/tokio").asDouble()).isEqualTo(tokioBefore / (double) before.size());
    assertThat(cargo.at("/distribution_after/projects").asLong()).isEqualTo(after.size());
    assertThat(cargo.at("/distribution_after/hhi").isNumber()).isTrue();
  }

  @Test
  void everyLibraryAboveTheShareIsCappedAndTheCapHoldsForEachOnNpmManifests() throws IOException {
    Path corpus = manifestCorpus(Fixtures.path("manifests/npm"), "npm");
    assertCapHoldsForEveryDependency(corpus, 0.2);
  }

  @Test
  void everyLibraryAboveTheShareIsCappedOnMavenPoms() throws IOException {
    Path corpus = manifestCorpus(Fixtures.path("manifests/maven"), "maven");
    assertCapHoldsForEveryDependency(corpus, 0.1);
  }

  @Test
  void theCapHoldsOnTheLocalMavenRepository() throws IOException {
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(m2), "skipped: no local Maven repository at " + m2);
    List<String> lines = new ArrayList<>();
    try (Stream<Path> s = Files.walk(m2)) {
      for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".pom")).sorted().limit(3000).toList()) {
        lines.add(JSON.writeValueAsString(Map.of("id", m2.relativize(f).toString(), "path", f.getFileName().toString(), "text", Files.readString(f))));
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(lines.size() >= 100, "skipped: fewer than 100 POMs in " + m2);
    Path corpus = dir.resolve("m2.jsonl");
    Files.write(corpus, lines);
    assertCapHoldsForEveryDependency(corpus, 0.05);
  }

  private void assertCapHoldsForEveryDependency(Path corpus, double maxShare) throws IOException {
    List<JsonNode> input = read(corpus);
    Map<String, Set<String>> before = projects(input, null);
    String step = "{type: diversity, by: dependency, max_share: " + maxShare + "}";
    LocalEngine.Result r = run(corpus, step, "all");
    Map<String, Set<String>> after = projects(kept(r), null);
    Map<String, Long> counts = new TreeMap<>();
    for (Set<String> deps : after.values()) for (String d : deps) counts.merge(d, 1L, Long::sum);
    long allowed = Math.max(1, (long) Math.floor(maxShare * after.size() + 1e-9));
    assertThat(counts).allSatisfy((dep, n) -> assertThat(n).as(dep).isLessThanOrEqualTo(allowed));
    List<LogEntry> dropped = log(r).stream().filter(e -> e.outcome() == Outcome.DROPPED).toList();
    assertThat(dropped).as("some library was over the share").isNotEmpty();
    for (LogEntry e : dropped) {
      JsonNode v = values(e);
      assertThat(before.get(e.id())).as(e.id()).contains(v.get("dependency").asText());
      assertThat(v.get("projects_before").asLong()).isGreaterThan(v.get("projects_after").asLong());
      if (v.get("projects_after").asLong() > 1) assertThat(v.get("share_after").asDouble()).isLessThanOrEqualTo(maxShare);
      assertThat(v.get("share_after").asDouble()).isLessThanOrEqualTo(maxShare);
    }
    // deterministic: the same input gives the same decisions
    LocalEngine.Result again = run(corpus, step, "again");
    assertThat(log(again).stream().map(LogEntry::raw).toList()).isEqualTo(log(r).stream().map(LogEntry::raw).toList());
  }

  @Test
  void theKeeperRuleDecidesWhichProjectsStay() throws IOException {
    LocalEngine.Result r = run(CRATES, "{type: diversity, by: dependency, dependencies: [tokio], max_share: 0.2, project_field: repo, keeper: longest}", "longest");
    List<JsonNode> input = read(CRATES);
    Map<String, Set<String>> before = projects(input, "repo");
    Set<String> keptRepos = projects(kept(r), "repo").keySet();
    // a project ranks by its longest manifest
    Map<String, Integer> length = new HashMap<>();
    for (JsonNode d : input) if (d.get("path").asText().equals("Cargo.toml")) length.put(d.get("repo").asText(), d.get("text").asText().length());
    int shortestKept = Integer.MAX_VALUE;
    int longestDropped = 0;
    for (String repo : before.keySet()) {
      if (!before.get(repo).contains("tokio")) continue;
      if (keptRepos.contains(repo)) shortestKept = Math.min(shortestKept, length.get(repo));
      else longestDropped = Math.max(longestDropped, length.get(repo));
    }
    assertThat(longestDropped).isPositive();
    assertThat(shortestKept).isGreaterThanOrEqualTo(longestDropped);
  }

  @Test
  void theDecisionDoesNotDependOnTheOrderManifestsArriveIn() {
    DependencyCap.Config c = new DependencyCap.Config(0.3, null, List.of(), "path", null, KeeperRule.parse("first"));
    List<DependencyCap.Manifest> ms = new ArrayList<>();
    Random r = new Random(13);
    String[] libs = {"a", "b", "c", "d", "e", "f"};
    for (int i = 0; i < 200; i++) {
      List<String> deps = new ArrayList<>();
      for (String l : libs) if (r.nextDouble() < (l.charAt(0) - 'a' + 1) / 8.0) deps.add(l);
      // every project has two manifests in different shards (a repository with a Cargo.toml and a package.json)
      ms.add(new DependencyCap.Manifest(i, i % 3, i, 0, "p" + i, "p" + i, i % 2 == 0 ? "cargo" : "npm", null, deps.toArray(new String[0])));
      ms.add(new DependencyCap.Manifest(i, 3, i, 0, "p" + i + "b", "p" + i, "cargo", null, new String[] {libs[i % 6]}));
    }
    DependencyCap.Result a = DependencyCap.decide(c, ms);
    Collections.shuffle(ms, new Random(2));
    DependencyCap.Result b = DependencyCap.decide(c, ms);
    assertThat(b.stats()).isEqualTo(a.stats());
    assertThat(b.capped().stream().map(DependencyCap.Capped::project).toList()).isEqualTo(a.capped().stream().map(DependencyCap.Capped::project).toList());
    assertThat(a.capped()).isNotEmpty();
  }

  @Test
  void badConfigurationsAreRejectedWithTheKeyNamed() {
    PipelineFile pf = new PipelineFile(StepRegistry.builtIn());
    assertThatThrownBy(() -> pf.parse("t.yaml", "input: {paths: [x]}\nsteps: [{type: diversity, by: dependency}]\noutput: {path: o}\n"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("max_share");
    assertThatThrownBy(() -> pf.parse("t.yaml", "input: {paths: [x]}\nsteps: [{type: diversity, by: dependency, max_share: 0.1, bands: 8}]\noutput: {path: o}\n"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("bands");
    assertThatThrownBy(() -> pf.parse("t.yaml", "input: {paths: [x]}\nsteps: [{type: diversity, by: dependency, max_share: 0.1, ecosystem: rust}]\noutput: {path: o}\n"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("ecosystem");
  }
}
