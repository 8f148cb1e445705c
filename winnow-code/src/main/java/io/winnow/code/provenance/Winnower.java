package io.winnow.code.provenance;

/**
 * Winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): hashes every k-gram of the token stream, and keeps
 * from each window of {@code w} consecutive k-gram hashes the minimum. Two texts that share a run of at least
 * {@code t = w + k - 1} tokens share a whole window, hence that window's minimum: a selected fingerprint (the
 * guarantee). Runs shorter than {@code k} are never matched (the noise threshold). The expected density is
 * 2 / (w + 1) fingerprints per token.
 *
 * <p>Robust winnowing, as in the paper: when the minimum of a new window equals the one already selected
 * (still inside the window), the earlier selection stands, so low-entropy stretches (runs of the same
 * abstracted token pattern) do not emit a fingerprint per position; otherwise the rightmost minimum is taken.
 *
 * <p>K-gram hashes are a polynomial rolling hash over the 64-bit token hashes, finalised by a mixer so that
 * window minima are uniform; the seed is part of the index's parameters. Texts with fewer than {@code w}
 * k-grams (but at least one) give their single minimum. Not thread-safe: one per worker, as its buffers are.
 */
public final class Winnower {
  /**
   * Defaults, in tokens: k = 20 abstracted tokens is about two to three statements of C (shorter k-grams recur
   * across unrelated code: after abstraction {@code ID = ID ( ID , NUM ) ;} is everywhere), and a window of 12
   * gives t = 31 tokens (three or four lines) with about one k-gram in six and a half kept. Chosen on training
   * driver subsystems of the evaluation in docs/BENCHMARKS.md among 8–30 × 8–16 (the last sweep: 16 × 12,
   * 16 × 16, 20 × 12): recall there fell for shorter k-grams (more chance matches, more boilerplate) and for
   * longer ones (edits every few lines leave fewer whole k-grams). MOSS's published setting is of the same
   * order (t about twice k).
   */
  public static final int DEFAULT_K = 20;
  public static final int DEFAULT_W = 12;
  public static final long DEFAULT_SEED = 0x57_494e_4e4f_5731L;

  private static final long BASE = 0x100000001b3L * 31 + 2; // odd, large: no short cycles mod 2^64

  private final int k;
  private final int w;
  private final long seed;
  private final long basePowK; // BASE^k, to remove the token leaving the k-gram
  private long[] ring;

  public Winnower(int k, int w, long seed) {
    if (k < 1 || k > 1000) throw new IllegalArgumentException("k must be in [1, 1000], got " + k);
    if (w < 1 || w > 1000) throw new IllegalArgumentException("w must be in [1, 1000], got " + w);
    this.k = k;
    this.w = w;
    this.seed = seed;
    long p = 1;
    for (int i = 0; i < k; i++) p *= BASE;
    this.basePowK = p;
    this.ring = new long[w];
  }

  public int k() {
    return k;
  }

  public int w() {
    return w;
  }

  /** The guarantee threshold t = w + k − 1: any shared run of t tokens yields a shared fingerprint. */
  public int guaranteeTokens() {
    return w + k - 1;
  }

  /** Selects the fingerprints of {@code tokens}, replacing the content of {@code out}. */
  public void winnow(TokenStream tokens, Fingerprints out) {
    out.clear();
    int n = tokens.size();
    int grams = n - k + 1;
    if (grams <= 0) return;
    long[] t = tokens.tokens();
    long h = 0;
    for (int i = 0; i < k; i++) h = h * BASE + t[i];
    if (grams < w) { // too short for one full window: its single minimum
      long best = Long.MAX_VALUE;
      int bestPos = 0;
      for (int i = 0; i < grams; i++) {
        if (i > 0) h = h * BASE - t[i - 1] * basePowK + t[i + k - 1];
        long g = finish(h);
        if (g <= best) {
          best = g;
          bestPos = i;
        }
      }
      out.add(best, bestPos);
      return;
    }
    long[] r = ring;
    // the first window: its rightmost minimum
    int min = 0;
    for (int i = 0; i < w; i++) {
      if (i > 0) h = h * BASE - t[i - 1] * basePowK + t[i + k - 1];
      r[i] = finish(h);
      if (r[i] <= r[min]) min = i;
    }
    out.add(r[min], min);
    // ring slot of k-gram i is i % w; 'min' holds a k-gram index
    for (int i = w; i < grams; i++) {
      h = h * BASE - t[i - 1] * basePowK + t[i + k - 1];
      long g = finish(h);
      int slot = i % w;
      r[slot] = g;
      if (min <= i - w) { // the selected minimum left the window: rescan for the rightmost minimum
        int best = i;
        long bestHash = g;
        for (int j = i - 1; j > i - w; j--) {
          long v = r[j % w];
          if (v < bestHash) {
            bestHash = v;
            best = j;
          }
        }
        min = best;
        out.add(bestHash, min);
      } else if (g < r[min % w]) { // strictly smaller: a new minimum (ties keep the earlier, robust winnowing)
        min = i;
        out.add(g, min);
      }
    }
  }

  private long finish(long h) {
    return CodeLexer.mix(h ^ seed);
  }
}
