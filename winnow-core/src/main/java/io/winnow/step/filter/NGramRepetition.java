package io.winnow.step.filter;

import io.winnow.text.WordSequenceHashes;

/**
 * The n-gram figures of gopher_repetition for one document: the characters of the most frequent n-gram times
 * its count ({@code " ".join} of n words), and the characters of n-grams ({@code "".join}) that repeat an earlier
 * one. Each figure is two passes over the n-gram hashes: {@link SharedBuckets} first rules out the n-grams that
 * occur once, then only the others go through the exact {@link GramTable}. Results are those of counting every
 * n-gram; on distinct text most n-grams skip the table.
 *
 * <p>Reused per thread: {@link #reset} for each document, {@link #release} after it.
 */
final class NGramRepetition {
  private final WordSequenceHashes hashes = new WordSequenceHashes();
  private final SharedBuckets buckets = new SharedBuckets();
  private final GramTable table = new GramTable();
  private String[] words;

  void reset(String[] words) {
    this.words = words;
    hashes.reset(words);
  }

  void release() {
    words = null;
    hashes.release();
    buckets.release();
    table.release();
  }

  /**
   * Characters of the most frequent n-gram times its count; ties go to the n-gram seen first, as with Python's
   * {@code Counter.most_common}. Needs at least n words.
   */
  long topNGramChars(int n) {
    int grams = words.length - n + 1;
    buckets.reset(grams);
    for (int i = 0; i < grams; i++) buckets.add(hashes.spaced(i, n));
    table.reset(buckets.hashesInShared(), words, n, true);
    // An n-gram outside the shared buckets occurs once, so it cannot beat the first n-gram (count 1, first
    // seen): that is the leader until a counted n-gram does better.
    int best = 1;
    int bestFirst = 0;
    for (int i = 0; i < grams; i++) {
      long h = hashes.spaced(i, n);
      if (!buckets.shared(h)) continue;
      long countAndFirst = table.add(h, i);
      int count = (int) (countAndFirst >>> 32);
      int first = (int) countAndFirst;
      if (count > best || (count == best && first < bestFirst)) {
        best = count;
        bestFirst = first;
      }
    }
    return (long) hashes.spacedLength(bestFirst, n) * best;
  }

  /**
   * Characters in n-grams that repeat an earlier one, walking as the reference does: a repeat is counted and
   * skipped past (its words start no n-gram of their own); any other n-gram is remembered. An n-gram that
   * occurs once is never a repeat, and no later n-gram can equal it, so remembering it changes nothing.
   */
  long repeatedNGramChars(int n) {
    int grams = Math.max(0, words.length - n + 1);
    buckets.reset(grams);
    for (int i = 0; i < grams; i++) buckets.add(hashes.plain(i, n));
    table.reset(buckets.hashesInShared(), words, n, false);
    long repeated = 0;
    int i = 0;
    while (i < grams) {
      long h = hashes.plain(i, n);
      if (buckets.shared(h) && table.add(h, i) >>> 32 > 1) {
        repeated += hashes.plainLength(i, n);
        i += n;
      } else {
        i++;
      }
    }
    return repeated;
  }
}
