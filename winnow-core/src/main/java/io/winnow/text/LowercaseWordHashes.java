package io.winnow.text;

import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * A fast lower-case word scan that yields 64-bit word hashes instead of strings: {@link WordRule}, the slop step's
 * scan (a run of letters or digits, inner apostrophes kept as {@code '} whether straight or curly, everything else
 * splits), each word lower-cased and hashed with xxh64 (seed 0) over its UTF-16 chars. {@link #hash(String)} gives
 * the hash of a single word the same way, so word lists can be matched without building strings.
 *
 * <p>Not thread-safe: the scan reuses its buffers (one instance per thread). The array returned by
 * {@link #scan} is overwritten by the next call.
 */
public final class LowercaseWordHashes {
  private static final LongHashFunction HASH = LongHashFunction.xx(0);
  private char[] text = new char[4096];
  private char[] word = new char[64];
  private long[] hashes = new long[512];
  private int count;

  /** Scans a text; the words' hashes are {@code hashes()[0 .. count())}. */
  public long[] scan(String s) {
    int n = s.length();
    if (text.length < n) text = new char[Math.max(n, text.length * 2)];
    s.getChars(0, n, text, 0);
    char[] t = text;
    count = 0;
    for (int i = 0; i < n; i++) {
      if (!isWordChar(t[i])) continue;
      int len = 0;
      while (i < n) {
        char d = t[i];
        if (isWordChar(d)) {
          if (len == word.length) word = Arrays.copyOf(word, len * 2);
          word[len++] = WordRule.lower(d);
        } else if (WordRule.joinsWord(t, i, n, len)) {
          if (len == word.length) word = Arrays.copyOf(word, len * 2);
          word[len++] = '\'';
        } else {
          break;
        }
        i++;
      }
      if (count == hashes.length) hashes = Arrays.copyOf(hashes, count * 2);
      hashes[count++] = HASH.hashChars(word, 0, len);
    }
    return hashes;
  }

  /** The number of words of the last scan. */
  public int count() {
    return count;
  }

  /** The hash of one word as {@link #scan} computes it, or of the first word when the string holds several. */
  public static long hash(String word) {
    LowercaseWordHashes s = new LowercaseWordHashes();
    s.scan(word);
    if (s.count == 0) throw new IllegalArgumentException("no word in '" + word + "'");
    return s.hashes[0];
  }

  /** The number of words {@link #scan} finds in a string (for word lists that may hold phrases). */
  public static int wordCount(String s) {
    LowercaseWordHashes scan = new LowercaseWordHashes();
    scan.scan(s);
    return scan.count;
  }

  private static boolean isWordChar(char c) {
    return WordRule.isWordChar(c);
  }
}
