package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * flagged when the two signatures share a band, which is what makes {@code minhash_dedup} cluster them.
 */
class NearDuplicateQualityTest {
  private static final String BOILERPLATE_HEAD = "Home | About us | Contact | Privacy policy | Terms of use | Log in | Register";
  private static final String BOILERPLATE_FOOT = "Copyright 2019 All rights reserved. Follow us on Facebook, Twitter and Instagram. "
      + "Subscribe to our newsletter to get the latest news delivered to your inbox every week.";

  enum Edit { INSERTION, DELETION, BOILERPLATE, REORDER, UNRELATED }

  @Test
  void precisionAndRecallPerEditType() throws Exception {
    List<String> docs = realDocuments();
    MinHasher hasher = new MinHasher(5, MinHasher.Shingles.WORDS, MinHashParams.of(112, 1));
    Random r = new Random(2024);
    Map<Edit, int[]> counts = new LinkedHashMap<>(); // flagged, total
    for (Edit e : Edit.values()) counts.put(e, new int[2]);
    for (int i = 0; i < docs.size(); i++) {
      String doc = docs.get(i);
      for (Edit e : Edit.values()) {
        String other = e == Edit.UNRELATED ? docs.get((i + 1 + r.nextInt(docs.size() - 1)) % docs.size()) : edit(doc, e, docs, r);
        if (other == null) continue;
        long[] a = hasher.signature(doc);
        long[] b = hasher.signature(other);
        int[] c = counts.get(e);
        c[1]++;
        if (a != null && b != null && shareBand(a, b)) c[0]++;
      }
    }
    long tp = 0;
    long positives = 0;
    System.out.printf("near-duplicate detection on %d real documents (14 bands x 8 rows, word 5-grams):%n", docs.size());
    for (Map.Entry<Edit, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      System.out.printf("  %-12s %5d pairs, flagged %5.1f %%%n", e.getKey().name().toLowerCase(), c[1], 100.0 * c[0] / c[1]);
      if (e.getKey() != Edit.UNRELATED) {
        tp += c[0];
        positives += c[1];
      }
    }
    int[] fp = counts.get(Edit.UNRELATED);
    double precision = (double) tp / (tp + fp[0]);
    System.out.printf("  precision %.4f, recall %.4f%n", precision, (double) tp / positives);
    assertThat(precision).isGreaterThanOrEqualTo(0.99);
    assertThat(recall(counts, Edit.INSERTION)).isGreaterThanOrEqualTo(0.95);
    assertThat(recall(counts, Edit.DELETION)).isGreaterThanOrEqualTo(0.95);
    assertThat(recall(counts, Edit.BOILERPLATE)).isGreaterThanOrEqualTo(0.90);
    // shuffling the many short lines of a web page creates many new 5-grams across line boundaries: MinHash at
    // the FineWeb setting catches about half of such copies (measured 0.56; see docs/BENCHMARKS.md)
    assertThat(recall(counts, Edit.REORDER)).isGreaterThanOrEqualTo(0.50);
    assertThat(fp[0]).isLessThanOrEqualTo(fp[1] / 100);
  }

  private static double recall(Map<Edit, int[]> counts, Edit e) {
    int[] c = counts.get(e);
    return (double) c[0] / c[1];
  }

  static boolean shareBand(long[] a, long[] b) {
    for (int band = 0; band < 14; band++) {
      if (Arrays.equals(a, band * 8, band * 8 + 8, b, band * 8, band * 8 + 8)) return true;
    }
    return false;
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
