package io.winnow.collapse;

import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A word bigram model with interpolated Kneser-Ney smoothing (absolute discount 0.75, continuation counts on the
 * unigram level) over a fixed vocabulary of ids, sentence-bounded ({@link Corpus#BOS}, {@link Corpus#EOS}):
 * <pre>p(w|v) = max(c(v,w) - D, 0) / c(v) + λ(v) p1(w),   λ(v) = D N1+(v•) / c(v),   p1(w) = N1+(•w) / N1+(••)</pre>
 * No add-one floor: a word no bigram of the training corpus ends with has probability 0 and can never be sampled
 * again, which is what makes the experiment's vocabulary loss real. (Perplexity adds the interface's tiny floor.)
 *
 * <p>Truncated sampling is exact: the predictive distribution is a few seen continuations plus λ(v) times the one
 * global p1 ranking, so the nucleus of a context is its seen words above a probability threshold τ plus a prefix
 * of the p1 ranking; τ is found by bisection once per context and the sampler cached.
 */
final class BigramModel implements LanguageModel {
  private static final double D = 0.75;
  private static final int MAX_LENGTH = 100;

  private final int vocabulary;
  /** CSR by context: continuations of v at [start[v], start[v+1]), sorted by word id */
  private final int[] start;
  private final int[] next;
  private final int[] count;
  private final long[] contextTotal;
  private final double[] p1;
  /** words with p1 > 0, most probable first; descending p1; prefix sums of p1 in that order */
  private final int[] byP1;
  private final double[] p1Sorted;
  private final double[] p1Cumulative;
  private final Sampler[][] cache = new Sampler[1][];
  private Truncation cachedFor;

  private BigramModel(int vocabulary, int[] start, int[] next, int[] count, long[] contextTotal, double[] p1) {
    this.vocabulary = vocabulary;
    this.start = start;
    this.next = next;
    this.count = count;
    this.contextTotal = contextTotal;
    this.p1 = p1;
    int n = 0;
    for (double p : p1) if (p > 0) n++;
    Integer[] ids = new Integer[n];
    int k = 0;
    for (int i = 0; i < vocabulary; i++) if (p1[i] > 0) ids[k++] = i;
    Arrays.sort(ids, (a, b) -> p1[a] != p1[b] ? Double.compare(p1[b], p1[a]) : Integer.compare(a, b));
    byP1 = new int[n];
    p1Sorted = new double[n];
    p1Cumulative = new double[n + 1];
    for (int i = 0; i < n; i++) {
      byP1[i] = ids[i];
      p1Sorted[i] = p1[ids[i]];
      p1Cumulative[i + 1] = p1Cumulative[i] + p1Sorted[i];
    }
  }

  static BigramModel train(Corpus corpus, int vocabulary) {
    Long2IntOpenHashMap bigrams = new Long2IntOpenHashMap();
    for (int[] s : corpus.sentences()) {
      int prev = Corpus.BOS;
      for (int w : s) {
        bigrams.addTo(((long) prev << 32) | w, 1);
        prev = w;
      }
      bigrams.addTo(((long) prev << 32) | Corpus.EOS, 1);
    }
    long[] keys = new long[bigrams.size()];
    int k = 0;
    for (Long2IntMap.Entry e : bigrams.long2IntEntrySet()) keys[k++] = e.getLongKey();
    Arrays.sort(keys);
    int[] start = new int[vocabulary + 1];
    int[] next = new int[keys.length];
    int[] count = new int[keys.length];
    long[] contextTotal = new long[vocabulary];
    long[] continuation = new long[vocabulary];
    for (int i = 0; i < keys.length; i++) {
      int v = (int) (keys[i] >>> 32);
      int w = (int) keys[i];
      next[i] = w;
      count[i] = bigrams.get(keys[i]);
      start[v + 1]++;
      contextTotal[v] += count[i];
      continuation[w]++;
    }
    for (int v = 0; v < vocabulary; v++) start[v + 1] += start[v];
    double[] p1 = new double[vocabulary];
    for (int w = 0; w < vocabulary; w++) p1[w] = (double) continuation[w] / keys.length;
    return new BigramModel(vocabulary, start, next, count, contextTotal, p1);
  }

  double probability(int v, int w) {
    long total = contextTotal[v];
    if (total == 0) return p1[w];
    double lambda = D * (start[v + 1] - start[v]) / total;
    int i = Arrays.binarySearch(next, start[v], start[v + 1], w);
    double seen = i >= 0 ? Math.max(count[i] - D, 0) / total : 0;
    return seen + lambda * p1[w];
  }

  @Override
  public double perplexity(Corpus heldOut) {
    double logSum = 0;
    long n = 0;
    for (int[] s : heldOut.sentences()) {
      int prev = Corpus.BOS;
      for (int i = 0; i <= s.length; i++) {
        int w = i < s.length ? s[i] : Corpus.EOS;
        logSum += Math.log((1 - FLOOR) * probability(prev, w) + FLOOR / vocabulary);
        n++;
        prev = w;
      }
    }
    return Math.exp(-logSum / n);
  }

  @Override
  public Corpus sample(long tokens, Truncation truncation, SplittableRandom random) {
    if (cache[0] == null || !truncation.equals(cachedFor)) {
      cache[0] = new Sampler[vocabulary];
      cachedFor = truncation;
    }
    Sampler[] samplers = cache[0];
    List<int[]> out = new ArrayList<>();
    int[] buf = new int[MAX_LENGTH];
    long t = 0;
    while (t < tokens) {
      int prev = Corpus.BOS;
      int n = 0;
      while (n < MAX_LENGTH) {
        Sampler s = samplers[prev];
        if (s == null) s = samplers[prev] = sampler(prev, truncation);
        int w = s.draw(random);
        if (w == Corpus.EOS) break;
        buf[n++] = w;
        prev = w;
      }
      if (n == 0) continue;
      out.add(Arrays.copyOf(buf, n));
      t += n;
    }
    return new Corpus(out);
  }

  /** The truncated predictive distribution of context v: seen words above τ, plus λ p1 over a p1 prefix. */
  private Sampler sampler(int v, Truncation truncation) {
    long total = contextTotal[v];
    int from = start[v];
    int to = start[v + 1];
    double lambda = total == 0 ? 1 : D * (to - from) / total;
    double[] p = new double[to - from];
    double maxP = lambda * (p1Sorted.length > 0 ? p1Sorted[0] : 0);
    for (int i = from; i < to; i++) {
      p[i - from] = Math.max(count[i] - D, 0) / total + lambda * p1[next[i]];
      maxP = Math.max(maxP, p[i - from]);
    }
    double tau = 0;
    if (!truncation.none()) {
      double lo = 0;
      double hi = maxP * (1 + 1e-9) + 1e-300;
      for (int it = 0; it < 60; it++) {
        double mid = (lo + hi) / 2;
        if (keeps(v, p, lambda, mid, truncation)) lo = mid;
        else hi = mid;
      }
      tau = lo;
    }
    int m = 0;
    for (double x : p) if (x >= tau && x > 0) m++;
    int[] seenWords = new int[m];
    double[] seenCum = new double[m];
    double c = 0;
    int j = 0;
    double seenInPrefix = 0;
    double cut = tau / lambda;
    for (int i = from; i < to; i++) {
      double x = p[i - from];
      if (x >= tau && x > 0) {
        c += x;
        seenWords[j] = next[i];
        seenCum[j++] = c;
      }
      if (p1[next[i]] > 0 && p1[next[i]] >= cut) seenInPrefix += p1[next[i]];
    }
    int prefix = prefixLength(cut);
    double backoff = Math.max(0, lambda * (p1Cumulative[prefix] - seenInPrefix));
    if (backoff < 1e-12 * c) backoff = 0;
    return new Sampler(this, v, seenWords, seenCum, backoff, prefix, seenInPrefix);
  }

  /** Number of p1-ranked words with p1 >= cut. */
  private int prefixLength(double cut) {
    int lo = 0;
    int hi = p1Sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p1Sorted[mid] >= cut) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether the set {w : p(w|v) >= tau} still reaches the truncation's mass (top-p) and size (top-k). */
  private boolean keeps(int v, double[] p, double lambda, double tau, Truncation t) {
    double cut = tau / lambda;
    int prefix = prefixLength(cut);
    double mass = 0;
    long size = 0;
    double seenInPrefix = 0;
    int seenInPrefixCount = 0;
    for (int i = start[v]; i < start[v + 1]; i++) {
      double x = p[i - start[v]];
      if (x >= tau && x > 0) {
        mass += x;
        size++;
      }
      double q = p1[next[i]];
      if (q > 0 && q >= cut) {
        seenInPrefix += q;
        seenInPrefixCount++;
      }
    }
    mass += lambda * (p1Cumulative[prefix] - seenInPrefix);
    size += prefix - seenInPrefixCount;
    if (t.topP() < 1 && mass < t.topP() * (1 - 1e-12)) return false;
    return t.topK() == 0 || size >= t.topK();
  }

  private static final class Sampler {
    final BigramModel m;
    final int context;
    final int[] seenWords;
    final double[] seenCum;
    final double backoff;
    final int prefix;
    /** the backoff words (prefix words not seen after the context), materialised when rejection would be slow */
    int[] unseen;
    double[] unseenCum;

    Sampler(BigramModel m, int context, int[] seenWords, double[] seenCum, double backoff, int prefix, double seenInPrefix) {
      this.m = m;
      this.context = context;
      this.seenWords = seenWords;
      this.seenCum = seenCum;
      this.backoff = backoff;
      this.prefix = prefix;
      if (backoff > 0 && m.p1Cumulative[prefix] > 8 * (m.p1Cumulative[prefix] - seenInPrefix)) materialise();
    }

    private void materialise() {
      int[] w = new int[prefix];
      double[] c = new double[prefix];
      int n = 0;
      double s = 0;
      for (int i = 0; i < prefix; i++) {
        int u = m.byP1[i];
        if (seen(u)) continue;
        s += m.p1Sorted[i];
        w[n] = u;
        c[n++] = s;
      }
      unseen = Arrays.copyOf(w, n);
      unseenCum = Arrays.copyOf(c, n);
    }

    private boolean seen(int u) {
      return Arrays.binarySearch(m.next, m.start[context], m.start[context + 1], u) >= 0;
    }

    int draw(SplittableRandom r) {
      double a = seenWords.length == 0 ? 0 : seenCum[seenWords.length - 1];
      double u = r.nextDouble() * (a + backoff);
      if (u < a || backoff == 0) return seenWords[index(seenCum, seenWords.length, u)];
      if (unseen != null) return unseen[index(unseenCum, unseen.length, r.nextDouble() * unseenCum[unseen.length - 1])];
      while (true) {
        int w = m.byP1[index(m.p1Cumulative, 1, prefix + 1, r.nextDouble() * m.p1Cumulative[prefix]) - 1];
        if (!seen(w)) return w;
      }
    }

    private static int index(double[] cum, int n, double u) {
      return index(cum, 0, n, u);
    }

    /** first i in [from, to) with cum[i] > u (the last one if rounding leaves none) */
    private static int index(double[] cum, int from, int to, double u) {
      int lo = from;
      int hi = to - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cum[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
  }
}
