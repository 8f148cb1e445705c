package io.winnow.collapse;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Winnow-style guard of the {@code guarded} mode: what a refinery does to a corpus that is mostly the previous
 * model's output, given a small quota of fresh human text each generation. Three mechanisms, in this order:
 * <ol>
 *   <li><b>Duplicates out.</b> A sampled sentence is dropped when the same sentence (exact hash), or a near copy of
 *       it (same length, first three and last three words), has already been kept, or is in the human pool. Sampled
 *       text repeats its modes; copies are the first symptom.</li>
 *   <li><b>Over-represented modes capped.</b> No word may be more frequent in the kept synthetic text than it is in
 *       the human text the guard holds: a word w may occur at most {@code (f(w) + 1) * S / H} times in the kept part
 *       (f(w) its count in the human pool of H tokens, S the sample's size, +1 so that words the small pool has not
 *       seen are not banned). Sentences are read in sample order and one that would push any of its words over its
 *       cap is dropped. Truncated sampling inflates the head (the nucleus is renormalised every generation), so
 *       this is where the sentences made only of top-ranked words go; the sentences that survive are those built
 *       from words the model under-produces.</li>
 *   <li><b>The tail kept through the human pool.</b> The guard keeps every fresh human sentence it is given (the
 *       pool only grows, it is never replaced by synthetic text) and fills the budget the dropped sentences free, so
 *       that the corpus is as large as the sample, with the pool's sentences in turn (several times over when the
 *       pool is small). Truncated sampling never produces a word below the nucleus again; only human text can bring
 *       it back, and only if it is weighted like the words it stands for rather than diluted by 90 % synthetic
 *       head.</li>
 * </ol>
 * The guard never sees generation 0's corpus or counts: its only reference is the human text of the quota, which
 * is drawn afresh each generation and is the same for every model. Stateful (the pool), one instance per run.
 */
final class Guard {
  private final List<int[]> pool = new ArrayList<>();
  private final LongOpenHashSet poolHashes = new LongOpenHashSet();
  private double[] poolCounts;
  private long poolTokens;
  private final int vocabulary;
  /** how many of the pool's most frequent words make the head */
  static final int HEAD = 1000;
  /** what the last call did, for the report */
  int lastDuplicates;
  int lastCapped;
  long lastFill;

  Guard(int vocabulary) {
    this.vocabulary = vocabulary;
    this.poolCounts = new double[vocabulary];
  }

  Corpus apply(Corpus sample, Corpus freshHuman) {
    for (int[] s : freshHuman.sentences()) {
      pool.add(s);
      poolHashes.add(exact(s));
      for (int w : s) poolCounts[w]++;
      poolTokens += s.length;
    }
    double scale = (double) sample.tokens() / Math.max(1, poolTokens);
    // the pool's own ranking: its top HEAD words are the head, every other word (or one it has not seen) the tail
    Integer[] order = new Integer[vocabulary];
    for (int i = 0; i < vocabulary; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> poolCounts[a] != poolCounts[b] ? Double.compare(poolCounts[b], poolCounts[a]) : Integer.compare(a, b));
    boolean[] head = new boolean[vocabulary];
    long poolTail = poolTokens;
    for (int r = 0; r < HEAD && poolCounts[order[r]] > 0; r++) {
      head[order[r]] = true;
      poolTail -= (long) poolCounts[order[r]];
    }
    double tailShare = (double) poolTail / poolTokens;
    LongOpenHashSet seenExact = new LongOpenHashSet();
    LongOpenHashSet seenNear = new LongOpenHashSet();
    double[] used = new double[vocabulary];
    List<int[]> headOnly = new ArrayList<>();
    List<int[]> kept = new ArrayList<>();
    long keptTokens = 0;
    long keptHead = 0;
    long keptTail = 0;
    lastDuplicates = 0;
    lastCapped = 0;
    for (int[] s : sample.sentences()) {
      long e = exact(s);
      if (poolHashes.contains(e) || !seenExact.add(e) || !seenNear.add(near(s))) {
        lastDuplicates++;
        continue;
      }
      boolean over = false;
      int tail = 0;
      for (int w : s) {
        if (++used[w] > (poolCounts[w] + 1) * scale) over = true;
        if (!head[w]) tail++;
      }
      if (over || tail == 0) {
        for (int w : s) used[w]--;
        if (over) lastCapped++;
        else headOnly.add(s);
        continue;
      }
      kept.add(s);
      keptTokens += s.length;
      keptTail += tail;
      keptHead += s.length - tail;
    }
    // sentences made only of head words come back only as far as the pool's head/tail balance allows
    double headBudget = tailShare >= 1 ? Double.MAX_VALUE : keptTail * (1 - tailShare) / Math.max(1e-9, tailShare);
    for (int[] s : headOnly) {
      if (keptHead + s.length > headBudget) {
        lastCapped++;
        continue;
      }
      boolean over = false;
      for (int w : s) if (++used[w] > (poolCounts[w] + 1) * scale) over = true;
      if (over) {
        for (int w : s) used[w]--;
        lastCapped++;
        continue;
      }
      kept.add(s);
      keptTokens += s.length;
      keptHead += s.length;
    }
    // the human pool in full, then its sentences again, first those that carry a word the corpus still has less of
    // than the pool's profile asks for (tail words the sample has lost), then round-robin, until the budget
    List<int[]> out = new ArrayList<>(kept);
    out.addAll(pool);
    long fill = poolTokens;
    double budget = sample.tokens();
    for (int[] s : pool) for (int w : s) used[w]++;
    boolean added = true;
    while (added && keptTokens + fill < budget) {
      added = false;
      for (int i = 0; i < pool.size() && keptTokens + fill < budget; i++) {
        int[] s = pool.get(i);
        boolean deficit = false;
        for (int w : s) if (used[w] < poolCounts[w] * budget / poolTokens) deficit = true;
        if (!deficit) continue;
        for (int w : s) used[w]++;
        out.add(s);
        fill += s.length;
        added = true;
      }
    }
    for (int i = 0; keptTokens + fill < budget; i = (i + 1) % pool.size()) {
      out.add(pool.get(i));
      fill += pool.get(i).length;
    }
    lastFill = fill;
    return new Corpus(out);
  }

  private static long exact(int[] s) {
    long h = 0xcbf29ce484222325L;
    for (int w : s) h = (h ^ w) * 0x100000001b3L;
    return h ^ s.length;
  }

  private static long near(int[] s) {
    int n = s.length;
    int[] key = new int[7];
    key[0] = n;
    for (int i = 0; i < 3; i++) {
      key[1 + i] = i < n ? s[i] : -1;
      key[4 + i] = n - 1 - i >= 0 ? s[n - 1 - i] : -1;
    }
    return exact(key) * 31 + Arrays.hashCode(key);
  }
}
