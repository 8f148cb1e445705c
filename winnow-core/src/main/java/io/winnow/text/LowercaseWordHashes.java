package io.winnow.text;

import java.util.Arrays;

/**
 * A fast lower-case word scan that yields 64-bit word hashes instead of strings: {@link WordRule}, the slop step's
 * scan (a run of letters or digits, inner apostrophes kept as {@code '} whether straight or curly, everything else
 * splits), each word lower-cased and hashed over its UTF-16 chars while it is scanned: FNV-1a (64-bit) per char,
 * then the murmur3 finaliser so every bit of the result is mixed (sketches read the hashes as uniform). Hashing in
 * the scan loop instead of handing each word to a general hash function halves the scan's cost; the hashes are
 * never stored, so the function may change. {@link #hash(String)} gives the hash of a single word the same way, so
 * word lists can be matched without building strings.
 *
 * <p>Not thread-safe: the scan reuses its buffers (one instance per thread). The array returned by
 * {@link #scan} is overwritten by the next call.
 */
public final class LowercaseWordHashes {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private char[] text = new char[4096];
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
      long h = FNV_OFFSET;
      while (i < n) {
        char d = t[i];
        if (isWordChar(d)) {
          h = (h ^ WordRule.lower(d)) * FNV_PRIME;
        } else if (WordRule.joinsWord(t, i, n, len)) {
          h = (h ^ '\'') * FNV_PRIME;
        } else {
          break;
        }
        len++;
        i++;
      }
      if (count == hashes.length) hashes = Arrays.copyOf(hashes, count * 2);
      hashes[count++] = finish(h);
    }
    return hashes;
  }

  /** The murmur3 64-bit finaliser: FNV's high bits depend weakly on the last chars, this spreads them. */
  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
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
