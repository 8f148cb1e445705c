package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of MinHash near-duplicate detection at the default configuration, on a labelled set
 * built from real documents by controlled edits — a sentence inserted, a sentence deleted, boilerplate header
 * and footer added, paragraphs reordered — and on unrelated pairs (which must not be flagged). A pair is
 * flagged when the two signatures share a band key, as {@code minhash_dedup} computes it to cluster them.
 *
 * <p>The floors are not figures measured on one data set: they are what LSH guarantees. A pair whose shingle
 * sets have Jaccard similarity J shares a band of r rows out of b with probability 1 − (1 − J^r)^b, so the
 * flagged count of each edit type is a sum of independent Bernoulli trials with known means. Each type must
 * reach its expectation minus four standard deviations, and unrelated pairs may not exceed theirs plus four:
 * a wrong shingling, hashing or band key falls far outside, whatever documents the test is given.
 */
class NearDuplicateQualityTest {
  private static final String BOILERPLATE_HEAD = "Home | About us | Contact | Privacy policy | Terms of use | Log in | Register";
  private static final String BOILERPLATE_FOOT = "Copyright 2019 All rights reserved. Follow us on Facebook, Twitter and Instagram. "
      + "Subscribe to our newsletter to get the latest news delivered to your inbox every week.";
  private static final double SIGMAS = 4;

  enum Edit { INSERTION, DELETION, BOILERPLATE, REORDER, UNRELATED }

  /** Pairs of one edit type: how many were flagged, and the flagged count LSH predicts with its variance. */
  static final class Tally {
    int pairs;
    int flagged;
    double expected;
    double variance;

    void add(boolean isFlagged, double p) {
      pairs++;
      if (isFlagged) flagged++;
      expected += p;
      variance += p * (1 - p);
    }

    double floor() {
      return expected - SIGMAS * Math.sqrt(variance);
    }

    double ceiling() {
      return expected + SIGMAS * Math.sqrt(variance);
    }
  }

  @Test
  void precisionAndRecallPerEditType() throws Exception {
    List<String> docs = realDocuments();
    MinHashDedup dedup = new MinHashDedup(MinHashDedup.Config.from(new Params("minhash_dedup", new LinkedHashMap<>(Map.of("verify", true)))));
    int bands = dedup.config().bands();
    int rows = dedup.config().rows();
    DedupStep.PayloadFunction signer = dedup.payloads();
    Random r = new Random(2024);
    Map<Edit, Tally> tallies = new LinkedHashMap<>();
    for (Edit e : Edit.values()) tallies.put(e, new Tally());
    for (int i = 0; i < docs.size(); i++) {
      String doc = docs.get(i);
      for (Edit e : Edit.values()) {
        String other = e == Edit.UNRELATED ? docs.get((i + 1 + r.nextInt(docs.size() - 1)) % docs.size()) : edit(doc, e, docs, r);
        if (other == null) continue;
        long[] a = signer.payload(Document.of("a", doc));
        long[] setA = signer.lastSet();
        long[] b = signer.payload(Document.of("b", other));
        long[] setB = signer.lastSet();
        if (a == null || b == null) continue;
        double j = MinHasher.jaccard(setA, setB);
        tallies.get(e).add(shareBandKey(dedup, a, b), 1 - Math.pow(1 - Math.pow(j, rows), bands));
      }
    }
    System.out.printf("near-duplicate detection on %d real documents (%d bands x %d rows, word 5-grams):%n", docs.size(), bands, rows);
    long tp = 0;
    long positives = 0;
    for (Map.Entry<Edit, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      System.out.printf("  %-12s %5d pairs, flagged %5.1f %% (LSH predicts %5.1f %%)%n", e.getKey().name().toLowerCase(java.util.Locale.ROOT),
          t.pairs, 100.0 * t.flagged / t.pairs, 100.0 * t.expected / t.pairs);
      if (e.getKey() != Edit.UNRELATED) {
        tp += t.flagged;
        positives += t.pairs;
        assertThat((double) t.flagged).as(e.getKey() + " pairs flagged vs the band-collision floor").isGreaterThanOrEqualTo(t.floor());
      }
    }
    Tally unrelated = tallies.get(Edit.UNRELATED);
    System.out.printf("  precision %.4f, recall %.4f%n", (double) tp / (tp + unrelated.flagged), (double) tp / positives);
    assertThat((double) unrelated.flagged).as("unrelated pairs flagged vs the band-collision ceiling").isLessThanOrEqualTo(unrelated.ceiling());
    for (Edit e : Edit.values()) assertThat(tallies.get(e).pairs).as(e + " pairs built").isGreaterThanOrEqualTo(20);
  }

  /** Whether two signatures share a key in the same band, with the keys the fit groups by. */
  static boolean shareBandKey(MinHashDedup dedup, long[] a, long[] b) {
    long[] keysA = bandKeys(dedup, a);
    long[] keysB = bandKeys(dedup, b);
    for (int band = 0; band < keysA.length; band++) if (keysA[band] == keysB[band]) return true;
    return false;
  }

  private static long[] bandKeys(MinHashDedup dedup, long[] signature) {
    long[] keys = new long[dedup.config().bands()];
    dedup.groupKeys(signature, 0, (band, hash) -> keys[band] = hash);
    return keys;
  }

  /** Real web pages of 150+ words: the shared Common Crawl sample, or the repository fixture without it. */
  static List<String> realDocuments() throws Exception {
    Path web = SharedData.root().resolve("data/web/cc-main-2019-30-sample.jsonl.gz");
    Path source = Files.exists(web) ? web : Fixtures.path("filters-dev-300.jsonl.gz");
    List<String> docs = new ArrayList<>();
    for (JsonNode row : SharedData.readJsonlGz(source)) {
      String t = row.get("text").asText();
      if (t.split("\\s+").length >= 150) docs.add(t);
    }
    return docs;
  }

  static String edit(String doc, Edit e, List<String> corpus, Random r) {
    List<String> sentences = new ArrayList<>(Arrays.asList(doc.split("(?<=[.!?])\\s+")));
    switch (e) {
      case INSERTION -> {
        String[] donor = corpus.get(r.nextInt(corpus.size())).split("(?<=[.!?])\\s+");
        sentences.add(r.nextInt(sentences.size() + 1), donor[r.nextInt(donor.length)]);
        return String.join(" ", sentences);
      }
      case DELETION -> {
        if (sentences.size() < 5) return null;
        sentences.remove(r.nextInt(sentences.size()));
        return String.join(" ", sentences);
      }
      case BOILERPLATE -> {
        return BOILERPLATE_HEAD + "\n" + doc + "\n" + BOILERPLATE_FOOT;
      }
      case REORDER -> {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(doc.split("\n+")));
        if (paragraphs.size() < 3) return null;
        List<String> shuffled = new ArrayList<>(paragraphs);
        while (shuffled.equals(paragraphs)) Collections.shuffle(shuffled, r);
        return String.join("\n", shuffled);
      }
      default -> throw new IllegalArgumentException(e.name());
    }
  }
}
