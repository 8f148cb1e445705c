package io.winnow.collapse;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * What one generation looks like, measured on the corpus its model was trained on (and, for perplexity, on the
 * real held-out text):
 * <ul>
 *   <li>{@code syntheticShare}: share of the corpus's tokens sampled from a model (not human text);</li>
 *   <li>{@code perplexity}: the generation's model on held-out human text;</li>
 *   <li>{@code survival}: share of the reference vocabulary present in the corpus (reference vocabulary: the types
 *       of generation 0's corpus for Brown; the toy's whole vocabulary of the Zipf law);</li>
 *   <li>{@code tailMass}: share of the corpus's tokens whose type ranks beyond {@value #TAIL_RANK} in the real
 *       ranking (generation 0's corpus for Brown, the Zipf law's ranks for the toy), types absent from that
 *       ranking included;</li>
 *   <li>{@code entropy}: unigram entropy of the corpus, bits;</li>
 *   <li>{@code distinct2}: distinct word bigrams within sentences over all of them;</li>
 *   <li>{@code clusterEntropy}: entropy (bits) of the sentences over their first-two-word prefix buckets, a cheap
 *       stand-in for the number of modes the corpus has.</li>
 * </ul>
 */
public record GenerationStats(int generation, long tokens, double syntheticShare, double perplexity, double survival, double tailMass,
    double entropy, double distinct2, double clusterEntropy) {
  static final int TAIL_RANK = 1000;

  /** rank: 1-based real rank of each id (Integer.MAX_VALUE when unranked); reference: which ids count for survival */
  static GenerationStats measure(int generation, Corpus corpus, long syntheticTokens, double perplexity, int[] rank, boolean[] reference, int referenceSize) {
    long[] counts = new long[rank.length];
    LongOpenHashSet bigrams = new LongOpenHashSet();
    long bigramTotal = 0;
    Long2IntOpenHashMap prefixes = new Long2IntOpenHashMap();
    for (int[] s : corpus.sentences()) {
      for (int i = 0; i < s.length; i++) {
        counts[s[i]]++;
        if (i > 0) {
          bigrams.add(((long) s[i - 1] << 32) | s[i]);
          bigramTotal++;
        }
      }
      long prefix = ((long) (s.length > 0 ? s[0] : -1) << 32) | (s.length > 1 ? s[1] : Corpus.EOS);
      prefixes.addTo(prefix, 1);
    }
    long n = corpus.tokens();
    int alive = 0;
    long tail = 0;
    double h = 0;
    for (int w = 0; w < counts.length; w++) {
      if (counts[w] == 0) continue;
      if (reference[w]) alive++;
      if (rank[w] > TAIL_RANK) tail += counts[w];
      double p = (double) counts[w] / n;
      h -= p * Math.log(p);
    }
    double hc = 0;
    int sentences = corpus.sentences().size();
    for (int c : prefixes.values()) {
      double p = (double) c / sentences;
      hc -= p * Math.log(p);
    }
    double log2 = Math.log(2);
    return new GenerationStats(generation, n, (double) syntheticTokens / n, perplexity, (double) alive / referenceSize, (double) tail / n, h / log2,
        bigramTotal == 0 ? 0 : (double) bigrams.size() / bigramTotal, hc / log2);
  }
}
