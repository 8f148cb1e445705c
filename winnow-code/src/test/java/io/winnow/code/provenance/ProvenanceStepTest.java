package io.winnow.code.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.PipelineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step on the shipped fixture: real kernel (GPL-2.0, MIT) and newlib (BSD) files, and rewrites of two. */
class ProvenanceStepTest {
  static final Path FIXTURE = Path.of("../examples/data/code-provenance").toAbsolutePath().normalize();
  @TempDir static Path dir;
  static Path index;

  @BeforeAll
  static void buildIndex() throws IOException {
    index = dir.resolve("fixture.idx");
    ReferenceCorpus corpus = new ReferenceCorpus(1 << 20);
    try (ProvenanceIndexBuilder b = new ProvenanceIndexBuilder(IndexParameters.defaults(), dir.resolve("sort"), 1 << 20)) {
      ReferenceCorpus.Sink add = f -> b.add(f.path(), f.license(), f.text(), f.language());
      corpus.read(FIXTURE.resolve("reference/linux"), null, new ReferenceCorpus.Counts(), add);
      corpus.read(FIXTURE.resolve("reference/newlib"), "BSD-3-Clause", new ReferenceCorpus.Counts(), add);
      b.write(index);
    }
  }

  static ProvenanceStep step(Object... keyValues) {
    Map<String, Object> raw = new HashMap<>();
    raw.put("index", index.toString());
    for (int i = 0; i < keyValues.length; i += 2) raw.put((String) keyValues[i], keyValues[i + 1]);
    return new ProvenanceStep(ProvenanceStep.Config.from(new Params("steps[1] provenance", raw)));
  }

  static List<Document> candidates() {
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(FIXTURE.resolve("candidates.jsonl"), "jsonl", "id", "text", ReaderLimits.defaults(), b -> {})) {
      for (ReadResult rr = r.next(); rr != null; rr = r.next()) docs.add(rr.document());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(docs).extracting(Document::id).containsExactly("rewrite-of-gpl", "rewrite-of-mit", "independent");
    return docs;
  }

  @Test
  void theFixtureIndexNamesEachFileWithItsLicence() throws IOException {
    ProvenanceIndex idx = ProvenanceIndex.open(index);
    Map<String, String> licences = new HashMap<>();
    for (int f = 0; f < idx.files(); f++) licences.put(idx.path(f), idx.license(f));
    assertThat(licences).containsEntry("linux/drivers/leds/trigger/ledtrig-heartbeat.c", "GPL-2.0-only")
        .containsEntry("linux/drivers/gpu/drm/i915/gt/shmem_utils.c", "MIT")
        .containsEntry("newlib/libc/search/qsort.c", "BSD-3-Clause").hasSize(5);
  }

  @Test
  void aRewrittenGplFileIsDroppedNamingItsSource() {
    Document gpl = candidates().get(0);
    Verdict v = step("action", "drop").apply(gpl);
    assertThat(v.action()).isEqualTo(Action.DROP);
    assertThat(v.reason()).isEqualTo(ProvenanceStep.Reason.COPY_OF_LICENSED_CODE);
    assertThat(v.reason().code()).isEqualTo("copy_of_licensed_code");
    assertThat(v.values()).containsEntry("source", "linux/drivers/leds/trigger/ledtrig-heartbeat.c").containsEntry("license", "GPL-2.0-only");
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) gpl.metadata().get("provenance");
    assertThat(p).containsEntry("match", true).containsKeys("covered", "longest_run_tokens", "fingerprints", "sources");
    assertThat((double) p.get("covered")).isGreaterThan(0.5);
  }

  @Test
  void aRewrittenPermissiveFileIsKeptAndAnnotatedAndIndependentCodeIsNoMatch() {
    List<Document> docs = candidates();
    ProvenanceStep drop = step("action", "drop");
    Verdict mit = drop.apply(docs.get(1));
    assertThat(mit.action()).isEqualTo(Action.KEEP);
    assertThat(mit.values()).containsEntry("source", "linux/drivers/gpu/drm/i915/gt/shmem_utils.c").containsEntry("license", "MIT");
    assertThat(mit.counters()).containsExactly("match");
    Verdict independent = drop.apply(docs.get(2));
    assertThat(independent.action()).isEqualTo(Action.KEEP);
    assertThat(independent.values()).doesNotContainKey("source");
    assertThat(((Map<?, ?>) docs.get(2).metadata().get("provenance")).get("match")).isEqualTo(false);
  }

  @Test
  void annotateKeepsEveryDocumentAndAWiderPolicyDropsPermissiveCopiesToo() {
    List<Document> docs = candidates();
    for (Document d : docs) assertThat(step().apply(d).action()).isEqualTo(Action.KEEP);
    assertThat(step("action", "drop", "deny_licenses", List.of("MIT")).apply(candidates().get(1)).action()).isEqualTo(Action.DROP);
    assertThat(step("action", "drop", "deny_licenses", List.of("MIT")).apply(candidates().get(0)).action()).isEqualTo(Action.KEEP);
  }

  @Test
  void weightedCoverageDiscountsFingerprintsThatManySourceFilesHold() throws IOException {
    // the same reference, with the GPL file's text also under three more names: its fingerprints are then in four files
    Path dup = dir.resolve("duplicated.idx");
    ReferenceCorpus corpus = new ReferenceCorpus(1 << 20);
    try (ProvenanceIndexBuilder b = new ProvenanceIndexBuilder(IndexParameters.defaults(), dir.resolve("sort2"), 1 << 20)) {
      corpus.read(FIXTURE.resolve("reference/linux"), null, new ReferenceCorpus.Counts(), f -> {
        b.add(f.path(), f.license(), f.text(), f.language());
        if (f.path().endsWith("ledtrig-heartbeat.c")) for (int i = 1; i <= 3; i++) b.add("copy" + i + "/" + f.path(), f.license(), f.text(), f.language());
      });
      b.write(dup);
    }
    String gpl = candidates().get(0).text();
    ProvenanceMatcher.SourceMatch once = new ProvenanceMatcher(ProvenanceIndex.open(index)).match(gpl, CodeLanguage.C, 1).sources().get(0);
    ProvenanceMatcher.SourceMatch fourTimes = new ProvenanceMatcher(ProvenanceIndex.open(dup)).match(gpl, CodeLanguage.C, 1).sources().get(0);
    assertThat(fourTimes.covered()).isEqualTo(once.covered()); // the plain coverage does not see the other copies
    assertThat(once.weightedCovered()).isLessThanOrEqualTo(once.covered()).isGreaterThan(once.covered() / 2);
    assertThat(fourTimes.weightedCovered()).isLessThanOrEqualTo(once.covered() / 4 + 1e-9).isPositive(); // every weight now at most 1/4

    // a rule on weighted coverage: the single copy passes it, the one that four files hold does not
    double threshold = once.weightedCovered() / 2;
    MatchRule rule = new MatchRule(null, MatchRule.DEFAULT_MIN_COVERED, MatchRule.DEFAULT_MIN_SHARED, null, threshold);
    assertThat(rule.fires(once)).isTrue();
    assertThat(rule.fires(fourTimes)).isFalse();
    assertThat(new MatchRule(null, MatchRule.DEFAULT_MIN_COVERED, MatchRule.DEFAULT_MIN_SHARED, null).fires(fourTimes)).isTrue(); // without it
    Document doc = candidates().get(0);
    Verdict v = step("min_weighted_covered", threshold, "min_run_tokens", null).apply(doc);
    assertThat(v.values()).containsEntry("source", once.path());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<?, ?>) doc.metadata().get("provenance")).get("sources");
    assertThat(sources.get(0)).containsKey("weighted_covered").containsEntry("match", true);
    assertThatThrownBy(() -> step("min_weighted_covered", 2.0)).hasMessageContaining("min_weighted_covered");
  }

  @Test
  void workersSharingTheIndexAgreeWithOneWorker() throws Exception {
    List<Document> docs = candidates();
    List<Map<String, Object>> expected = new ArrayList<>();
    ProvenanceStep one = step("action", "drop");
    for (Document d : docs) expected.add(one.apply(d).values());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Map<String, Object>>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          ProvenanceStep own = step("action", "drop");
          List<Map<String, Object>> got = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            got.clear();
            for (Document d : candidates()) got.add(own.apply(d).values());
          }
          return got;
        }));
      }
      for (Future<List<Map<String, Object>>> f : results) assertThat(f.get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void configurationErrorsNameTheKey() {
    assertThatThrownBy(() -> ProvenanceStep.Config.from(new Params("steps[1] provenance", Map.of())))
        .isInstanceOf(PipelineException.class).hasMessageContaining("'index'");
    assertThatThrownBy(() -> step("min_coverd", 0.3)).hasMessageContaining("unknown key 'min_coverd'");
    assertThatThrownBy(() -> step("action", "delete")).hasMessageContaining("annotate, drop");
    assertThatThrownBy(() -> step("deny_licenses", List.of("G*L"))).hasMessageContaining("deny_licenses");
    assertThatThrownBy(() -> step("min_covered", null, "min_run_tokens", null)).hasMessageContaining("min_covered");
    Map<String, Object> missing = new HashMap<>(Map.of("index", dir.resolve("none.idx").toString()));
    assertThatThrownBy(() -> ProvenanceStep.Config.from(new Params("steps[1] provenance", missing))).hasMessageContaining("none.idx");
  }
}
