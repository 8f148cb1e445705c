package io.winnow.collapse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The toy model: a unigram distribution over a fixed vocabulary of word ids, fitted by maximum likelihood (word
 * counts). Sampled "sentences" are documents of {@link #DOC_LENGTH} independent words.
 */
final class UnigramModel implements LanguageModel {
  static final int DOC_LENGTH = 10;

  private final double[] weight;
  private final double total;
  /** ids with positive weight, most probable first (ties by id) */
  private final int[] order;
  private final double[] cumulative;

  UnigramModel(double[] weight) {
    this.weight = weight.clone();
    double t = 0;
    int n = 0;
    for (double w : weight) {
      t += w;
      if (w > 0) n++;
    }
    this.total = t;
    Integer[] ids = new Integer[n];
    int k = 0;
    for (int i = 0; i < weight.length; i++) if (weight[i] > 0) ids[k++] = i;
    Arrays.sort(ids, (a, b) -> weight[a] != weight[b] ? Double.compare(weight[b], weight[a]) : Integer.compare(a, b));
    this.order = new int[n];
    this.cumulative = new double[n];
    double c = 0;
    for (int i = 0; i < n; i++) {
      order[i] = ids[i];
      c += weight[ids[i]];
      cumulative[i] = c;
    }
  }

  static UnigramModel train(Corpus corpus, int vocabulary) {
    double[] counts = new double[vocabulary];
    for (int[] s : corpus.sentences()) for (int w : s) counts[w]++;
    return new UnigramModel(counts);
  }

  /** How many of the most probable words the truncation keeps. */
  int kept(Truncation t) {
    int n = order.length;
    if (t.topK() > 0) n = Math.min(n, t.topK());
    if (t.topP() < 1) {
      int i = Arrays.binarySearch(cumulative, t.topP() * total);
      int p = (i >= 0 ? i : -i - 1) + 1;
      n = Math.min(n, Math.min(p, order.length));
    }
    return n;
  }

  @Override
  public Corpus sample(long tokens, Truncation truncation, SplittableRandom random) {
    int n = kept(truncation);
    double mass = cumulative[n - 1];
    List<int[]> docs = new ArrayList<>();
    for (long t = 0; t < tokens; t += DOC_LENGTH) {
      int[] d = new int[DOC_LENGTH];
      for (int j = 0; j < DOC_LENGTH; j++) {
        int i = Arrays.binarySearch(cumulative, 0, n, random.nextDouble() * mass);
        i = i >= 0 ? i + 1 : -i - 1;
        d[j] = order[Math.min(i, n - 1)];
      }
      docs.add(d);
    }
    return new Corpus(docs);
  }

  @Override
  public double perplexity(Corpus heldOut) {
    double logSum = 0;
    long n = 0;
    for (int[] s : heldOut.sentences()) {
      for (int w : s) {
        double p = (1 - FLOOR) * weight[w] / total + FLOOR / weight.length;
        logSum += Math.log(p);
        n++;
      }
    }
    return Math.exp(-logSum / n);
  }
}
