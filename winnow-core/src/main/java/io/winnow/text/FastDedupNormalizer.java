package io.winnow.text;

/**
 * {@link DedupNormalizer#normalize} in one pass over the characters. Lower-casing a copy, a regular expression
 * for the number runs, a builder for punctuation and whitespace and a decomposition cost several passes; here
 * each character outside ASCII is looked up in a table learnt from {@link DedupNormalizer} itself, the first
 * time the character is seen: it becomes a space (punctuation, whitespace), disappears (a combining mark) or
 * becomes one other character (é → e, Я → я, 東 → 東). That holds whatever the neighbours for every character
 * except those the table refuses: digits and decimal separators outside ASCII (they join number runs), the
 * capital sigma (its lower case depends on what follows), spacing or enclosing marks (the decomposition may
 * reorder them), lone surrogates and characters that decompose into several (Hangul syllables). A text with
 * one of those goes to {@link DedupNormalizer} whole; the result is the same either way (see the test).
 *
 * <p>Not thread-safe (reuses buffers and fills its table): one instance per thread (each MinHasher holds one).
 */
public final class FastDedupNormalizer {
  private static final byte UNKNOWN = 0;
  private static final byte SPACE = 1;
  private static final byte DROP = 2;
  private static final byte MAP = 3;
  private static final byte REFUSED = 4;

  /** What each character from U+0080 to U+FFFF becomes, learnt on first sight; MAP's character in {@link #mapped}. */
  private final byte[] kind = new byte[1 << 16];
  private final char[] mapped = new char[1 << 16];
  private char[] out = new char[1 << 12];

  public String normalize(String text) {
    String fast = normalizePlain(text);
    return fast != null ? fast : DedupNormalizer.normalize(text);
  }

  /** The normal form of a text, or null when it has a character the table refuses. */
  String normalizePlain(String text) {
    int len = text.length();
    if (out.length < len) out = new char[Math.max(len, out.length * 2)];
    char[] o = out;
    int k = 0;
    // DedupNormalizer emits a pending space before any character that is not itself a space, including
    // combining marks it drops afterwards: "appended" follows its builder, k the characters that remain
    boolean appended = false;
    boolean pendingSpace = false;
    for (int i = 0; i < len; ) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        byte what = kind[c];
        if (what == UNKNOWN) what = learn(c);
        if (what == REFUSED) {
          if (!Character.isHighSurrogate(c) || i + 1 == len || !Character.isLowSurrogate(text.charAt(i + 1))) return null;
          int cp = text.codePointAt(i);
          if (!isSpaceLike(cp)) return null; // a letter or symbol outside the basic plane
          pendingSpace = appended;
          i += 2;
          continue;
        }
        i++;
        if (what == SPACE) {
          pendingSpace = appended;
          continue;
        }
        if (pendingSpace) {
          o[k++] = ' ';
          pendingSpace = false;
        }
        appended = true;
        if (what == MAP) o[k++] = mapped[c];
        continue;
      }
      if (isDigit(c)) {
        // a run of digits, optionally one separator and more digits: "0" (the only separators in ASCII); a digit
        // or separator outside ASCII right after would belong to the run, and the table refuses it
        int j = i + 1;
        while (j < len && isDigit(text.charAt(j))) j++;
        if (j + 1 < len && (text.charAt(j) == '.' || text.charAt(j) == ',') && isDigit(text.charAt(j + 1))) {
          j += 2;
          while (j < len && isDigit(text.charAt(j))) j++;
        }
        c = '0';
        i = j;
      } else {
        i++;
        if (Punctuation.isPunctuation(c) || PyText.isSpace(c)) {
          pendingSpace = appended;
          continue;
        }
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      }
      if (pendingSpace) {
        o[k++] = ' ';
        pendingSpace = false;
      }
      appended = true;
      o[k++] = c;
    }
    return new String(o, 0, k);
  }

  /** Classifies a character outside ASCII by normalising it between two letters. */
  private byte learn(char c) {
    byte what;
    if (Character.isSurrogate(c) || Character.isDigit(c) || isSeparator(c) || c == 'Σ') {
      what = REFUSED;
    } else if (isSpaceLike(c) && Character.toLowerCase(c) == c) {
      what = SPACE;
    } else {
      int type = Character.getType(c);
      String r = DedupNormalizer.normalize("a" + c + "a");
      if (type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        what = REFUSED;
      } else if (r.equals("aa")) {
        what = DROP;
      } else if (r.length() == 3 && r.charAt(0) == 'a' && r.charAt(2) == 'a' && isPlainResult(r.charAt(1))) {
        what = MAP;
        mapped[c] = r.charAt(1);
      } else {
        what = REFUSED;
      }
    }
    kind[c] = what;
    return what;
  }

  /** A character the normal form may hold as it is: not one that a later step would treat specially. */
  private static boolean isPlainResult(char x) {
    int type = Character.getType(x);
    return !Character.isSurrogate(x) && !Character.isDigit(x) && !isSpaceLike(x) && !isSeparator(x) && x != 'Σ'
        && type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
        && type != Character.ENCLOSING_MARK;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The decimal separators of DedupNormalizer's number pattern outside ASCII. */
  private static boolean isSeparator(int cp) {
    return cp == '،' || cp == '٫' || cp == '⎖' || cp == '⎗' || cp == '⎘';
  }

  /** Punctuation or whitespace that is neither a digit nor a decimal separator: it becomes a space. */
  private static boolean isSpaceLike(int cp) {
    if (isSeparator(cp) || Character.isDigit(cp)) return false;
    return Punctuation.isPunctuation(cp) || PyText.isSpace(cp);
  }
}
