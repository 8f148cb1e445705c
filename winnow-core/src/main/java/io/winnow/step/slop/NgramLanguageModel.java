package io.winnow.step.slop;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word trigram language model with interpolated Kneser-Ney smoothing (absolute discount 0.75, continuation
 * counts for the unigram level), trained on human text. How surprised it is by each word of a document is the
 * cheap half of the best published machine-text detectors: sampled text stays on the likely path.
 *
 * <p>Words seen once in training become {@code <unk>}; numbers become {@code <num>}. Trigrams seen once are pruned
 * (their probability mass goes to the bigram level), which keeps the model small enough to ship; context totals
 * are kept exact. Immutable and thread-safe once built.
 */
final class NgramLanguageModel {
  static final int UNK = 0;
  static final int BOS = 1;
  static final int EOS = 2;
  static final int NUM = 3;
  private static final double DISCOUNT = 0.75;
  private static final double LOG2 = Math.log(2);

  private final Object2IntOpenHashMap<String> vocabulary;
  private final String[] words;
  private final long[] unigram;
  /** per word: in how many distinct bigrams it is the second word (Kneser-Ney continuation count) */
  private final long[] continuation;
  private final long continuationTotal;
  private final long tokenTotal;
  /** per word as a bigram context: total count of bigrams starting with it, and how many distinct ones */
  private final long[] contextTotal;
  private final long[] contextDistinct;
  /** bigram (u,v) -> count in the high 32 bits, distinct trigram continuations (u,v,*) in the low 32 */
  private final Long2LongOpenHashMap bigrams;
  private final Long2IntOpenHashMap trigrams;
  /** per bigram context: mean and variance of ln p(w|v) when w is drawn from the model itself */
  private final double[] expectedLogProb;
  private final double[] logProbVariance;
  private final double[] inverseStd;
  /** per word: the continuation probability of the unigram level, and ln of the plain frequency */
  private final double[] p1;
  private final double[] lnFrequency;

  private NgramLanguageModel(String[] words, long[] unigram, long[] continuation, long[] contextTotal, long[] contextDistinct,
      Long2LongOpenHashMap bigrams, Long2IntOpenHashMap trigrams) {
    this.words = words;
    this.unigram = unigram;
    this.continuation = continuation;
    this.contextTotal = contextTotal;
    this.contextDistinct = contextDistinct;
    this.bigrams = bigrams;
    this.trigrams = trigrams;
    this.vocabulary = new Object2IntOpenHashMap<>(words.length);
    vocabulary.defaultReturnValue(UNK);
    for (int i = 0; i < words.length; i++) vocabulary.put(words[i], i);
    this.continuationTotal = Arrays.stream(continuation).sum();
    this.tokenTotal = Arrays.stream(unigram).sum();
    this.p1 = new double[words.length];
    this.lnFrequency = new double[words.length];
    for (int w = 0; w < words.length; w++) {
      p1[w] = (continuation[w] + 0.5) / (continuationTotal + 0.5 * words.length);
      lnFrequency[w] = Math.log((unigram[w] + 0.5) / (tokenTotal + 0.5 * words.length));
    }
    this.expectedLogProb = new double[words.length];
    this.logProbVariance = new double[words.length];
    expectations();
    this.inverseStd = new double[words.length];
    for (int w = 0; w < words.length; w++) inverseStd[w] = 1 / Math.sqrt(logProbVariance[w]);
  }

  /**
   * For each context word v, the mean and variance of ln p(w|v) over the model's own predictive distribution
   * (the analytic criterion of Fast-DetectGPT, on the bigram level). Only the continuations seen in training are
   * visited: the rest share the back-off weight, and their sums follow from unigram totals minus the seen ones.
   */
  private void expectations() {
    int v = words.length;
    double a = 0, b = 0;
    for (int w = 0; w < v; w++) {
      double l = Math.log(p1[w]);
      a += p1[w] * l;
      b += p1[w] * l * l;
    }
    double[] seenP1 = new double[v], seenA = new double[v], seenB = new double[v], sumPl = new double[v], sumPl2 = new double[v];
    bigrams.long2LongEntrySet().fastForEach(e -> {
      int u = (int) (e.getLongKey() >>> 21);
      int w = (int) (e.getLongKey() & ((1 << 21) - 1));
      long ctx = contextTotal[u];
      if (ctx == 0) return;
      double lambda = DISCOUNT * contextDistinct[u] / ctx;
      double p = ((e.getLongValue() >>> 32) - DISCOUNT) / ctx + lambda * p1[w];
      double l = Math.log(p), l1 = Math.log(p1[w]);
      sumPl[u] += p * l;
      sumPl2[u] += p * l * l;
      seenP1[u] += p1[w];
      seenA[u] += p1[w] * l1;
      seenB[u] += p1[w] * l1 * l1;
    });
    for (int u = 0; u < v; u++) {
      long ctx = contextTotal[u];
      if (ctx == 0) {
        expectedLogProb[u] = a;
        logProbVariance[u] = Math.max(0, b - a * a);
        continue;
      }
      double lambda = DISCOUNT * contextDistinct[u] / ctx;
      double ll = Math.log(lambda);
      double rest = Math.max(0, 1 - seenP1[u]);
      double mean = sumPl[u] + lambda * (ll * rest + (a - seenA[u]));
      double second = sumPl2[u] + lambda * (ll * ll * rest + 2 * ll * (a - seenA[u]) + (b - seenB[u]));
      expectedLogProb[u] = mean;
      logProbVariance[u] = Math.max(1e-9, second - mean * mean);
    }
  }

  /**
   * Everything the features need about word w after u v, with two hash lookups: ln p(w|u,v) (the full model),
   * ln p(w|v) (the bigram level) and ln of w's plain frequency, in {@code out[0..2]}.
   */
  void score(int u, int v, int w, double[] out) {
    score(u, v, bigrams.get(key(u, v)), w, out);
  }

  /**
   * As {@link #score(int, int, int, double[])}, with the context's bigram entry already at hand (a scan passes on
   * the entry of the previous word pair, saving a lookup per word); returns the entry of (v, w).
   */
  long score(int u, int v, long contextEntry, int w, double[] out) {
    double q1 = p1[w];
    long ctx = contextTotal[v];
    long entry = bigrams.get(key(v, w));
    double q2 = ctx == 0 ? q1 : Math.max((entry >>> 32) - DISCOUNT, 0) / ctx + DISCOUNT * contextDistinct[v] / ctx * q1;
    double q3 = q2;
    long ctx3 = contextEntry >>> 32;
    if (ctx3 > 0 && v != EOS) {
      long distinct = contextEntry & 0xffffffffL;
      int c = trigrams.get(key(u, v, w));
      q3 = Math.max(c - DISCOUNT, 0) / ctx3 + DISCOUNT * distinct / ctx3 * q2;
    }
    out[0] = Math.log(q3);
    out[1] = q3 == q2 ? out[0] : Math.log(q2);
    out[2] = lnFrequency[w];
    return entry;
  }

  /** The bigram table's entry for (u, v): its count in the high 32 bits, distinct continuations in the low. */
  long bigramEntry(int u, int v) {
    return bigrams.get(key(u, v));
  }


  /** ln p(w|v) on the bigram level, the quantity {@link #expectedLogProb} describes. */
  double lnBigram(int v, int w) {
    return Math.log(bigramProbability(v, w));
  }

  private double bigramProbability(int v, int w) {
    long ctx = contextTotal[v];
    if (ctx == 0) return p1[w];
    long c = bigrams.get(key(v, w)) >>> 32;
    return Math.max(c - DISCOUNT, 0) / ctx + DISCOUNT * contextDistinct[v] / ctx * p1[w];
  }

  double expectedLnBigram(int v) {
    return expectedLogProb[v];
  }

  /** 1 / the standard deviation of ln p(w|v) under the model, precomputed for the per-token curvature. */
  double lnBigramInverseStd(int v) {
    return inverseStd[v];
  }

  double lnBigramVariance(int v) {
    return logProbVariance[v];
  }

  private volatile Object2IntOpenHashMap<String> wordTable;

  /** Bit position of the lexicon flags in {@link #wordTable} entries; the word id is below it. */
  static final int FLAG_SHIFT = 21;

  /**
   * Every vocabulary and lexicon word with its id and its lexicon flags ({@link Lexicons}) packed in one int, so
   * each word of a document costs one lookup. Built on first use.
   */
  Object2IntOpenHashMap<String> wordTable() {
    Object2IntOpenHashMap<String> t = wordTable;
    if (t == null) {
      synchronized (this) {
        if (wordTable == null) {
          Object2IntOpenHashMap<String> table = new Object2IntOpenHashMap<>(vocabulary);
          table.defaultReturnValue(UNK);
          Lexicons.get().flags.object2IntEntrySet().fastForEach(e -> table.put(e.getKey(),
              table.getInt(e.getKey()) | e.getIntValue() << FLAG_SHIFT));
          wordTable = table;
        }
        t = wordTable;
      }
    }
    return t;
  }

  int vocabularySize() {
    return words.length;
  }

  int id(String word) {
    if (isNumber(word)) return NUM;
    return vocabulary.getInt(word);
  }

  private static boolean isNumber(String w) {
    return !w.isEmpty() && Character.isDigit(w.charAt(0));
  }

  /** log2 probability of {@code w} after {@code u v} (ids). */
  double log2Prob(int u, int v, int w) {
    double[] out = new double[3];
    score(u, v, w, out);
    return out[0] / LOG2;
  }

  /** log2 of the word's plain frequency, the context-free baseline. */
  double log2Unigram(int w) {
    return Math.log((unigram[w] + 0.5) / (tokenTotal + 0.5 * words.length)) / LOG2;
  }

  private static long key(int u, int v) {
    return ((long) u << 21) | v;
  }

  private static long key(int u, int v, int w) {
    return ((long) u << 42) | ((long) v << 21) | w;
  }

  /** Trains on sentences of words as {@link WordScan} splits them. */
  static NgramLanguageModel train(List<String[]> sentences) {
    Object2IntOpenHashMap<String> counts = new Object2IntOpenHashMap<>();
    for (String[] s : sentences) for (String w : s) if (!isNumber(w)) counts.addTo(w, 1);
    List<String> vocab = new ArrayList<>(List.of("<unk>", "<s>", "</s>", "<num>"));
    counts.object2IntEntrySet().stream().filter(e -> e.getIntValue() >= 2).map(e -> e.getKey()).sorted().forEach(vocab::add);
    if (vocab.size() >= (1 << 21)) throw new IllegalStateException("vocabulary too large for the key layout: " + vocab.size());
    Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    ids.defaultReturnValue(UNK);
    for (int i = 0; i < vocab.size(); i++) ids.put(vocab.get(i), i);

    int v = vocab.size();
    long[] unigram = new long[v];
    Long2LongOpenHashMap bigramCounts = new Long2LongOpenHashMap();
    Long2IntOpenHashMap trigramCounts = new Long2IntOpenHashMap();
    for (String[] s : sentences) {
      int[] seq = new int[s.length + 3];
      seq[0] = BOS;
      seq[1] = BOS;
      for (int i = 0; i < s.length; i++) seq[i + 2] = isNumber(s[i]) ? NUM : ids.getInt(s[i]);
      seq[seq.length - 1] = EOS;
      for (int i = 2; i < seq.length; i++) {
        unigram[seq[i]]++;
        trigramCounts.addTo(key(seq[i - 2], seq[i - 1], seq[i]), 1);
      }
      for (int i = 1; i < seq.length; i++) bigramCounts.addTo(key(seq[i - 1], seq[i]), 1L << 32);
    }
    long[] continuation = new long[v];
    long[] contextTotal = new long[v];
    long[] contextDistinct = new long[v];
    bigramCounts.long2LongEntrySet().fastForEach(e -> {
      int u = (int) (e.getLongKey() >>> 21);
      int w = (int) (e.getLongKey() & ((1 << 21) - 1));
      continuation[w]++;
      contextTotal[u] += e.getLongValue() >>> 32;
      contextDistinct[u]++;
    });
    Long2IntOpenHashMap kept = new Long2IntOpenHashMap();
    trigramCounts.long2IntEntrySet().fastForEach(e -> {
      long bigram = e.getLongKey() >>> 21;
      bigramCounts.addTo(bigram, 1);
      if (e.getIntValue() >= 2) kept.put(e.getLongKey(), e.getIntValue());
    });
    return new NgramLanguageModel(vocab.toArray(String[]::new), unigram, continuation, contextTotal, contextDistinct, bigramCounts, kept);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(words.length);
    for (int i = 0; i < words.length; i++) {
      out.writeUTF(words[i]);
      out.writeLong(unigram[i]);
      out.writeLong(continuation[i]);
      out.writeLong(contextTotal[i]);
      out.writeLong(contextDistinct[i]);
    }
    long[] bk = bigrams.keySet().toLongArray();
    Arrays.sort(bk);
    out.writeInt(bk.length);
    long prev = 0;
    for (long k : bk) {
      writeVarLong(out, k - prev);
      prev = k;
      long packed = bigrams.get(k);
      writeVarLong(out, packed >>> 32);
      writeVarLong(out, packed & 0xffffffffL);
    }
    long[] tk = trigrams.keySet().toLongArray();
    Arrays.sort(tk);
    out.writeInt(tk.length);
    prev = 0;
    for (long k : tk) {
      writeVarLong(out, k - prev);
      prev = k;
      writeVarLong(out, trigrams.get(k));
    }
  }

  static NgramLanguageModel read(DataInputStream in) throws IOException {
    int v = in.readInt();
    String[] words = new String[v];
    long[] unigram = new long[v], continuation = new long[v], contextTotal = new long[v], contextDistinct = new long[v];
    for (int i = 0; i < v; i++) {
      words[i] = in.readUTF();
      unigram[i] = in.readLong();
      continuation[i] = in.readLong();
      contextTotal[i] = in.readLong();
      contextDistinct[i] = in.readLong();
    }
    int nb = in.readInt();
    Long2LongOpenHashMap bigrams = new Long2LongOpenHashMap(nb);
    long k = 0;
    for (int i = 0; i < nb; i++) {
      k += readVarLong(in);
      long count = readVarLong(in);
      long distinct = readVarLong(in);
      bigrams.put(k, count << 32 | distinct);
    }
    int nt = in.readInt();
    Long2IntOpenHashMap trigrams = new Long2IntOpenHashMap(nt);
    k = 0;
    for (int i = 0; i < nt; i++) {
      k += readVarLong(in);
      trigrams.put(k, (int) readVarLong(in));
    }
    return new NgramLanguageModel(words, unigram, continuation, contextTotal, contextDistinct, bigrams, trigrams);
  }

  private static void writeVarLong(DataOutputStream out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarLong(DataInputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new IOException("corrupt language model: a variable-length number runs past 64 bits");
  }
}
