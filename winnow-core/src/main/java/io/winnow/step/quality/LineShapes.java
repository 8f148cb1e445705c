package io.winnow.step.quality;

/**
 * The layout of a text as hashed features that read the same in every language: each non-blank line becomes one
 * shape, its length in characters (a power-of-two bucket), the kind of its first character (bullet, digit, letter,
 * other) and of its last (sentence end — {@code . ! ?} and their CJK, Arabic and Devanagari forms, before any
 * closing quote or bracket —, colon, comma, digit, letter, other). Running text is long lines ending in sentence
 * ends; navigation, listings, catalogue records and tag clouds are short lines ending in letters or digits.
 *
 * <p>A shape is emitted once per 16 characters of its line (at least once), so it weighs in the classifier's mean
 * in proportion to the share of the text the line holds, as a word's features do: a page whose words mostly sit
 * in short unpunctuated lines reads as such, whatever its language. Only lines that begin within the first
 * {@code maxChars} characters are read (0 = all; {@link HashedFeatures} passes 16 × {@code maxWords}).
 */
final class LineShapes {
  private static final long SHAPE_SEED = 0x8CB92BA72F3D8DD7L;
  private static final long LENGTH_SEED = 0x5851F42D4C957F2DL;
  private static final int CHARS_PER_EMISSION = 16;
  /** The end kind of a line that repeats an earlier line of the text ("Read more", "Leave a comment"). */
  private static final int REPEATED = 6;

  /** Hashes of the lines seen so far in the text (open addressing, 0 = empty), reused across texts. */
  private long[] seen = new long[256];
  private int seenCount;

  /**
   * Calls {@code sink} with the hash of each line's shape, once per emission, then with the text's size (its
   * characters, a power-of-two bucket) as many times again: a stub of a sentence or two and a long article of
   * the same lines differ in that alone, and it weighs half the layout signal.
   */
  void scan(char[] text, int len, int maxChars, java.util.function.LongConsumer sink) {
    java.util.Arrays.fill(seen, 0);
    seenCount = 0;
    int end = maxChars > 0 ? Math.min(len, maxChars) : len;
    int emitted = 0;
    int i = 0;
    while (i < end) {
      int lineEnd = i;
      while (lineEnd < len && text[lineEnd] != '\n') lineEnd++;
      int from = i;
      int to = lineEnd;
      while (from < to && Character.isWhitespace(text[from])) from++;
      while (to > from && Character.isWhitespace(text[to - 1])) to--;
      if (to > from) {
        int chars = to - from;
        int endKind = firstTime(text, from, to) ? endKind(text, from, to) : REPEATED;
        long shape = shape(lengthBucket(chars), startKind(text[from]), endKind);
        int n = Math.max(1, chars / CHARS_PER_EMISSION);
        for (int k = 0; k < n; k++) sink.accept(shape);
        emitted += n;
      }
      i = lineEnd + 1;
    }
    long size = LENGTH_SEED + lengthBucket(Math.max(1, end));
    for (int k = 0; k < emitted; k++) sink.accept(size);
  }

  /** Whether the line {@code [from, to)} is the first of its text with its content (lines of 8+ characters). */
  private boolean firstTime(char[] text, int from, int to) {
    if (to - from < 8) return true;
    // four characters a multiply (a line's hash is only compared with the text's other lines)
    long h = 0x9E3779B97F4A7C15L ^ (to - from);
    int i = from;
    for (; i + 4 <= to; i += 4) {
      long w = text[i] | (long) text[i + 1] << 16 | (long) text[i + 2] << 32 | (long) text[i + 3] << 48;
      h = (h ^ w) * 0xff51afd7ed558ccdL;
      h ^= h >>> 32;
    }
    for (; i < to; i++) h = (h ^ text[i]) * 0x100000001b3L;
    if (h == 0) h = 1;
    if (seenCount * 2 >= seen.length) grow();
    int mask = seen.length - 1;
    for (int at = (int) (h ^ (h >>> 29)) & mask; ; at = (at + 1) & mask) {
      if (seen[at] == h) return false;
      if (seen[at] == 0) {
        seen[at] = h;
        seenCount++;
        return true;
      }
    }
  }

  private void grow() {
    long[] old = seen;
    seen = new long[old.length * 2];
    int mask = seen.length - 1;
    for (long h : old) {
      if (h == 0) continue;
      int at = (int) (h ^ (h >>> 29)) & mask;
      while (seen[at] != 0) at = (at + 1) & mask;
      seen[at] = h;
    }
  }

  private static long shape(int length, int start, int end) {
    return SHAPE_SEED + (length * 16L + start) * 16L + end;
  }

  /** 0: 1 char, 1: 2–3, 2: 4–7, … 9: 512–1023, 10: 1024 and more. */
  static int lengthBucket(int chars) {
    return Math.min(10, 31 - Integer.numberOfLeadingZeros(chars));
  }

  static int startKind(char c) {
    if (c == '•' || c == '·' || c == '-' || c == '*' || c == '–' || c == '—' || c == '►' || c == '»' || c == '|') return 0;
    if (Character.isDigit(c)) return 1;
    if (Character.isUpperCase(c)) return 2;
    if (Character.isLetter(c)) return 3;
    return 4;
  }

  static int endKind(char[] text, int from, int to) {
    int at = to - 1;
    while (at > from && isCloser(text[at])) at--;
    char c = text[at];
    switch (c) {
      case '.', '!', '?', '。', '！', '？', '…', '؟', '।', '۔', '።' -> {
        return 0;
      }
      case ':', '：' -> {
        return 1;
      }
      case ',', ';', '、', '，', '；' -> {
        return 2;
      }
      default -> {
        if (Character.isDigit(c)) return 3;
        if (Character.isLetter(c)) return 4;
        return 5;
      }
    }
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»' || c == '」' || c == '』' || c == '）';
  }
}
