package io.winnow.text;

/**
 * Counts the duplicates among spans of one text (lines, paragraphs) without copying them into strings: each
 * span already seen adds 1 to the count and its length in code points to the characters (first occurrences
 * count nothing), as a walk with a set of seen strings does. Spans are compared by their characters, so the
 * result is exact; the working set is ~16 bytes a span (a hash and table slots of span indices), where a
 * {@code HashSet<String>} of substrings cost a copy of the text plus ~80 bytes a line.
 *
 * <p>Reused per thread; tables shrink again after an unusually large document.
 */
public final class SpanDuplicates {
  private int[] table = new int[1024]; // span index + 1; 0 = empty
  private long[] hashes = new long[512];

  /** {duplicate spans, their code points} among spans {@code [starts[i], ends[i])} of {@code text}. */
  public long[] count(CharSequence text, int[] starts, int[] ends, int spans) {
    int capacity = Integer.highestOneBit(Math.max(16, spans) * 2 - 1) << 1; // load ≤ 1/2
    if (table.length < capacity || table.length > capacity * 8L && table.length > 1024) {
      int[] t = new int[Math.max(capacity, 1024)];
      long[] h = new long[Math.max(spans, 512)];
      table = t;
      hashes = h;
    } else {
      java.util.Arrays.fill(table, 0);
      if (hashes.length < spans) hashes = new long[spans];
    }
    int mask = table.length - 1;
    long dupCount = 0;
    long dupChars = 0;
    for (int i = 0; i < spans; i++) {
      long h = hash(text, starts[i], ends[i]);
      hashes[i] = h;
      int slot = (int) (h ^ (h >>> 32)) & mask;
      boolean seen = false;
      for (int j; (j = table[slot]) != 0; slot = (slot + 1) & mask) {
        if (hashes[j - 1] == h && same(text, starts[j - 1], ends[j - 1], starts[i], ends[i])) {
          seen = true;
          break;
        }
      }
      if (seen) {
        dupCount++;
        dupChars += Character.codePointCount(text, starts[i], ends[i]);
      } else {
        table[slot] = i + 1;
      }
    }
    return new long[] {dupCount, dupChars};
  }

  /**
   * 64 bits, so that spans compared character by character are almost always equal: with String.hashCode's 31,
   * lines built of "Aa" and "BB" all collide and the walk turns quadratic.
   */
  private static long hash(CharSequence s, int from, int to) {
    long h = to - from;
    for (int i = from; i < to; i++) h = (h + s.charAt(i)) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private static boolean same(CharSequence s, int aFrom, int aTo, int bFrom, int bTo) {
    if (aTo - aFrom != bTo - bFrom) return false;
    for (int i = 0, n = aTo - aFrom; i < n; i++) if (s.charAt(aFrom + i) != s.charAt(bFrom + i)) return false;
    return true;
  }
}
