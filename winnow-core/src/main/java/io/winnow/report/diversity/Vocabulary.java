package io.winnow.report.diversity;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * Word-type counts, keyed by 64-bit word hash, capped at {@code maxTypes} types: once the map is full, tokens of
 * types not yet in it are counted as {@link #overflowTokens()} and left out of every figure (the profile says
 * so). Memory: about 16 bytes per type slot (fastutil open hashing), some 32 MB for the default cap of two million.
 */
final class Vocabulary {
  private final int maxTypes;
  private final Long2IntOpenHashMap counts;
  private long tokens;
  private long overflowTokens;
  private long hapax;

  Vocabulary(int maxTypes) {
    if (maxTypes < 1) throw new IllegalArgumentException("maxTypes must be positive, got " + maxTypes);
    this.maxTypes = maxTypes;
    this.counts = new Long2IntOpenHashMap(Math.min(maxTypes, 1 << 16));
  }

  void add(long wordHash) {
    int before;
    if (counts.size() < maxTypes) {
      before = counts.addTo(wordHash, 1); // one probe: insert or increment
    } else {
      before = counts.get(wordHash);
      if (before == 0) {
        overflowTokens++;
        return;
      }
      counts.put(wordHash, before + 1);
    }
    tokens++;
    if (before == 0) hapax++;
    else if (before == 1) hapax--;
  }

  long tokens() {
    return tokens;
  }

  long overflowTokens() {
    return overflowTokens;
  }

  int types() {
    return counts.size();
  }

  long hapax() {
    return hapax;
  }

  /** The counts of all types, descending. */
  int[] sortedCounts() {
    int[] c = counts.values().toIntArray();
    Arrays.sort(c);
    for (int i = 0, j = c.length - 1; i < j; i++, j--) {
      int t = c[i];
      c[i] = c[j];
      c[j] = t;
    }
    return c;
  }

  /** Shannon entropy of the unigram distribution, in bits. */
  static double entropyBits(int[] counts, long tokens) {
    if (tokens == 0) return 0;
    double sum = 0;
    for (int c : counts) sum += c * Math.log(c);
    return (Math.log(tokens) - sum / tokens) / Math.log(2);
  }

  /** The share of tokens whose type ranks below {@code k} by frequency (ranks counted from 1; ties by sort order). */
  static double tailMass(int[] descending, long tokens, int k) {
    if (tokens == 0) return 0;
    long tail = 0;
    for (int i = k; i < descending.length; i++) tail += descending[i];
    return (double) tail / tokens;
  }
}
