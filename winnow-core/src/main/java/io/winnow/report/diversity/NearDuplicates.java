package io.winnow.report.diversity;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;

/**
 * The near-duplicate rate: the share of documents (among those with at least five words) that share a band key
 * with an earlier document. The LSH curve is the {@code minhash_dedup} step's default (FineWeb's: word 5-grams,
 * 112 signature values, 14 bands × 8 rows; a pair at Jaccard 0.8 shares a band with probability 0.92, at 0.5 with
 * 0.05), so the rate estimates the share of documents that step would consider candidates of an earlier one.
 *
 * <p>The signature is computed the cheap way, as a profile can afford and a dedup cannot: one-permutation
 * MinHash (Li, Owen and Zhang 2012) over the profile's own lower-case word hashes — each 5-gram hashed once and
 * kept as the minimum of one of 112 bins — with empty bins filled by optimal densification (Shrivastava
 * 2017), instead of 112 permutations of every 5-gram of the dedup normaliser's words. Its collision
 * probability per value is the pair's Jaccard similarity, as with 112 permutations; the words differ slightly
 * from the dedup step's (no spaCy-exact splitting, no punctuation shingles).
 *
 * <p>Band keys of earlier documents are kept in a set of at most {@code maxBandKeys} keys (8 bytes each, in a
 * hash set of twice that); once it is full, later documents are still checked against it but not added.
 */
final class NearDuplicates {
  static final int NGRAM = 5;
  static final int BANDS = 14;
  static final int ROWS = 8;
  static final int BINS = BANDS * ROWS;
  private static final long EMPTY = Long.MAX_VALUE;

  private final int maxBandKeys;
  private final LongOpenHashSet seen = new LongOpenHashSet();
  private final long[] bins = new long[BINS];
  private final long[] keys = new long[BANDS];
  private long signed;
  private long duplicates;
  private boolean capped;

  NearDuplicates(int maxBandKeys) {
    this.maxBandKeys = maxBandKeys;
  }

  /** @param words the document's word hashes, {@code n} of them */
  void addDocument(long[] words, int n) {
    if (n < NGRAM) return;
    signed++;
    sign(words, n);
    boolean dup = false;
    for (long k : keys) if (seen.contains(k)) dup = true;
    if (dup) duplicates++;
    for (long k : keys) {
      if (seen.size() >= maxBandKeys) {
        capped = true;
        break;
      }
      seen.add(k);
    }
  }

  private void sign(long[] w, int n) {
    Arrays.fill(bins, EMPTY);
    for (int i = 0; i + NGRAM <= n; i++) {
      long h = w[i];
      for (int k = 1; k < NGRAM; k++) h = h * 0x9E3779B97F4A7C15L + w[i + k];
      h = mix(h);
      int bin = (int) (((h >>> 32) * BINS) >>> 32);
      long value = h & 0xFFFFFFFFL;
      if (value < bins[bin]) bins[bin] = value;
    }
    // optimal densification: an empty bin copies the filled bin that its own fixed sequence of probes reaches
    // first; the probes depend on the bin only, so equal sets give equal signatures and every bin keeps the
    // Jaccard collision probability (neighbouring bins do not all borrow from one filled bin)
    for (int b = 0; b < BINS; b++) {
      if (bins[b] != EMPTY) continue;
      for (long attempt = 1; ; attempt++) {
        int j = (int) (((mix(b * 0x100000001B3L + attempt) >>> 32) * BINS) >>> 32);
        if (bins[j] != EMPTY && bins[j] < (1L << 32)) {
          bins[b] = bins[j] + (1L << 32); // marked as borrowed, so borrowed values are never borrowed again
          break;
        }
      }
    }
    for (int band = 0; band < BANDS; band++) {
      long h = band + 1;
      for (int r = 0; r < ROWS; r++) h = mix(h * 0xC2B2AE3D27D4EB4FL + bins[band * ROWS + r]);
      keys[band] = h;
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  double rate() {
    return signed == 0 ? 0 : (double) duplicates / signed;
  }

  long signed() {
    return signed;
  }

  long duplicates() {
    return duplicates;
  }

  boolean capped() {
    return capped;
  }
}
