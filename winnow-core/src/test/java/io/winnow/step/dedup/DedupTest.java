package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dedup steps end to end on real text: what is removed, why, deterministically, and against an index. */
class DedupTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private List<String> texts;

  /** Real texts of 60+ words, without the near-duplicates the fixture itself holds (same-prompt pairs). */
  @BeforeEach
  void loadTexts() {
    texts = new ArrayList<>();
    MinHasher hasher = new MinHasher(5, MinHasher.Shingles.WORDS, MinHashParams.of(112, 1));
    Set<String> bands = new java.util.HashSet<>();
    for (JsonNode row : SharedData.readJsonlGz(Fixtures.path("filters-dev-300.jsonl.gz"))) {
      String t = row.get("text").asText();
      if (t.split("\\s+").length < 60) continue;
      long[] sig = hasher.signature(t);
      List<String> keys = new ArrayList<>();
      for (int b = 0; b < 14; b++) keys.add(b + ":" + java.util.Arrays.toString(java.util.Arrays.copyOfRange(sig, b * 8, b * 8 + 8)));
      if (keys.stream().anyMatch(bands::contains)) continue;
      bands.addAll(keys);
      texts.add(t);
    }
  }

  /** Writes docs into `files` shards; returns the ids of the near copies (expected to be removed). */
  private Set<String> writeCorpus(Path in, int files, boolean exactCopies) throws IOException {
    Files.createDirectories(in);
    Random r = new Random(11);
    List<String[]> docs = new ArrayList<>();
    Set<String> copies = new TreeSet<>();
    for (int i = 0; i < texts.size(); i++) docs.add(new String[] {"orig-" + i, texts.get(i)});
    for (int i = 0; i < texts.size(); i += 3) {
      String copy = exactCopies ? texts.get(i).toUpperCase() + "  " : lightEdit(texts.get(i), r);
      docs.add(new String[] {"copy-" + i, copy});
      copies.add("copy-" + i);
    }
    // contiguous slices, so input order (sorted files, then lines) is the order above: originals first
    int per = (docs.size() + files - 1) / files;
    for (int f = 0; f < files; f++) {
      try (OutputStream out = Files.newOutputStream(in.resolve("part-" + f + ".jsonl"))) {
        for (int i = f * per; i < Math.min(docs.size(), (f + 1) * per); i++) {
          Map<String, Object> rec = new TreeMap<>(Map.of("id", docs.get(i)[0], "text", docs.get(i)[1]));
          out.write((json.writeValueAsString(rec) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return copies;
  }

  /** Changes one word in a hundred: a near-duplicate well above the LSH threshold. */
  static String lightEdit(String text, Random r) {
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i += 100) words[Math.min(words.length - 1, i + r.nextInt(100))] = "edited";
    return String.join(" ", words);
  }

  private Pipeline pipeline(Path in, String step, String out, int workers) {
    return new PipelineFile(io.winnow.pipeline.StepRegistry.builtIn()).parse("t.yaml",
        "input: {paths: ['" + in + "']}\nsteps: [" + step + "]\n"
            + "output: {path: '" + dir.resolve(out) + "', compression: gzip}\nrun: {workers: " + workers + "}\n");
  }

  private Map<String, LogEntry> log(Path run) throws IOException {
    Map<String, LogEntry> m = new HashMap<>();
    DecisionLogReader.forEach(run, e -> m.put(e.id(), e));
    return m;
  }

  private static Set<String> dropped(Map<String, LogEntry> log) {
    Set<String> s = new TreeSet<>();
    log.forEach((id, e) -> {
      if (e.outcome() == Outcome.DROPPED) s.add(id);
    });
    return s;
  }

  @Test
  void minhashRemovesNearCopiesAndNamesTheKeptDocument() throws IOException {
    Path in = dir.resolve("in");
    Set<String> copies = writeCorpus(in, 3, false);
    LocalEngine.Result r = new LocalEngine(pipeline(in, "minhash_dedup", "run", 2), false, false, ProgressListener.NONE).run();
    Map<String, LogEntry> log = log(r.runDir());
    assertThat(dropped(log)).isEqualTo(copies);
    JsonNode last = log.get(copies.iterator().next()).raw().get("trail").get(0);
    assertThat(last.get("reason").asText()).isEqualTo("minhash_dedup.duplicate");
    String copyId = copies.iterator().next();
    assertThat(last.get("values").get("kept").asText()).isEqualTo(copyId.replace("copy-", "orig-"));
    assertThat(last.get("values").get("similarity").asDouble()).isGreaterThan(0.7);
    assertThat(last.get("values").has("cluster")).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> fit = (Map<String, Object>) r.stats().corpusSteps().get("minhash_dedup");
    assertThat(((Number) fit.get("removed")).intValue()).isEqualTo(copies.size());
  }

  @Test
  void removedSetDoesNotDependOnWorkers() throws IOException {
    Path in = dir.resolve("in");
    writeCorpus(in, 5, false);
    Set<String> a = dropped(log(new LocalEngine(pipeline(in, "minhash_dedup", "a", 1), false, false, null).run().runDir()));
    Set<String> b = dropped(log(new LocalEngine(pipeline(in, "minhash_dedup", "b", 2), false, false, null).run().runDir()));
    Set<String> c = dropped(log(new LocalEngine(pipeline(in, "minhash_dedup", "c", 2), false, false, null).run().runDir()));
    assertThat(a).isNotEmpty().isEqualTo(b).isEqualTo(c);
  }

  @Test
  void sameInputInOtherFilesGivesTheSameRemovedSetWhenOrderIsKept() throws IOException {
    Path one = dir.resolve("one");
    Path five = dir.resolve("five");
    writeCorpus(one, 1, false);
    writeCorpus(five, 5, false);
    Set<String> a = dropped(log(new LocalEngine(pipeline(one, "minhash_dedup", "a", 1), false, false, null).run().runDir()));
    Set<String> b = dropped(log(new LocalEngine(pipeline(five, "minhash_dedup", "b", 2), false, false, null).run().runDir()));
    assertThat(a).isNotEmpty().isEqualTo(b);
  }

  @Test
  void exactDedupUsesTheNormalisedText() throws IOException {
    Path in = dir.resolve("in");
    Set<String> copies = writeCorpus(in, 2, true);
    Map<String, LogEntry> log = log(new LocalEngine(pipeline(in, "exact_dedup", "run", 2), false, false, null).run().runDir());
    assertThat(dropped(log)).isEqualTo(copies);
    assertThat(log.get(copies.iterator().next()).reason()).isEqualTo("exact_dedup.duplicate");
  }

  @Test
  void noMemoryBudgetSpillsEverythingAndGivesTheSameResult() throws IOException {
    Path in = dir.resolve("in");
    Set<String> copies = writeCorpus(in, 3, false);
    // memory_mb 0: band keys spill in runs of 1,024 pairs, union-find and keeper tables are memory-mapped files
    LocalEngine.Result r = new LocalEngine(pipeline(in, "{type: minhash_dedup, memory_mb: 0, keeper: longest}", "tiny", 2), false, false, null).run();
    LocalEngine.Result d = new LocalEngine(pipeline(in, "{type: minhash_dedup, keeper: longest}", "default", 2), false, false, null).run();
    assertThat(dropped(log(r.runDir()))).isEqualTo(dropped(log(d.runDir()))).hasSameSizeAs(copies);
  }

  @Test
  void keeperRuleLongestKeepsTheLongerCopy() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    String base = texts.get(0);
    Files.writeString(in.resolve("a.jsonl"),
        json.writeValueAsString(Map.of("id", "short", "text", base)) + "\n"
            + json.writeValueAsString(Map.of("id", "long", "text", base + " And one more sentence here.")) + "\n");
    Map<String, LogEntry> log = log(new LocalEngine(pipeline(in, "{type: minhash_dedup, keeper: longest}", "run", 1), false, false, null).run().runDir());
    assertThat(dropped(log)).containsExactly("short");
  }

  @Test
  void shortDocumentsHaveNoSignatureAndAreNeverRemoved() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"x\",\"text\":\"too short\"}\n{\"id\":\"y\",\"text\":\"too short\"}\n");
    Map<String, LogEntry> log = log(new LocalEngine(pipeline(in, "minhash_dedup", "run", 1), false, false, null).run().runDir());
    assertThat(dropped(log)).isEmpty();
    assertThat(log.get("y").raw().get("trail").get(0).get("values").get("no_signature").asBoolean()).isTrue();
  }

  @Test
  void verificationByTrueJaccardKeepsCandidatesBelowTheThreshold() throws IOException {
    Path in = dir.resolve("in");
    Set<String> copies = writeCorpus(in, 2, false);
    LocalEngine.Result loose = new LocalEngine(pipeline(in, "{type: minhash_dedup, verify: true, verify_threshold: 0.5}", "loose", 2), false, false, null).run();
    assertThat(dropped(log(loose.runDir()))).isEqualTo(copies);
    @SuppressWarnings("unchecked")
    Map<String, Object> fit = (Map<String, Object>) loose.stats().corpusSteps().get("minhash_dedup");
    assertThat(((Number) fit.get("verified_pairs")).longValue()).isGreaterThanOrEqualTo(copies.size());
    // one word in a hundred changed: true Jaccard of 5-gram sets is about 0.9, below 0.99
    LocalEngine.Result strict = new LocalEngine(pipeline(in, "{type: minhash_dedup, verify: true, verify_threshold: 0.99}", "strict", 2), false, false, null).run();
    assertThat(dropped(log(strict.runDir()))).isEmpty();
  }

  @Test
  void otherShingleHashesFindTheSameNearCopies() throws IOException {
    Path in = dir.resolve("in");
    Set<String> copies = writeCorpus(in, 2, false);
    for (String hash : List.of("xxh3", "murmur3", "wyhash")) {
      LocalEngine.Result r = new LocalEngine(pipeline(in, "{type: minhash_dedup, hash: " + hash + "}", "h-" + hash, 2), false, false, null).run();
      assertThat(dropped(log(r.runDir()))).as(hash).isEqualTo(copies);
    }
  }

  @Test
  void indexModeRemovesFromBWhatIsInA() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Random r = new Random(5);
    StringBuilder sa = new StringBuilder();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) sa.append(json.writeValueAsString(Map.of("id", "a" + i, "text", texts.get(i)))).append('\n');
    for (int i = 10; i < 30; i++) sb.append(json.writeValueAsString(Map.of("id", "b" + i, "text", lightEdit(texts.get(i), r)))).append('\n');
    Files.writeString(a.resolve("a.jsonl"), sa);
    Files.writeString(b.resolve("b.jsonl"), sb);
    new LocalEngine(pipeline(a, "minhash_dedup", "runA", 1), false, false, null).run();
    Path index = dir.resolve("runA/corpus/minhash_dedup");
    Map<String, LogEntry> log = log(new LocalEngine(pipeline(b, "{type: minhash_dedup, index: '" + index + "'}", "runB", 1), false, false, null).run().runDir());
    Set<String> expected = new TreeSet<>();
    for (int i = 10; i < 20; i++) expected.add("b" + i);
    assertThat(dropped(log)).isEqualTo(expected);
    assertThat(log.get("b12").reason()).isEqualTo("minhash_dedup.in_index");
    assertThat(log.get("b12").raw().get("trail").get(0).get("values").get("kept").asText()).isEqualTo("a12");
  }

  @Test
  void sameClustersAsTheReferenceOnTheStandardCorpus() throws IOException {
    Path corpus = SharedData.require("bench/corpus-20k.jsonl.zst");
    Path clustersFile = SharedData.require("spec/vectors/minhash-bench-clusters.jsonl");
    Pipeline p = new PipelineFile(io.winnow.pipeline.StepRegistry.builtIn()).parse("t.yaml",
        "input: {paths: ['" + corpus + "']}\nsteps: [minhash_dedup]\noutput: {path: '" + dir.resolve("bench") + "'}\n");
    LocalEngine.Result r = new LocalEngine(p, false, false, null).run();
    Map<String, Set<String>> mine = new HashMap<>();
    DecisionLogReader.forEach(r.runDir(), e -> {
      if (e.outcome() != Outcome.DROPPED) return;
      String kept = e.raw().get("trail").get(0).get("values").get("kept").asText();
      mine.computeIfAbsent(kept, k -> new TreeSet<>(Set.of(k))).add(e.id());
    });
    Set<Set<String>> reference = new java.util.HashSet<>();
    for (String line : Files.readAllLines(clustersFile)) {
      Set<String> members = new TreeSet<>();
      json.readTree(line).get("members").forEach(n -> members.add(n.asText()));
      reference.add(members);
    }
    Set<Set<String>> ours = new java.util.HashSet<>(mine.values());
    Set<Set<String>> same = new java.util.HashSet<>(ours);
    same.retainAll(reference);
    System.out.printf("minhash clusters on corpus-20k: reference %d, ours %d, identical %d%n", reference.size(), ours.size(), same.size());
    assertThat(ours).isEqualTo(reference);
  }
}
