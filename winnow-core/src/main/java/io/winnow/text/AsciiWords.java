package io.winnow.text;

/**
 * Whitespace words ({@link PyText#countWhitespaceWords}) counted on eight ASCII bytes at a time: the readers and
 * the refilter count the words of every record's text on its UTF-8 or JSON bytes, hundreds of KB for a page of
 * HTML, and a byte-at-a-time loop was a tenth of reading it.
 */
public final class AsciiWords {
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LOW7 = 0x7f * ONES;
  private static final long SPACES = 0x20 * ONES;

  private AsciiWords() {}

  /**
   * The high bit of each byte of eight ASCII bytes (little-endian in {@code w}) set where the byte is whitespace
   * for {@link PyText#isSpace}: space, U+0009..U+000D or U+001C..U+001F. Each test adds a constant that carries
   * into a byte's high bit exactly when the byte is at least a bound; no byte of ASCII plus a constant below 0x80
   * overflows into its neighbour.
   */
  public static long spaceFlags(long w) {
    long x = w ^ SPACES;
    long isSpace = ~(x + LOW7) & HIGHS; // x is zero only for a space byte
    long tabToCr = (w + (0x80 - 0x09) * ONES) & ~(w + (0x80 - 0x0e) * ONES) & HIGHS;
    long separators = (w + (0x80 - 0x1c) * ONES) & ~(w + (0x80 - 0x20) * ONES) & HIGHS;
    return isSpace | tabToCr | separators;
  }

  /**
   * The words that start in eight ASCII bytes: non-space bytes whose previous byte (for the first, the one before
   * the eight, which {@code inWord} says was inside a word or not) is a space.
   */
  public static int starts(long spaceFlags, boolean inWord) {
    long before = spaceFlags << 8 | (inWord ? 0 : 0x80L);
    return Long.bitCount(~spaceFlags & before & HIGHS);
  }

  /** Whether the last of the eight bytes is inside a word. */
  public static boolean endsInWord(long spaceFlags) {
    return spaceFlags >>> 63 == 0;
  }

  /** Whether eight bytes are all ASCII. */
  public static boolean ascii(long w) {
    return (w & HIGHS) == 0;
  }
}
