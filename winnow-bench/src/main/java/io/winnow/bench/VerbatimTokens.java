package io.winnow.bench;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * Whether two files really share code, judged on their original text and independently of the fingerprints
 * under evaluation: a run of at least {@value #RUN} consecutive raw tokens — identifiers, literals and
 * operators exactly as written, comments and preprocessor lines removed — found in both, at least
 * {@value #NAMES} of them names (so that a shared table of numbers or characters is not shared code). That
 * is about four lines of C with the same names and constants in the same order, which independently written
 * code does not produce; the idioms that make two drivers look alike after abstraction (an error check, a
 * register read-modify-write) share names only in short stretches. The evaluation uses it to tell a held-out driver
 * that shares code with an indexed one (one vendor's code in two subsystems, a helper copied from another
 * driver) from independent code. The cut was read off the choosing split: the pairs flagged there had
 * verbatim runs of at most 24 raw tokens or of at least 47.
 */
final class VerbatimTokens {
  static final int RUN = 40;
  static final int NAMES = 10;
  private static final long BASE = 0x100000001b3L * 131 + 2;

  private final LongOpenHashSet grams = new LongOpenHashSet();

  /** Adds the {@value #RUN}-token runs of a reference file. */
  void add(String text) {
    long[] t = tokens(text);
    for (long g : grams(t, RUN)) grams.add(g);
  }

  /** Whether {@code text} has a run of {@value #RUN} raw tokens in common with some reference file. */
  boolean sharesCode(String text) {
    for (long g : grams(tokens(text), RUN)) if (grams.contains(g)) return true;
    return false;
  }

  /**
   * The longest run of raw tokens {@code a} and {@code b} have in common with at least {@value #NAMES} names in
   * it (0 when none has), by a binary search on its length (runs shorter than {@value #NAMES} need only be
   * all names).
   */
  static int longestRun(String a, String b) {
    long[] x = tokens(a);
    long[] y = tokens(b);
    // split at RUN first, so that "at least RUN" is decided exactly whatever the search does elsewhere
    boolean atRun = shareRun(x, y, RUN);
    int lo = atRun ? RUN : 0;
    int hi = atRun ? Math.min(x.length, y.length) : RUN - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (shareRun(x, y, mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private static boolean shareRun(long[] x, long[] y, int len) {
    LongOpenHashSet in = new LongOpenHashSet();
    for (long g : grams(y, len)) in.add(g);
    for (long g : grams(x, len)) if (in.contains(g)) return true;
    return false;
  }

  /** The hashes of every run of {@code len} consecutive tokens holding at least {@value #NAMES} names. */
  private static long[] grams(long[] t, int len) {
    if (t.length < len) return new long[0];
    long pow = 1;
    for (int i = 0; i < len; i++) pow *= BASE;
    LongArrayList out = new LongArrayList();
    long h = 0;
    int names = 0;
    for (int i = 0; i < t.length; i++) {
      h = h * BASE + t[i];
      names += (int) (t[i] & 1);
      if (i >= len) {
        h -= t[i - len] * pow;
        names -= (int) (t[i - len] & 1);
      }
      if (i >= len - 1 && names >= Math.min(NAMES, len)) out.add(h);
    }
    return out.toLongArray();
  }

  /**
   * Raw tokens as hashes, names odd and other tokens even: comments and preprocessor lines dropped, everything
   * else as written.
   */
  static long[] tokens(String s) {
    LongArrayList out = new LongArrayList();
    int n = s.length();
    int i = 0;
    boolean lineStart = true;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        lineStart = true;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') i++;
      } else if (c == '#' && lineStart) { // a preprocessor line, with its continuations
        while (i < n && !(s.charAt(i) == '\n' && s.charAt(i - 1) != '\\')) i++;
      } else {
        lineStart = false;
        int j = i + 1;
        if (Character.isLetterOrDigit(c) || c == '_') {
          while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        } else if (c == '"' || c == '\'') {
          while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
          j = Math.min(n, j + 1);
        }
        boolean name = Character.isLetter(c) || c == '_';
        out.add(hash(s, i, j) & ~1L | (name ? 1 : 0)); // the low bit tells names from other tokens
        i = j;
      }
    }
    return out.toLongArray();
  }

  private static long hash(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
    return h ^ (h >>> 31);
  }
}
