package io.winnow.report.diversity;

import io.winnow.step.dedup.KeeperRule;
import io.winnow.step.dedup.MinHashDedup;
import io.winnow.step.dedup.MinHashParams;
import io.winnow.step.dedup.MinHasher;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * The near-duplicate rate: the share of documents (among those with a MinHash signature) that share a band key
 * with an earlier document. Signatures and band keys are the {@code minhash_dedup} step's defaults (FineWeb's:
 * word 5-grams, 112 permutations, 14 bands × 8 rows; a pair at Jaccard 0.8 shares a band with probability 0.92,
 * at 0.5 with 0.05), so the rate is the share of documents that step would consider candidates of an earlier one.
 * Band keys of earlier documents are kept in a set of at most {@code maxBandKeys} keys (8 bytes each, in a hash
 * set of twice that); once it is full, later documents are still checked against it but not added.
 */
final class NearDuplicates {
  private final MinHashDedup dedup = new MinHashDedup(new MinHashDedup.Config(5, 14, 8, MinHasher.Shingles.WORDS,
      MinHasher.ShingleHash.XXH64, MinHashParams.REFERENCE_SEED, KeeperRule.parse("first"), 0, null, false, 0.7));
  private final MinHasher hasher;
  private final int maxBandKeys;
  private final LongOpenHashSet seen = new LongOpenHashSet();
  private final long[] keys = new long[14];
  private int keyCount;
  private long signed;
  private long duplicates;
  private boolean capped;

  NearDuplicates(int maxBandKeys) {
    this.maxBandKeys = maxBandKeys;
    MinHashDedup.Config c = dedup.config();
    this.hasher = new MinHasher(c.ngramSize(), c.shingles(), MinHashParams.of(c.bands() * c.rows(), c.seed()));
  }

  void addDocument(String text) {
    long[] sig = hasher.signature(text);
    if (sig == null) return;
    signed++;
    keyCount = 0;
    dedup.groupKeys(sig, 0, (band, hash) -> keys[keyCount++] = hash * 31 + band);
    boolean dup = false;
    for (int i = 0; i < keyCount; i++) if (seen.contains(keys[i])) dup = true;
    if (dup) duplicates++;
    for (int i = 0; i < keyCount; i++) {
      if (seen.size() >= maxBandKeys) {
        capped = true;
        break;
      }
      seen.add(keys[i]);
    }
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
