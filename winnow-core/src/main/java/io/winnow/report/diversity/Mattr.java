package io.winnow.report.diversity;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Moving-average type-token ratio (Covington and McFall): the mean, over every window of {@code window}
 * consecutive words, of the window's distinct words / {@code window}. Computed per document for documents of at
 * least {@code window} words and averaged over them; when no document is that long, over the concatenation of the
 * first {@code maxConcatenatedWords} words of the corpus instead (a bounded fallback).
 */
final class Mattr {
  private final int window;
  private final long maxConcatenatedWords;
  private final Long2IntOpenHashMap docCounts = new Long2IntOpenHashMap();
  private double docSum;
  private long docs;

  private final Long2IntOpenHashMap catCounts = new Long2IntOpenHashMap();
  private final long[] ring;
  private long catWords;
  private double catSum;
  private long catWindows;

  Mattr(int window, long maxConcatenatedWords) {
    if (window < 2) throw new IllegalArgumentException("window must be at least 2, got " + window);
    this.window = window;
    this.maxConcatenatedWords = maxConcatenatedWords;
    this.ring = new long[window];
    docCounts.defaultReturnValue(0);
    catCounts.defaultReturnValue(0);
  }

  void addDocument(long[] words, int count) {
    if (count >= window) {
      docCounts.clear();
      double sum = 0;
      for (int i = 0; i < count; i++) {
        docCounts.addTo(words[i], 1);
        if (i >= window) decrement(docCounts, words[i - window]);
        if (i >= window - 1) sum += docCounts.size();
      }
      docSum += sum / ((long) (count - window + 1) * window);
      docs++;
    }
    if (docs == 0) {
      for (int i = 0; i < count && catWords < maxConcatenatedWords; i++) {
        int slot = (int) (catWords % window);
        if (catWords >= window) decrement(catCounts, ring[slot]);
        ring[slot] = words[i];
        catCounts.addTo(words[i], 1);
        catWords++;
        if (catWords >= window) {
          catSum += (double) catCounts.size() / window;
          catWindows++;
        }
      }
    }
  }

  private static void decrement(Long2IntOpenHashMap counts, long word) {
    if (counts.addTo(word, -1) == 1) counts.remove(word);
  }

  /** The figure, or NaN when the corpus has fewer than {@code window} words. */
  double value() {
    if (docs > 0) return docSum / docs;
    return catWindows == 0 ? Double.NaN : catSum / catWindows;
  }

  /** {@code documents} (averaged over long documents), {@code concatenation} or {@code none}. */
  String scope() {
    return docs > 0 ? "documents" : catWindows > 0 ? "concatenation" : "none";
  }

  long documents() {
    return docs;
  }
}
