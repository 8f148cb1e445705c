package io.winnow.step.slop;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a text into the detector's features: named, interpretable figures (lexicon rates, style, language-model
 * surprise) and, optionally, hashed word and character n-gram counts. One instance per thread: it keeps scratch
 * buffers.
 */
final class FeatureExtractor {
  /** Surprise histogram: 0.25-bit bins up to 40 bits, for percentiles without sorting. */
  private static final int SURPRISE_BINS = 160;
  private static final double BIN_WIDTH = 0.25;
  private static final int MATTR_WINDOW = 50;
  private static final double HIGH_SURPRISE_BITS = 15;
  /** Hashed n-grams read at most this much of a long text: enough to judge its style. */
  private static final int MAX_HASHED_TOKENS = 10_000;

  static final List<String> DENSE;

  static {
    List<String> names = new ArrayList<>(List.of(
        "slop_words_per_1k", "slop_bigrams_per_1k", "slop_trigrams_per_1k", "antislop_words_per_1k",
        "antislop_phrases_per_1k", "excess_style_words_per_1k", "not_x_but_y_per_1k_chars", "eq_slop_score",
        "log_words", "sentence_mean", "sentence_std", "sentence_cv", "mattr", "type_token_ratio", "word_length_mean",
        "repeated_trigram_share", "function_word_rate", "capitalised_rate", "digit_rate"));
    for (char c : WordScan.PUNCTUATION.toCharArray()) names.add("punct_rate_" + punctuationName(c));
    names.addAll(List.of("lm_mean", "lm_std", "lm_max", "lm_p10", "lm_p50", "lm_p90", "lm_high_share", "lm_oov_rate",
        "lm_unigram_mean", "lm_gain_mean", "lm_gain_std", "lm_ratio", "lm_curvature", "lm_curvature_per_token"));
    DENSE = List.copyOf(names);
  }

  private static String punctuationName(char c) {
    return switch (c) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case ':' -> "colon";
      case '-' -> "hyphen";
      case '—' -> "em_dash";
      case '!' -> "exclamation";
      case '?' -> "question";
      case '"' -> "double_quote";
      case '(' -> "open_paren";
      case ')' -> "close_paren";
      case '\'' -> "apostrophe";
      case '…' -> "ellipsis";
      case '*' -> "asterisk";
      case '#' -> "hash";
      default -> Integer.toHexString(c);
    };
  }

  /** The features of one text. {@code hashed} holds sorted bucket indices with their weights, or is empty. */
  record Features(double[] dense, int[] hashedIndex, float[] hashedValue, int words, Reading reading) {}

  /**
   * What reading the text found besides its features: the evasions that {@link ScoringText} undid (look-alike
   * letters folded, invisible characters removed), the share of Latin letters among its letters, and the share of
   * its words that are English and other languages' markers ({@link Lexicons#ENGLISH_MARKERS},
   * {@link Lexicons#FOREIGN_MARKERS}), for the language guard.
   */
  record Reading(int homoglyphs, int invisible, double latinShare, double englishWordRate, double foreignWordRate) {}

  private final NgramLanguageModel lm;
  private final Lexicons lex;
  private final int hashBits;
  private final int[] surpriseHistogram = new int[SURPRISE_BINS];
  private final double[] lnScratch = new double[3];
  private static final double INV_LN2 = 1 / Math.log(2);
  // per-document scratch, reused: word flags, word ids within the document, content words
  private int[] flags = new int[256];
  private int[] ids = new int[256];
  private int[] vocabularyIds = new int[256];
  private final Object2IntOpenHashMap<String> words;
  private String[] content = new String[256];
  private boolean[] contentStarts = new boolean[256];
  private int[] window = new int[256];
  private final Object2IntOpenHashMap<String> docIds = new Object2IntOpenHashMap<>();
  /** document-local id of each vocabulary word seen in the current document, -1 otherwise; reset via touched */
  private int[] localOfVocabulary;
  private int[] touched = new int[256];
  private int touchedCount;
  private int distinctWords;
  private final HashedCounts trigramCounts = new HashedCounts();
  private final HashedCounts counts = new HashedCounts();

  private final boolean caseFold;

  /** @param hashBits log2 of the hashed feature space, 0 for none */
  FeatureExtractor(NgramLanguageModel lm, int hashBits) {
    this(lm, hashBits, false);
  }

  /**
   * @param caseFold read sentence boundaries and the style n-grams without case (see {@link WordScan}); a model
   *     option, off for models trained before it existed
   */
  FeatureExtractor(NgramLanguageModel lm, int hashBits, boolean caseFold) {
    this.caseFold = caseFold;
    this.lm = lm;
    this.lex = Lexicons.get();
    this.hashBits = hashBits;
    docIds.defaultReturnValue(-1);
    this.words = lm.wordTable();
    this.localOfVocabulary = new int[lm.vocabularySize()];
    Arrays.fill(localOfVocabulary, -1);
  }

  private final WordScan scan = new WordScan();

  /** The features of a document's text, read through {@link ScoringText}. */
  Features extract(String raw) {
    ScoringText normalised = ScoringText.of(raw);
    String text = normalised.text;
    WordScan scan = this.scan.rescan(text, normalised.caseless, caseFold);
    double[] f = new double[DENSE.size()];
    int n = scan.wordCount;
    String[] w = scan.words;
    if (flags.length < n) {
      flags = new int[n * 2];
      ids = new int[n * 2];
      vocabularyIds = new int[n * 2];
      content = new String[n * 2];
      contentStarts = new boolean[n * 2];
    }
    resetLocalIds();
    double per1k = n == 0 ? 0 : 1000.0 / n;
    int i = 0;
    // lexicons
    int slopWords = 0, antislopWords = 0, excess = 0, function = 0, english = 0, foreign = 0;
    int contentCount = 0;
    for (int k = 0; k < n; k++) {
      String word = w[k];
      int packed = words.getInt(word);
      int fl = packed >>> NgramLanguageModel.FLAG_SHIFT;
      flags[k] = fl;
      vocabularyIds[k] = Character.isDigit(word.charAt(0)) ? NgramLanguageModel.NUM : packed & ((1 << NgramLanguageModel.FLAG_SHIFT) - 1);
      if (fl != 0) {
        if ((fl & Lexicons.SLOP) != 0) slopWords++;
        if ((fl & Lexicons.ANTISLOP) != 0) antislopWords++;
        if ((fl & Lexicons.EXCESS) != 0) excess++;
        if ((fl & Lexicons.STOP) != 0) function++;
        if ((fl & Lexicons.ENGLISH) != 0) english++;
        if ((fl & Lexicons.FOREIGN) != 0) foreign++;
      }
      if ((fl & Lexicons.STOP) == 0) {
        boolean plain = word.indexOf('\'') < 0;
        String c = plain ? word : lex.contentWord(word);
        if (c != null) {
          contentStarts[contentCount] = ((plain ? fl : lex.flags.getInt(c)) & Lexicons.NGRAM_START) != 0;
          content[contentCount++] = c;
        }
      }
      ids[k] = localId(word, vocabularyIds[k]);
    }
    int bigrams = 0, trigrams = 0;
    for (int k = 0; k + 1 < contentCount; k++) {
      if (!contentStarts[k]) continue;
      long h2 = Lexicons.PhraseHash.of(content, k, k + 2);
      if (lex.slopBigramHashes.contains(h2)) bigrams++;
      if (k + 2 < contentCount && lex.slopTrigramHashes.contains(Lexicons.PhraseHash.step(h2, content[k + 2]))) trigrams++;
    }
    int phrases = 0;
    for (int k = 0; k < n; k++) {
      if ((flags[k] & Lexicons.PHRASE_START) == 0) continue;
      long h = Lexicons.PhraseHash.of(w, k, k + 1);
      for (int len = 2; len <= lex.maxPhraseWords && k + len <= n; len++) {
        h = Lexicons.PhraseHash.step(h, w[k + len - 1]);
        if (lex.antislopPhrases.contains(h)) {
          phrases++;
          break;
        }
      }
    }
    int contrasts = ContrastPatterns.count(scan);
    double contrastPer1kChars = text.isEmpty() ? 0 : contrasts * 1000.0 / text.length();
    f[i++] = slopWords * per1k;
    f[i++] = bigrams * per1k;
    f[i++] = trigrams * per1k;
    f[i++] = antislopWords * per1k;
    f[i++] = phrases * per1k;
    f[i++] = excess * per1k;
    f[i++] = contrastPer1kChars;
    f[i++] = 0.6 * slopWords * per1k + 0.25 * contrastPer1kChars + 0.15 * trigrams * per1k;
    // style
    f[i++] = Math.log1p(n);
    double mean = 0, var = 0;
    for (int s = 0; s < scan.sentenceCount; s++) mean += scan.sentenceLengths[s];
    mean = scan.sentenceCount == 0 ? 0 : mean / scan.sentenceCount;
    for (int s = 0; s < scan.sentenceCount; s++) var += (scan.sentenceLengths[s] - mean) * (scan.sentenceLengths[s] - mean);
    double std = scan.sentenceCount == 0 ? 0 : Math.sqrt(var / scan.sentenceCount);
    f[i++] = mean;
    f[i++] = std;
    f[i++] = mean == 0 ? 0 : std / mean;
    f[i++] = mattr(n, distinctWords);
    f[i++] = n == 0 ? 0 : (double) distinctWords / n;
    long letters = 0;
    for (int k = 0; k < n; k++) letters += w[k].length();
    f[i++] = n == 0 ? 0 : (double) letters / n;
    f[i++] = repeatedTrigramShare(n);
    f[i++] = n == 0 ? 0 : (double) function / n;
    f[i++] = n == 0 ? 0 : (double) scan.upperInitialWords / n;
    f[i++] = scan.chars == 0 ? 0 : (double) scan.digits / scan.chars;
    for (int p = 0; p < WordScan.PUNCTUATION.length(); p++) f[i++] = n == 0 ? 0 : (double) scan.punctuation[p] / n;
    // language model surprise
    i = surprise(w, n, f, i);
    if (i != f.length) throw new IllegalStateException("feature count mismatch");
    Reading reading = new Reading(normalised.homoglyphs, normalised.invisible, normalised.latinShare(), n == 0 ? 0 : (double) english / n,
        n == 0 ? 0 : (double) foreign / n);
    if (hashBits == 0) return new Features(f, new int[0], new float[0], n, reading);
    return hashed(scan, f, reading);
  }

  private int surprise(String[] w, int n, double[] f, int i) {
    Arrays.fill(surpriseHistogram, 0);
    double sum = 0, sumSq = 0, max = 0, uniSum = 0, gainSum = 0, gainSq = 0;
    int high = 0, oov = 0;
    double curvature = 0, variance = 0, perToken = 0;
    int u = NgramLanguageModel.BOS, v = NgramLanguageModel.BOS;
    long context = lm.bigramEntry(u, v);
    double[] ln = lnScratch;
    for (int k = 0; k < n; k++) {
      int id = vocabularyIds[k];
      if (id == NgramLanguageModel.UNK) oov++;
      context = lm.score(u, v, context, id, ln);
      double s = -ln[0] * INV_LN2;
      double uni = -ln[2] * INV_LN2;
      sum += s;
      sumSq += s * s;
      max = Math.max(max, s);
      if (s > HIGH_SURPRISE_BITS) high++;
      uniSum += uni;
      double gain = uni - s;
      gainSum += gain;
      gainSq += gain * gain;
      surpriseHistogram[Math.min(SURPRISE_BINS - 1, (int) (s / BIN_WIDTH))]++;
      double deviation = ln[1] - lm.expectedLnBigram(v);
      double var = lm.lnBigramVariance(v);
      curvature += deviation;
      variance += var;
      perToken += deviation * lm.lnBigramInverseStd(v);
      u = v;
      v = id;
    }
    if (n == 0) return i + 14;
    double mean = sum / n;
    double gainMean = gainSum / n;
    f[i++] = mean;
    f[i++] = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    f[i++] = max;
    percentiles(n, f, i);
    i += 3;
    f[i++] = (double) high / n;
    f[i++] = (double) oov / n;
    f[i++] = uniSum / n;
    f[i++] = gainMean;
    f[i++] = Math.sqrt(Math.max(0, gainSq / n - gainMean * gainMean));
    f[i++] = uniSum == 0 ? 0 : sum / uniSum;
    f[i++] = curvature / Math.sqrt(variance);
    f[i++] = perToken / n;
    return i;
  }

  /** The 10th, 50th and 90th percentiles of surprise, from the histogram in one pass, into f[i..i+2]. */
  private void percentiles(int n, double[] f, int i) {
    double[] q = {0.10, 0.50, 0.90};
    int next = 0;
    long target = (long) Math.ceil(q[0] * n);
    long seen = 0;
    for (int b = 0; b < SURPRISE_BINS && next < 3; b++) {
      seen += surpriseHistogram[b];
      while (next < 3 && seen >= target) {
        f[i + next] = (b + 0.5) * BIN_WIDTH;
        if (++next < 3) target = (long) Math.ceil(q[next] * n);
      }
    }
    for (; next < 3; next++) f[i + next] = SURPRISE_BINS * BIN_WIDTH;
  }

  /**
   * Dense ids of the document's distinct words (0, 1, ...): vocabulary words through an array indexed by their
   * vocabulary id, the rest (numbers, unknown words) through a small map.
   */
  private int localId(String word, int vocabularyId) {
    if (vocabularyId != NgramLanguageModel.UNK && vocabularyId != NgramLanguageModel.NUM) {
      int local = localOfVocabulary[vocabularyId];
      if (local < 0) {
        local = distinctWords++;
        localOfVocabulary[vocabularyId] = local;
        if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touchedCount * 2);
        touched[touchedCount++] = vocabularyId;
      }
      return local;
    }
    int known = docIds.putIfAbsent(word, distinctWords);
    return known < 0 ? distinctWords++ : known;
  }

  private void resetLocalIds() {
    for (int k = 0; k < touchedCount; k++) localOfVocabulary[touched[k]] = -1;
    touchedCount = 0;
    distinctWords = 0;
    if (!docIds.isEmpty()) docIds.clear();
  }

  /** Moving-average type-token ratio over windows of 50 words: vocabulary richness independent of length. */
  private double mattr(int n, int distinct) {
    if (n == 0) return 0;
    if (n <= MATTR_WINDOW) return (double) distinct / n;
    if (window.length < distinct) window = new int[distinct * 2];
    Arrays.fill(window, 0, distinct, 0);
    int types = 0;
    for (int k = 0; k < MATTR_WINDOW; k++) if (window[ids[k]]++ == 0) types++;
    double total = types;
    int windows = 1;
    for (int k = MATTR_WINDOW; k < n; k++) {
      if (window[ids[k]]++ == 0) types++;
      if (--window[ids[k - MATTR_WINDOW]] == 0) types--;
      total += types;
      windows++;
    }
    return total / windows / MATTR_WINDOW;
  }

  /** Share of word trigrams that occur more than once in the text. */
  private double repeatedTrigramShare(int n) {
    if (n < 3) return 0;
    trigramCounts.clear();
    for (int k = 0; k + 2 < n; k++) trigramCounts.add(mix(mix(ids[k] * 0x9E3779B1 + ids[k + 1]) * 0x85ebca6b + ids[k + 2]) & 0x7fffffff);
    return (double) trigramCounts.countInRepeated() / (n - 2);
  }

  /**
   * Hashed counts of word unigrams and bigrams, word-final character trigrams, and of "style" n-grams (1 to 3) over a token stream where function
   * words and punctuation are kept and every other word is one symbol (capitalised or not): the second kind says
   * how a text is built, whatever its topic. Whitespace is not a token, so layout does not leak in.
   */
  private Features hashed(WordScan scan, double[] f, Reading reading) {
    int mask = (1 << hashBits) - 1;
    int n = scan.wordCount;
    String[] w = scan.words;
    counts.clear();
    for (int k = 0; k < n; k++) {
      String word = w[k];
      counts.add(mix(word.hashCode() * 31 + 1) & mask);
      if (k + 1 < n) counts.add(mix(word.hashCode() * 0x9E3779B1 + w[k + 1].hashCode()) & mask);
      // character n-grams where they carry style: the last three letters of longer words (-ing, -ly, -ion, -ive)
      int len = word.length();
      if (len > 4) counts.add(mix(((word.charAt(len - 3) * 31 + word.charAt(len - 2)) * 31 + word.charAt(len - 1)) * 0x27d4eb2d + 11) & mask);
    }
    int a = 0, b = 0;
    int tokens = Math.min(scan.tokenCount, MAX_HASHED_TOKENS);
    for (int k = 0; k < tokens; k++) {
      int token = scan.tokens[k];
      int t;
      if (token >= 0) {
        t = (flags[token] & Lexicons.STOP) != 0 ? w[token].hashCode() : scan.capitalised[token] && !caseFold ? 0x5A5A : 0x3C3C;
      } else {
        t = (-1 - token) * 0x45d9f3b;
      }
      // style unigrams would repeat the word unigrams and the punctuation rates: bigrams and trigrams only
      if (k > 0) counts.add(mix(b * 0x9E3779B1 + t + 5) & mask);
      if (k > 1) counts.add(mix((a * 0x9E3779B1 + b) * 0x85ebca6b + t + 7) & mask);
      a = b;
      b = t;
    }
    int distinct = counts.size();
    int[] outIdx = new int[distinct];
    float[] outVal = new float[distinct];
    counts.copyTo(outIdx, outVal);
    double norm = 0;
    for (int k = 0; k < distinct; k++) {
      outVal[k] = (float) Math.log1p(outVal[k]);
      norm += outVal[k] * outVal[k];
    }
    float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int k = 0; k < distinct; k++) outVal[k] *= inv;
    return new Features(f, outIdx, outVal, n, reading);
  }

  /** Counts of hashed feature indices for one document: open addressing, cleared in time proportional to use. */
  private static final class HashedCounts {
    private int[] keys = new int[1 << 12];
    private float[] values = new float[1 << 12];
    private int[] used = new int[1 << 11];
    private int size;

    void clear() {
      for (int k = 0; k < size; k++) {
        keys[used[k]] = 0;
        values[used[k]] = 0;
      }
      size = 0;
    }

    /** Adds one to index {@code key} (stored +1 so that 0 marks a free slot). */
    void add(int key) {
      if (size * 2 >= keys.length) grow();
      int mask = keys.length - 1;
      int slot = key & mask; // keys are already mixed hashes
      while (keys[slot] != 0 && keys[slot] != key + 1) slot = (slot + 1) & mask;
      if (keys[slot] == 0) {
        keys[slot] = key + 1;
        used[size++] = slot;
      }
      values[slot]++;
    }

    int size() {
      return size;
    }

    /** How many additions went to keys added more than once. */
    long countInRepeated() {
      long total = 0;
      for (int k = 0; k < size; k++) if (values[used[k]] >= 2) total += (long) values[used[k]];
      return total;
    }

    void copyTo(int[] idx, float[] val) {
      for (int k = 0; k < size; k++) {
        idx[k] = keys[used[k]] - 1;
        val[k] = values[used[k]];
      }
    }

    private void grow() {
      int[] oldKeys = keys;
      float[] oldValues = values;
      int[] oldUsed = used;
      int oldSize = size;
      keys = new int[oldKeys.length * 2];
      values = new float[oldKeys.length * 2];
      used = new int[oldKeys.length];
      size = 0;
      int mask = keys.length - 1;
      for (int k = 0; k < oldSize; k++) {
        int key = oldKeys[oldUsed[k]];
        int slot = (key - 1) & mask;
        while (keys[slot] != 0) slot = (slot + 1) & mask;
        keys[slot] = key;
        values[slot] = oldValues[oldUsed[k]];
        used[size++] = slot;
      }
    }
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /** The dense features by name, for the decision log and tests. */
  static Map<String, Double> named(double[] dense) {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (int k = 0; k < dense.length; k++) out.put(DENSE.get(k), dense[k]);
    return out;
  }
}
