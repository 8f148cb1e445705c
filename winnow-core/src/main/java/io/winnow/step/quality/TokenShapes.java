package io.winnow.step.quality;

/**
 * The make-up of a text's words as hashed features that read the same in every language: each whitespace-separated
 * token gets a class — a number, letters mixed with digits, a lower-case, capitalised or all-capitals word, a word
 * of a script without case (short, or a long run as CJK text writes a clause), punctuation, a URL or e-mail address
 * — and the punctuation it ends with (a sentence end, a comma or colon, none); each pair of neighbouring classes in
 * a line (the first token paired with the line's start) is one feature. Running text is lower-case words with
 * commas and sentence ends; logs, catalogue records, infoboxes and page-number runs are dates, numbers and
 * capitalised words in their own patterns, which the length and ends of lines ({@link LineShapes}) do not tell
 * apart.
 *
 * <p>Only tokens that begin within the first {@code maxChars} characters are read (0 = all).
 */
final class TokenShapes {
  private static final long SEED = 0xD6E8FEB86659FD93L;
  private static final int LINE_START = 31;
  private static final int NUMBER = 0, MIXED = 1, LOWER = 2, CAPITALISED = 3, CAPITALS = 4, UNCASED = 5, UNCASED_RUN = 6,
      PUNCTUATION = 7, ADDRESS = 8;
  /** Letters of a script without case in a row past which a token reads as a written clause, not a word. */
  private static final int RUN = 6;

  /**
   * Calls {@code sink} with the hash of each pair of neighbouring token classes of {@code text[0, len)} (a char
   * array rather than a String: the scan reads every character, and a String's reads check its coder and bounds
   * on each one).
   */
  static void scan(char[] text, int len, int maxChars, java.util.function.LongConsumer sink) {
    int end = maxChars > 0 ? Math.min(len, maxChars) : len;
    int previous = LINE_START;
    int i = 0;
    while (i < end) {
      char c = text[i];
      if (c == '\n') {
        previous = LINE_START;
        i++;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      long token = token(text, i, len); // one pass finds the token's end and reads its make-up
      int cls = (int) (token & 0xff);
      i = (int) (token >>> 8);
      sink.accept(SEED + previous * 64L + cls);
      previous = cls;
    }
  }

  /** The token {@code [from, to)}'s class × 3 + its ending (0 none, 1 sentence end, 2 comma, semicolon or colon). */
  static int classify(char[] text, int from, int to) {
    return (int) (token(text, from, to) & 0xff);
  }

  private static final byte LOWER_CHAR = 1, UPPER_CHAR = 2, DIGIT_CHAR = 4, MARKER_CHAR = 8, SPACE_CHAR = 16;
  /** What each ASCII character is to a token: its case or a digit, an address marker ({@code @ :}), a space. */
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) ASCII[c] = LOWER_CHAR;
    for (char c = 'A'; c <= 'Z'; c++) ASCII[c] = UPPER_CHAR;
    for (char c = '0'; c <= '9'; c++) ASCII[c] = DIGIT_CHAR;
    ASCII['@'] = MARKER_CHAR;
    ASCII[':'] = MARKER_CHAR;
    for (char c = 0; c < 128; c++) if (isSpace(c)) ASCII[c] = SPACE_CHAR;
  }

  /**
   * Reads the token that begins at {@code from} up to the next space or {@code limit}: returns its end {@code << 8}
   * and its class × 3 + ending. ASCII characters (most of most pages) are told by a table, without the Unicode
   * tables and with few branches.
   */
  private static long token(char[] text, int from, int limit) {
    int flags = 0, upper = 0, uncased = 0, first = -1;
    boolean address = false;
    int k = from;
    for (; k < limit; k++) {
      char c = text[k];
      int f;
      if (c < 128) {
        f = ASCII[c];
        if (f == SPACE_CHAR) break;
        if (f == MARKER_CHAR) {
          // "://" lies inside the token when it lies before the limit: '/' is no space
          if (c == '@' || (k + 2 < limit && text[k + 1] == '/' && text[k + 2] == '/')) address = true;
          continue;
        }
      } else if (isSpace(c)) break;
      else if (Character.isDigit(c)) f = DIGIT_CHAR;
      else if (Character.isUpperCase(c)) f = UPPER_CHAR;
      else if (Character.isLowerCase(c)) f = LOWER_CHAR;
      else if (Character.isLetter(c)) {
        uncased++;
        f = 0;
        if (first < 0) first = k;
      } else continue;
      flags |= f;
      upper += f >> 1 & 1;
      if (first < 0 && f != 0) first = k;
    }
    int to = k;
    int ending = switch (LineShapes.endKind(text, from, to)) {
      case 0 -> 1;
      case 1, 2 -> 2;
      default -> 0;
    };
    int cls;
    if (address || startsWithWww(text, from, to)) cls = ADDRESS;
    else if (first < 0) cls = PUNCTUATION;
    else if ((flags & DIGIT_CHAR) != 0) cls = (flags & (UPPER_CHAR | LOWER_CHAR)) == 0 && uncased == 0 ? NUMBER : MIXED;
    else if (uncased > 0) cls = uncased > RUN ? UNCASED_RUN : UNCASED;
    else if (upper > 1 && (flags & LOWER_CHAR) == 0) cls = CAPITALS;
    else if (Character.isUpperCase(text[first])) cls = CAPITALISED;
    else cls = LOWER;
    return (long) to << 8 | (cls * 3 + ending);
  }

  /** Whether the token {@code [from, to)} begins with {@code www.}. */
  private static boolean startsWithWww(char[] text, int from, int to) {
    return from + 4 <= to && text[from] == 'w' && text[from + 1] == 'w' && text[from + 2] == 'w' && text[from + 3] == '.';
  }

  /** {@link Character#isWhitespace}, without its lookup for the usual characters of a text. */
  private static boolean isSpace(char c) {
    if (c > ' ') return c >= 0x80 && Character.isWhitespace(c);
    return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x1C;
  }

  private TokenShapes() {}
}
