package io.winnow.report.diversity;

import java.util.Arrays;

/**
 * Word n-gram figures for n = 1..{@value #MAX_N}, n-grams taken within documents: corpus distinct-n (distinct
 * n-grams / n-grams, distinct counted by a {@link KmvSketch} per n ≥ 2; distinct words are the {@link Vocabulary}'s
 * exact type count, over the tokens it counted) and rep-n (per document, the share of its
 * n-grams that repeat an earlier n-gram of the same document, i.e. 1 − distinct / total, averaged over the
 * documents that have at least one n-gram). An n-gram's hash mixes its words' hashes in order.
 */
final class NgramDiversity {
  static final int MAX_N = 4;

  private final KmvSketch[] distinct = new KmvSketch[MAX_N + 1];
  private final Vocabulary words;
  private final long[] total = new long[MAX_N + 1];
  private final double[] repSum = new double[MAX_N + 1];
  private final long[] repDocs = new long[MAX_N + 1];
  private long[] grams = new long[512];
  // per-document distinct count: open addressing, cleared by stamping instead of sorting (sorting cost 60 % of
  // the profile's time)
  private long[] slots = new long[1024];
  private int[] stamps = new int[1024];
  private int stamp;

  NgramDiversity(int sketchSize, Vocabulary words) {
    this.words = words;
    for (int n = 2; n <= MAX_N; n++) distinct[n] = new KmvSketch(sketchSize);
  }

  void addDocument(long[] words, int count) {
    if (grams.length < count) grams = new long[Math.max(count, grams.length * 2)];
    for (int i = 0; i < count; i++) grams[i] = words[i];
    for (int n = 1; n <= MAX_N; n++) {
      int t = count - n + 1;
      if (t <= 0) break;
      if (n > 1) for (int i = 0; i < t; i++) grams[i] = mix(grams[i], words[i + n - 1]);
      if (n > 1) {
        KmvSketch sketch = distinct[n];
        for (int i = 0; i < t; i++) sketch.add(grams[i]);
      }
      total[n] += t;
      int d = distinctIn(grams, t);
      repSum[n] += (double) (t - d) / t;
      repDocs[n]++;
    }
  }

  /** The number of distinct values among {@code values[0, t)}. */
  private int distinctIn(long[] values, int t) {
    if (slots.length < 2 * t) {
      int size = Integer.highestOneBit(4 * t - 1);
      slots = new long[size];
      stamps = new int[size];
      stamp = 0;
    }
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
    int mask = slots.length - 1;
    int d = 0;
    for (int i = 0; i < t; i++) {
      long v = values[i];
      int at = (int) (v ^ (v >>> 32)) & mask;
      while (stamps[at] == stamp && slots[at] != v) at = (at + 1) & mask;
      if (stamps[at] != stamp) {
        stamps[at] = stamp;
        slots[at] = v;
        d++;
      }
    }
    return d;
  }

  /** Distinct n-grams / n-grams over the corpus so far (0 without n-grams). */
  double distinct(int n) {
    if (n == 1) return words.tokens() == 0 ? 0 : (double) words.types() / words.tokens();
    return total[n] == 0 ? 0 : Math.min(1, distinct[n].estimate() / total[n]);
  }

  boolean exact() {
    if (words.overflowTokens() > 0) return false;
    for (int n = 2; n <= MAX_N; n++) if (!distinct[n].exact()) return false;
    return true;
  }

  double rep(int n) {
    return repDocs[n] == 0 ? 0 : repSum[n] / repDocs[n];
  }

  long total(int n) {
    return total[n];
  }

  /** The hash of an n-gram extended by one word (a murmur3 finaliser over the combination: well mixed). */
  static long mix(long gram, long word) {
    long h = gram * 0x9E3779B97F4A7C15L + word;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
