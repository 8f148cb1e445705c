package io.winnow.step.quality;

import io.winnow.text.IntBuffer;
import io.winnow.text.LowercaseWordHashes;
import io.winnow.text.WordRule;

/**
 * Turns a text into the bucket ids of its hashed features, fastText style: every lower-cased word, every run of
 * 2..{@code wordNgrams} consecutive words, and optionally the character n-grams of each word framed by
 * {@code <} and {@code >}, and optionally the shapes of its lines ({@link LineShapes}) and of its words ({@link TokenShapes}). Words come from the project's fast word rule ({@link LowercaseWordHashes}: one scan,
 * hashed while scanned, no strings), so the text is read once for words and n-grams together.
 *
 * <p>Not thread-safe: one instance per worker; the returned buffer is overwritten by the next call.
 */
final class HashedFeatures {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  /** Separates the feature kinds' hash spaces so a bigram never collides with a word by construction. */
  private static final long NGRAM_SEED = 0x9E3779B97F4A7C15L;
  private static final long CHAR_SEED = 0xC2B2AE3D27D4EB4FL;

  private final FeatureOptions options;
  private final LowercaseWordHashes words = new LowercaseWordHashes();
  private final IntBuffer ids = new IntBuffer();
  private final LineShapes shapes = new LineShapes();
  private char[] word = new char[64];
  /** the text's characters, copied once for the shape scans */
  private char[] chars = new char[4096];
  /** buckets − 1 when buckets is a power of two (then the remainder is a mask), else −1 */
  private final long mask;

  HashedFeatures(FeatureOptions options) {
    this.options = options;
    int b = options.buckets();
    this.mask = Integer.bitCount(b) == 1 ? b - 1 : -1;
  }

  /** The feature ids of {@code text} in {@code [0, buckets)}, valid until the next call. */
  IntBuffer extract(String text) {
    ids.clear();
    int maxN = options.wordNgrams();
    // a model of shapes alone (the shipped one) reads no words: the word scan would cost a third of the features
    boolean readsWords = maxN > 0 || options.charNgrams();
    long[] h = readsWords ? words.scan(text) : null;
    int n = readsWords ? words.count() : 0;
    if (options.maxWords() > 0) n = Math.min(n, options.maxWords());
    for (int i = 0; i < n && maxN > 0; i++) {
      ids.add(bucket(h[i]));
      long g = h[i];
      for (int k = 1; k < maxN && i + k < n; k++) {
        g = mix(g * NGRAM_SEED + h[i + k]);
        ids.add(bucket(g));
      }
    }
    if (options.charNgrams()) charNgrams(text, n);
    if (options.lineShapes() || options.tokenShapes()) {
      int len = text.length();
      if (chars.length < len) chars = new char[Math.max(len, chars.length * 2)];
      text.getChars(0, len, chars, 0);
      if (options.lineShapes()) shapes.scan(chars, len, options.maxWords() * 16, shape -> ids.add(bucket(mix(shape))));
      if (options.tokenShapes()) TokenShapes.scan(chars, len, options.maxWords() * 16, pair -> ids.add(bucket(mix(pair))));
    }
    return ids;
  }

  /** Releases the buffers grown for a huge document. */
  void release() {
    ids.release();
    if (chars.length > 1 << 16) chars = new char[4096];
  }

  /** The character n-grams of the first {@code maxWords} words, each word read as {@code <word>}. */
  private void charNgrams(String text, int maxWords) {
    int len = text.length();
    int seen = 0;
    for (int i = 0; i < len && seen < maxWords; ) {
      if (!WordRule.isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int w = 0;
      put(w++, '<');
      while (i < len && WordRule.isWordChar(text.charAt(i))) put(w++, WordRule.lower(text.charAt(i++)));
      put(w++, '>');
      seen++;
      for (int from = 0; from < w; from++) {
        long g = FNV_OFFSET ^ CHAR_SEED;
        for (int k = 0; k < options.maxCharNgram() && from + k < w; k++) {
          g = (g ^ word[from + k]) * FNV_PRIME;
          if (k + 1 >= options.minCharNgram()) ids.add(bucket(mix(g)));
        }
      }
    }
  }

  private void put(int at, char c) {
    if (at == word.length) word = java.util.Arrays.copyOf(word, at * 2);
    word[at] = c;
  }

  /** {@code (hash >>> 1) mod buckets}; a mask for a power of two (the same value without a 64-bit division a feature). */
  private int bucket(long hash) {
    long h = hash >>> 1;
    return (int) (mask >= 0 ? h & mask : h % options.buckets());
  }

  /** The murmur3 finaliser: spreads every input bit over the result. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
