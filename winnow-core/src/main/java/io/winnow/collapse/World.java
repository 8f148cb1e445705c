package io.winnow.collapse;

import io.winnow.step.slop.ReferenceCorpus;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Where the human text of a collapse experiment comes from and which model family is trained on it: generation 0's
 * corpus, held-out text for perplexity, fresh human text for a real-data quota, and the real ranking of words.
 */
public abstract class World {
  final int vocabulary;
  /** 1-based rank of each id in the real ranking; Integer.MAX_VALUE when unranked */
  final int[] rank;
  final boolean[] reference;
  final int referenceSize;
  private final Corpus real;
  private final Corpus heldOut;

  private World(int vocabulary, int[] rank, boolean[] reference, Corpus real, Corpus heldOut) {
    this.vocabulary = vocabulary;
    this.rank = rank;
    this.reference = reference;
    this.real = real;
    this.heldOut = heldOut;
    int n = 0;
    for (boolean b : reference) if (b) n++;
    this.referenceSize = n;
  }

  /** Generation 0's corpus: human text. */
  public Corpus real() {
    return real;
  }

  public Corpus heldOut() {
    return heldOut;
  }

  /** Human text not handed out before in this run: the quota of generation {@code generation} (1-based). */
  public abstract Corpus fresh(long tokens, int generation);

  public abstract LanguageModel train(Corpus corpus);

  public abstract String describe();

  /**
   * A sentence as text, words separated by spaces: what Winnow's product steps and profiles read (they work on
   * documents of text, not on the experiment's word ids).
   */
  public abstract String text(int[] sentence);

  static SplittableRandom random(long seed, long stream) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 17);
  }

  /**
   * The unigram toy: a Zipf law over {@code types} words; generation 0 is {@code tokens} words drawn from it, the
   * model is the maximum-likelihood unigram, the real ranking is the law's.
   */
  public static World zipf(int types, double exponent, long tokens, long seed) {
    int vocabulary = types + 2;
    double[] law = new double[vocabulary];
    int[] rank = new int[vocabulary];
    boolean[] reference = new boolean[vocabulary];
    Arrays.fill(rank, Integer.MAX_VALUE);
    for (int r = 1; r <= types; r++) {
      law[r + 1] = Math.pow(r, -exponent);
      rank[r + 1] = r;
      reference[r + 1] = true;
    }
    UnigramModel truth = new UnigramModel(law);
    Corpus real = truth.sample(tokens, Truncation.NONE, random(seed, 1));
    Corpus heldOut = truth.sample(Math.max(10_000, tokens / 10), Truncation.NONE, random(seed, 2));
    return new World(vocabulary, rank, reference, real, heldOut) {
      @Override
      public Corpus fresh(long n, int generation) {
        return truth.sample(n, Truncation.NONE, random(seed, 1000 + generation));
      }

      @Override
      public LanguageModel train(Corpus corpus) {
        return UnigramModel.train(corpus, vocabulary);
      }

      @Override
      public String describe() {
        return String.format("toy: Zipf law, exponent %.2f, %d types, %d tokens per generation, unigram MLE", exponent, types, tokens);
      }

      /**
       * Word id n is written in letters, n − 1 in bijective base 26 (2 is "a", 28 "aa"): digits would not do, dedup's
       * normalisation folds every number to 0.
       */
      @Override
      public String text(int[] sentence) {
        StringBuilder b = new StringBuilder(sentence.length * 5);
        char[] word = new char[8];
        for (int w : sentence) {
          if (b.length() > 0) b.append(' ');
          int k = word.length;
          for (int n = w - 1; n > 0; n = (n - 1) / 26) word[--k] = (char) ('a' + (n - 1) % 26);
          b.append(word, k, word.length - k);
        }
        return b.toString();
      }
    };
  }

  /**
   * The Brown corpus: every tenth sample file (by sorted name: ca10, ca20, ...) is held out for perplexity, the
   * other 90 % are generation 0's corpus; the model is a Kneser-Ney bigram. Fresh human text for a quota is read
   * from generation 0's sentences in a seeded random order, each handed out once (then round again).
   */
  public static World brown(Path tgz, long seed) throws IOException {
    Map<String, List<String[]>> byFile = new TreeMap<>(ReferenceCorpus.readBrownByFile(tgz));
    Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
    List<int[]> train = new ArrayList<>();
    List<int[]> held = new ArrayList<>();
    int f = 0;
    for (List<String[]> sentences : byFile.values()) {
      boolean out = f++ % 10 == 9;
      for (String[] s : sentences) {
        int[] t = new int[s.length];
        for (int i = 0; i < s.length; i++) t[i] = ids.computeIfAbsent(s[i], k -> ids.size() + 2);
        (out ? held : train).add(t);
      }
    }
    int vocabulary = ids.size() + 2;
    String[] words = new String[vocabulary];
    ids.forEach((word, id) -> words[id] = word);
    long[] counts = new long[vocabulary];
    for (int[] s : train) for (int w : s) counts[w]++;
    Integer[] order = new Integer[vocabulary];
    for (int i = 0; i < vocabulary; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
    int[] rank = new int[vocabulary];
    boolean[] reference = new boolean[vocabulary];
    Arrays.fill(rank, Integer.MAX_VALUE);
    for (int r = 0; r < vocabulary && counts[order[r]] > 0; r++) {
      rank[order[r]] = r + 1;
      reference[order[r]] = true;
    }
    Corpus real = new Corpus(train);
    Corpus heldOut = new Corpus(held);
    List<int[]> shuffled = new ArrayList<>(train);
    SplittableRandom r = random(seed, 3);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int[] x = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, x);
    }
    int files = byFile.size();
    return new World(vocabulary, rank, reference, real, heldOut) {
      @Override
      public Corpus fresh(long n, int generation) {
        long offset = (generation - 1) * n;
        List<int[]> out = new ArrayList<>();
        long t = 0;
        int i = (int) ((offset / Math.max(1, real.tokens() / shuffled.size())) % shuffled.size());
        while (t < n) {
          int[] s = shuffled.get(i);
          out.add(s);
          t += s.length;
          i = (i + 1) % shuffled.size();
        }
        return new Corpus(out);
      }

      @Override
      public LanguageModel train(Corpus corpus) {
        return BigramModel.train(corpus, vocabulary);
      }

      @Override
      public String describe() {
        return String.format("Brown corpus: %d sample files, %d held out (%d tokens), generation 0 %d tokens in %d sentences, %d types; Kneser-Ney bigram",
            files, files / 10, heldOut.tokens(), real.tokens(), real.sentences().size(), referenceSize);
      }

      @Override
      public String text(int[] sentence) {
        StringBuilder b = new StringBuilder(sentence.length * 6);
        for (int w : sentence) b.append(b.length() == 0 ? "" : " ").append(words[w]);
        return b.toString();
      }
    };
  }
}
