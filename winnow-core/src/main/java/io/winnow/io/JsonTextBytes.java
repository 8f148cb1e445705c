package io.winnow.io;

import io.winnow.text.AsciiWords;
import io.winnow.text.PyText;
import java.nio.charset.StandardCharsets;

/**
 * What the raw bytes of a JSON string value tell without decoding them again: the UTF-8 size of the decoded string
 * (as {@link io.winnow.text.Utf8#length} counts it) and whether the bytes are exactly those Jackson's UTF-8
 * generator writes for that string. When they are, a writer copies them instead of encoding the text once more.
 *
 * <p>Jackson writes {@code "} and {@code \} with a backslash, {@code \b \t \n \f \r} by name, other controls below
 * U+0020 and every surrogate as {@code \}{@code uXXXX} in upper-case hex, and everything else as plain UTF-8 (so a
 * character above U+FFFF as its two escaped surrogates, never as 4 bytes). Input written another way ({@code \/},
 * {@code \}{@code u00e9}, lower-case hex, a raw 4-byte character) is still sized here, but not reused.
 *
 * <p>The bytes must be valid UTF-8 and a string a JSON parser has accepted (checked, not decoded): this measures
 * them and decodes them ({@link #decode}), with its whitespace words counted on the way.
 */
final class JsonTextBytes {
  /** Where {@link #decode} undoes the escapes; one reader's, reused record after record. */
  private byte[] unescaped = new byte[1 << 14];

  /**
   * The result of {@link #scan}; {@code firstEscape} is the index of the first backslash, or {@code end} when there
   * is none (so {@link #decode} need not look for it again).
   */
  record Scan(int end, long utf8Length, boolean canonical, int firstEscape) {}

  /** The result of {@link #decode}: the string and its {@link PyText#countWhitespaceWords}. */
  record Decoded(String text, int whitespaceWords) {}

  /** ASCII whitespace as {@link PyText#isSpace} has it. */
  private static final boolean[] ASCII_SPACE = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_SPACE[c] = PyText.isSpace(c);
  }

  /**
   * Scans the contents of the string whose opening quote is at {@code b[quote]}.
   *
   * @return the index of its closing quote, the decoded string's UTF-8 size, whether the bytes are canonical, where
   *     the first escape is
   */
  static Scan scan(byte[] b, int quote, int limit) {
    int i = quote + 1;
    long utf8 = 0;
    boolean canonical = true;
    int highEnd = -1; // where the last escaped high surrogate ended: a low one escaped right there makes a pair
    int firstEscape = -1;
    while (true) {
      int j = special(b, i, limit);
      utf8 += j - i;
      if (j >= limit) throw new IllegalArgumentException("unterminated string");
      int c = b[j] & 0xff;
      if (c == '"') return new Scan(j, utf8, canonical, firstEscape < 0 ? j : firstEscape);
      if (c == '\\') {
        if (firstEscape < 0) firstEscape = j;
        int e = b[j + 1];
        if (e != 'u') {
          utf8++;
          if (e == '/') canonical = false; // Jackson writes a plain slash
          i = j + 2;
          continue;
        }
        int u = hex(b, j + 2);
        if (u < 0x80) {
          utf8++;
          // Jackson escapes only the controls it has no name for this way
          canonical &= u < 0x20 && u != '\b' && u != '\t' && u != '\n' && u != '\f' && u != '\r';
        } else if (u < 0x800) {
          utf8 += 2;
          canonical = false;
        } else if (u >= 0xd800 && u <= 0xdfff) {
          if (u >= 0xdc00 && j == highEnd) {
            utf8 += 1; // with the high surrogate's 3: a pair is one 4-byte character
            highEnd = -1;
          } else {
            utf8 += 3; // unpaired for now: the replacement character's size
            highEnd = u < 0xdc00 ? j + 6 : -1;
          }
        } else {
          utf8 += 3;
          canonical = false;
        }
        canonical &= upperHex(b, j + 2);
        i = j + 6;
        continue;
      }
      // a control byte cannot be in a string a parser accepted; a 4-byte character Jackson would escape
      utf8 += 4;
      canonical = false;
      i = j + 4;
    }
  }

  /**
   * The string a JSON parser decodes from the bytes {@code scan} measured: the escapes undone into UTF-8 and the
   * whole decoded by the JDK, which is quicker on mostly-ASCII text than decoding char by char. Null when an escape
   * holds an unpaired surrogate, which UTF-8 cannot carry (the caller then lets the parser decode it).
   */
  Decoded decode(byte[] b, int quote, Scan scan) {
    int from = quote + 1;
    int j = scan.firstEscape();
    if (j == scan.end()) return decoded(b, from, j);
    if (unescaped.length < scan.utf8Length() || unescaped.length > 1 << 22) {
      unescaped = new byte[(int) Math.max(scan.utf8Length(), 1 << 14)]; // a huge record's buffer is not kept
    }
    byte[] out = unescaped;
    int o = 0;
    int i = from;
    while (true) {
      System.arraycopy(b, i, out, o, j - i);
      o += j - i;
      if (j == scan.end()) break;
      int e = b[j + 1];
      if (e != 'u') {
        out[o++] = (byte) switch (e) {
          case 'b' -> '\b';
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'f' -> '\f';
          case 'r' -> '\r';
          default -> e; // quote, backslash, slash
        };
        i = j + 2;
      } else {
        int u = hex(b, j + 2);
        i = j + 6;
        if (u >= 0xd800 && u <= 0xdfff) {
          if (u >= 0xdc00 || i + 6 > scan.end() || b[i] != '\\' || b[i + 1] != 'u') return null;
          int low = hex(b, i + 2);
          if (low < 0xdc00 || low > 0xdfff) return null;
          u = Character.toCodePoint((char) u, (char) low);
          i += 6;
        }
        o = putUtf8(out, o, u);
      }
      j = indexOfBackslash(b, i, scan.end());
    }
    return decoded(out, 0, o);
  }

  private static Decoded decoded(byte[] utf8, int from, int to) {
    return new Decoded(new String(utf8, from, to - from, StandardCharsets.UTF_8), whitespaceWords(utf8, from, to));
  }

  /**
   * {@link PyText#countWhitespaceWords} of the string that valid UTF-8 bytes hold, counted on the bytes: eight ASCII
   * bytes a step ({@link AsciiWords}), other characters one at a time, decoded for {@link PyText#isSpace} (a
   * character above U+FFFF is no space, as neither of its surrogates is). A page of HTML is a few hundred KB read
   * for every record, so the byte-at-a-time loop this replaces was a tenth of reading it.
   */
  static int whitespaceWords(byte[] b, int from, int to) {
    int words = 0;
    boolean inWord = false;
    int i = from;
    while (i < to) {
      if (i + 8 <= to) {
        long w = (long) LONGS.get(b, i);
        if (AsciiWords.ascii(w)) {
          long space = AsciiWords.spaceFlags(w);
          words += AsciiWords.starts(space, inWord);
          inWord = AsciiWords.endsInWord(space);
          i += 8;
          continue;
        }
      }
      int c = b[i];
      boolean space;
      int size = 1;
      if (c >= 0) {
        space = ASCII_SPACE[c];
      } else if ((c & 0xc0) == 0x80) {
        i++; // inside a character: only its lead byte counts
        continue;
      } else if ((c & 0xe0) == 0xc0) {
        space = PyText.isSpace((c & 0x1f) << 6 | b[i + 1] & 0x3f);
        size = 2;
      } else if ((c & 0xf0) == 0xe0) {
        space = PyText.isSpace((c & 0x0f) << 12 | (b[i + 1] & 0x3f) << 6 | b[i + 2] & 0x3f);
        size = 3;
      } else {
        space = false; // a 4-byte character; its continuation bytes are passed over above
      }
      if (!space && !inWord) words++;
      inWord = !space;
      i += size;
    }
    return words;
  }

  private static int putUtf8(byte[] out, int o, int cp) {
    if (cp < 0x80) {
      out[o++] = (byte) cp;
    } else if (cp < 0x800) {
      out[o++] = (byte) (0xc0 | cp >> 6);
      out[o++] = (byte) (0x80 | cp & 0x3f);
    } else if (cp < 0x10000) {
      out[o++] = (byte) (0xe0 | cp >> 12);
      out[o++] = (byte) (0x80 | cp >> 6 & 0x3f);
      out[o++] = (byte) (0x80 | cp & 0x3f);
    } else {
      out[o++] = (byte) (0xf0 | cp >> 18);
      out[o++] = (byte) (0x80 | cp >> 12 & 0x3f);
      out[o++] = (byte) (0x80 | cp >> 6 & 0x3f);
      out[o++] = (byte) (0x80 | cp & 0x3f);
    }
    return o;
  }

  private static int indexOfBackslash(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long s = (long) LONGS.get(b, i) ^ BACKSLASHES;
      long hit = (s - ONES) & ~s & HIGHS;
      if (hit != 0) return i + (Long.numberOfTrailingZeros(hit) >>> 3);
    }
    for (; i < to; i++) if (b[i] == '\\') return i;
    return to;
  }

  private static int hex(byte[] b, int at) {
    int v = 0;
    for (int k = at; k < at + 4; k++) v = v << 4 | Character.digit(b[k], 16);
    return v;
  }

  private static boolean upperHex(byte[] b, int at) {
    for (int k = at; k < at + 4; k++) if (b[k] >= 'a') return false;
    return true;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long SPACES = 0x20 * ONES;
  private static final long QUOTES = '"' * ONES;
  private static final long BACKSLASHES = '\\' * ONES;

  /**
   * The index of the first byte in {@code b[from, to)} below 0x20, a quote, a backslash or a 4-byte character's
   * lead (0xF0 and up), or {@code to}: eight bytes a step, as {@link ByteLines#lineBreak} scans (the lowest byte
   * flagged is a true one: a borrow only runs upwards from a byte that matched).
   */
  static int special(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      long q = w ^ QUOTES;
      long s = w ^ BACKSLASHES;
      long hit = ((w - SPACES) & ~w | (q - ONES) & ~q | (s - ONES) & ~s | w & (w << 1) & (w << 2) & (w << 3)) & HIGHS;
      if (hit != 0) return i + (Long.numberOfTrailingZeros(hit) >>> 3);
    }
    for (; i < to; i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0xf0) return i;
    }
    return to;
  }
}
