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

  /** Calls {@code sink} with the hash of each pair of neighbouring token classes. */
  static void scan(String text, int maxChars, java.util.function.LongConsumer sink) {
    int len = text.length();
    int end = maxChars > 0 ? Math.min(len, maxChars) : len;
    int previous = LINE_START;
    int i = 0;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '\n') {
        previous = LINE_START;
        i++;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      int from = i;
      while (i < len && !isSpace(text.charAt(i))) i++;
      int cls = classify(text, from, i);
      sink.accept(SEED + previous * 64L + cls);
      previous = cls;
    }
  }

  /** The token {@code [from, to)}'s class × 3 + its ending (0 none, 1 sentence end, 2 comma, semicolon or colon). */
  static int classify(String text, int from, int to) {
    int ending = switch (LineShapes.endKind(text, from, to)) {
      case 0 -> 1;
      case 1, 2 -> 2;
      default -> 0;
    };
    int digits = 0, upper = 0, lower = 0, uncased = 0, first = -1;
    boolean address = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c < 128) { // ASCII without the Unicode tables: the same answers, most characters of most pages
        if (c >= 'a' && c <= 'z') lower++;
        else if (c >= 'A' && c <= 'Z') upper++;
        else if (c >= '0' && c <= '9') digits++;
        else {
          if (c == '@' || (c == ':' && k + 2 < to && text.charAt(k + 1) == '/' && text.charAt(k + 2) == '/')) address = true;
          continue;
        }
      } else if (Character.isDigit(c)) digits++;
      else if (Character.isUpperCase(c)) upper++;
      else if (Character.isLowerCase(c)) lower++;
      else if (Character.isLetter(c)) uncased++;
      else continue;
      if (first < 0) first = k;
    }
    int cls;
    if (address || text.startsWith("www.", from)) cls = ADDRESS;
    else if (first < 0) cls = PUNCTUATION;
    else if (digits > 0) cls = upper + lower + uncased == 0 ? NUMBER : MIXED;
    else if (uncased > 0) cls = uncased > RUN ? UNCASED_RUN : UNCASED;
    else if (upper > 1 && lower == 0) cls = CAPITALS;
    else if (Character.isUpperCase(text.charAt(first))) cls = CAPITALISED;
    else cls = LOWER;
    return cls * 3 + ending;
  }

  /** {@link Character#isWhitespace}, without its lookup for the usual characters of a text. */
  private static boolean isSpace(char c) {
    if (c > ' ') return c >= 0x80 && Character.isWhitespace(c);
    return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x1C;
  }

  private TokenShapes() {}
}
