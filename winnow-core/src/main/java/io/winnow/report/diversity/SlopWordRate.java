package io.winnow.report.diversity;

import io.winnow.step.slop.SlopLexicon;
import io.winnow.text.LowercaseWordHashes;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * Slop words per 1,000 words: words on the slop step's slop-score list ({@link SlopLexicon}), the list behind the
 * detector's {@code slop_words_per_1k} feature, counted over the whole corpus. Words are matched by their
 * {@link LowercaseWordHashes} hash, whose word rule is the slop step's own.
 */
final class SlopWordRate {
  private static volatile LongOpenHashSet shared;
  private static volatile long[] sharedFilter;
  private final LongOpenHashSet words = lexicon();
  /** one bit per low-16-bit hash value of a listed word: most words miss it and skip the set lookup */
  private final long[] filter = filter(words);
  private long hits;
  private long total;

  void addDocument(long[] wordHashes, int count) {
    for (int i = 0; i < count; i++) {
      long h = wordHashes[i];
      int bit = (int) h & 0xFFFF;
      if ((filter[bit >>> 6] & (1L << bit)) != 0 && words.contains(h)) hits++;
    }
    total += count;
  }

  double per1k() {
    return total == 0 ? 0 : 1000.0 * hits / total;
  }

  private static long[] filter(LongOpenHashSet words) {
    long[] f = sharedFilter;
    if (f == null) {
      f = new long[1 << 10];
      for (long h : words) {
        int bit = (int) h & 0xFFFF;
        f[bit >>> 6] |= 1L << bit;
      }
      sharedFilter = f;
    }
    return f;
  }

  private static LongOpenHashSet lexicon() {
    LongOpenHashSet s = shared;
    if (s == null) {
      s = new LongOpenHashSet();
      for (String w : SlopLexicon.slopScoreWords()) if (LowercaseWordHashes.wordCount(w) == 1) s.add(LowercaseWordHashes.hash(w));
      shared = s;
    }
    return s;
  }
}
