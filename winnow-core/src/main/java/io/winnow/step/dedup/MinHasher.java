package io.winnow.step.dedup;

import io.winnow.text.EnglishWordSplitter;
import io.winnow.text.FastDedupNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * MinHash signatures of documents: normalise ({@link io.winnow.text.DedupNormalizer}, most texts by
 * {@link FastDedupNormalizer}), split into words with the English word splitter, hash every run of {@code n}
 * words joined by single spaces (xxh64 of the UTF-8 bytes, seed 0, or another {@link ShingleHash}), and keep per
 * permutation the minimum permuted hash. Character shingles ({@code n} characters of the normalised
 * text) are the alternative for languages without word boundaries.
 *
 * <p>Not thread-safe (reuses buffers): one instance per worker.
 */
public final class MinHasher {
  public enum Shingles { WORDS, CHARS }

  /** The shingle hash: xxh64 (seed 0, the reference's) by default. */
  public enum ShingleHash {
    XXH64(LongHashFunction.xx(0)), XXH3(LongHashFunction.xx3(0)), MURMUR3(LongHashFunction.murmur_3(0)),
    WYHASH(LongHashFunction.wy_3(0));

    final LongHashFunction function;

    ShingleHash(LongHashFunction function) {
      this.function = function;
    }
  }

  private final LongHashFunction hash;
  /** The default hash, computed by {@link Xxh64} rather than through the library. */
  private final boolean xxh64;
  private final int n;
  private final Shingles kind;
  private final long[] a;
  private final long[] b;
  private byte[] buf = new byte[1 << 14];
  private int[] offsets = new int[1024];
  private final boolean collectSets;
  private final FastDedupNormalizer normalizer = new FastDedupNormalizer();
  private long[] set = new long[256];
  private int setSize;

  public MinHasher(int n, Shingles kind, MinHashParams params) {
    this(n, kind, ShingleHash.XXH64, params, false);
  }

  /** @param collectSets keep each document's shingle hashes for {@link #lastShingleSet()} (verification) */
  public MinHasher(int n, Shingles kind, ShingleHash hash, MinHashParams params, boolean collectSets) {
    this.hash = hash.function;
    this.xxh64 = hash == ShingleHash.XXH64;
    this.n = n;
    this.kind = kind;
    this.a = params.a();
    this.b = params.b();
    this.collectSets = collectSets;
  }

  /** The sorted, distinct shingle hashes of the last signed document (needs collectSets). */
  public long[] lastShingleSet() {
    if (!collectSets) throw new IllegalStateException("this MinHasher does not collect shingle sets");
    long[] s = Arrays.copyOf(set, setSize);
    Arrays.sort(s);
    int k = 0;
    for (int i = 0; i < s.length; i++) if (i == 0 || s[i] != s[i - 1]) s[k++] = s[i];
    return Arrays.copyOf(s, k);
  }

  /** Jaccard similarity of two sorted, distinct hash sets. */
  public static double jaccard(long[] x, long[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) i++;
      else j++;
    }
    int union = x.length + y.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  public int permutations() {
    return a.length;
  }

  /** The signature of a text, or null when it has fewer than {@code n} words (or characters). */
  public long[] signature(String text) {
    setSize = 0;
    String norm = normalizer.normalize(text);
    return kind == Shingles.WORDS ? wordSignature(norm) : charSignature(norm);
  }

  private long[] wordSignature(String norm) {
    // the splitter's tokens, read in place: the words are its non-whitespace tokens
    EnglishWordSplitter.Tokens tokens = EnglishWordSplitter.get().tokenize(norm);
    if (offsets.length < tokens.size() + 1) offsets = new int[Math.max(tokens.size() + 1, offsets.length * 2)];
    // words joined by single spaces, UTF-8, with each word's start: a shingle is one byte range
    int words = 0;
    int pos = 0;
    for (int t = 0; t < tokens.size(); t++) {
      if (tokens.isWhitespace(t)) continue;
      offsets[words++] = pos;
      pos = appendWord(tokens.text(t), pos);
      buf[pos++] = ' ';
    }
    if (words < n) return null;
    offsets[words] = pos;
    long[] sig = initialSignature();
    for (int i = 0; i + n <= words; i++) {
      int from = offsets[i];
      int to = offsets[i + n] - 1; // without the trailing space
      update(sig, hashBytes(buf, from, to - from));
    }
    return sig;
  }

  private long hashBytes(byte[] bytes, int from, int length) {
    return xxh64 ? Xxh64.hash(bytes, from, length) : hash.hashBytes(bytes, from, length);
  }

  /** Appends a word's UTF-8 bytes and leaves room for the space after it; ASCII words are copied char by char. */
  private int appendWord(String w, int pos) {
    int len = w.length();
    ensureCapacity(pos + len + 1);
    for (int i = 0; i < len; i++) {
      char c = w.charAt(i);
      if (c >= 0x80) {
        int end = appendUtf8(w, pos);
        ensureCapacity(end + 1);
        return end;
      }
      buf[pos + i] = (byte) c;
    }
    return pos + len;
  }

  private long[] charSignature(String norm) {
    int cps = norm.codePointCount(0, norm.length());
    if (cps < n) return null;
    byte[] bytes = norm.getBytes(StandardCharsets.UTF_8);
    long[] sig = initialSignature();
    int[] starts = new int[cps + 1];
    int k = 0;
    for (int i = 0; i < bytes.length; i++) if ((bytes[i] & 0xC0) != 0x80) starts[k++] = i;
    starts[cps] = bytes.length;
    for (int i = 0; i + n <= cps; i++) update(sig, hashBytes(bytes, starts[i], starts[i + n] - starts[i]));
    return sig;
  }

  private long[] initialSignature() {
    long[] sig = new long[a.length];
    Arrays.fill(sig, Long.MAX_VALUE);
    return sig;
  }

  private void update(long[] sig, long h) {
    if (collectSets) {
      if (setSize == set.length) set = Arrays.copyOf(set, set.length * 2);
      set[setSize++] = h;
    }
    PermutationMinima.lower(sig, a, b, h);
  }

  private void ensureCapacity(int size) {
    if (size > buf.length) buf = Arrays.copyOf(buf, Math.max(size, buf.length * 2));
  }

  private int appendUtf8(String s, int pos) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (pos + 1 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        buf[pos++] = (byte) c;
      } else {
        byte[] enc;
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          enc = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        } else {
          enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        }
        if (pos + enc.length > buf.length) buf = Arrays.copyOf(buf, Math.max(pos + enc.length, buf.length * 2));
        System.arraycopy(enc, 0, buf, pos, enc.length);
        pos += enc.length;
      }
    }
    return pos;
  }
}
