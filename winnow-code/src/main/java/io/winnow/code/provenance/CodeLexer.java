package io.winnow.code.provenance;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns source text into the normalised token stream that provenance fingerprints are taken from: comments and
 * whitespace are dropped, every identifier becomes one token {@code ID}, every number {@code NUM}, every
 * string or character literal {@code STR}; keywords and operators stay themselves. Renaming variables,
 * re-indenting, rewrapping lines, rewriting comments or changing constants therefore leaves the stream as it
 * was, which is what lets a renamed copy be found (the normalisation MOSS applies before winnowing).
 *
 * <p>A hand-written scanner, one pass over the characters with no allocation: identifiers are hashed while
 * they are read and looked up among the language's keywords by that hash, operators by their packed
 * characters. Tokens are 64-bit hashes, mixed so that k-gram hashes built from them are uniform.
 *
 * <p>Families: C-like (C, C++, Java, JavaScript/TypeScript, Go, Rust: {@code //} and {@code /* *}{@code /}
 * comments, quoted and back-quoted strings, Rust raw strings and lifetimes), Python ({@code #} comments,
 * prefixed and triple-quoted strings) and a generic fallback (words, numbers, quoted strings, punctuation; no
 * comment syntax is assumed). Stateless and thread-safe; the output goes into the caller's {@link TokenStream}.
 */
public final class CodeLexer {
  /** Bump when the normalisation changes: an index records it and refuses candidates lexed otherwise. */
  public static final int VERSION = 1;

  static final long ID = mix(0x1D_0001L);
  static final long NUM = mix(0x1D_0002L);
  static final long STR = mix(0x1D_0003L);

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long PUNCT_SALT = 0x5eed_0f_0badL;

  /** Multi-character operators of all families, packed as up to four ASCII bytes (first char lowest). */
  private static final IntOpenHashSet OPERATORS = new IntOpenHashSet();
  private static final Map<CodeLanguage, KeywordTable> KEYWORDS = new EnumMap<>(CodeLanguage.class);

  static {
    for (String op : new String[] {">>>=", "<<=", ">>=", ">>>", "...", "->*", "<=>", "**=", "//=", "===", "!==", "...",
        "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "::", "=>", ":=", "**", "..", "??", "?.", "<-", "##", "&^", ".*"}) {
      OPERATORS.add(pack(op, 0, op.length()));
    }
    for (CodeLanguage l : CodeLanguage.values()) KEYWORDS.put(l, new KeywordTable(l.keywords()));
  }

  private CodeLexer() {}

  /** Lexes {@code text} as {@code language}, appending to {@code out} (which is not cleared). */
  public static void lex(CharSequence text, CodeLanguage language, TokenStream out) {
    KeywordTable keywords = KEYWORDS.get(language);
    switch (language.family()) {
      case C_LIKE -> lexCLike(text, keywords, language == CodeLanguage.RUST, out);
      case PYTHON -> lexPython(text, keywords, out);
      default -> lexGeneric(text, out);
    }
  }

  private static void lexCLike(CharSequence s, KeywordTable keywords, boolean rust, TokenStream out) {
    int n = s.length();
    int line = 1;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c <= ' ' || c == '\\') { // whitespace, and line continuations of macros
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        i += 2;
        while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
          if (s.charAt(i) == '\n') line++;
          i++;
        }
        i = Math.min(n, i + 2);
      } else if (c == '"') {
        out.add(STR, line);
        i = skipQuoted(s, i + 1, '"', false);
      } else if (c == '`') { // JavaScript template literals, Go raw strings: may span lines
        out.add(STR, line);
        int j = i + 1;
        while (j < n && s.charAt(j) != '`') {
          if (s.charAt(j) == '\\' && j + 1 < n) j++;
          j++;
        }
        line += countLines(s, i, Math.min(n, j));
        i = Math.min(n, j + 1);
      } else if (c == '\'') {
        if (rust && i + 2 < n && isIdentStart(s.charAt(i + 1)) && s.charAt(i + 2) != '\'') {
          // a lifetime ('a, 'static): an identifier, not a character literal
          i++;
          while (i < n && isIdentPart(s.charAt(i))) i++;
          out.add(ID, line);
          continue;
        }
        int end = skipQuoted(s, i + 1, '\'', false);
        if (end > i + 1 && s.charAt(end - 1) == '\'') {
          out.add(STR, line);
          i = end;
        } else { // no closing quote on this line: a stray apostrophe
          out.add(punct('\''), line);
          i++;
        }
      } else if (rust && c == 'r' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '#') && rawStringEnd(s, i) > 0) {
        int end = rawStringEnd(s, i);
        out.add(STR, line);
        line += countLines(s, i, end);
        i = end;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
        i = skipNumber(s, i);
        out.add(NUM, line);
      } else if (isIdentStart(c)) {
        i = identifier(s, i, keywords, line, out);
      } else {
        i = operator(s, i, line, out);
      }
    }
  }

  private static void lexPython(CharSequence s, KeywordTable keywords, TokenStream out) {
    int n = s.length();
    int line = 1;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c <= ' ' || c == '\\') {
        i++;
      } else if (c == '#') {
        while (i < n && s.charAt(i) != '\n') i++;
      } else if (c == '"' || c == '\'') {
        int end = pythonString(s, i);
        out.add(STR, line);
        line += countLines(s, i, end);
        i = end;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
        i = skipNumber(s, i);
        out.add(NUM, line);
      } else if (isIdentStart(c)) {
        int p = stringPrefixEnd(s, i);
        if (p > i) { // r"…", b'…', f"""…""": a string with its prefix
          int end = pythonString(s, p);
          out.add(STR, line);
          line += countLines(s, i, end);
          i = end;
        } else {
          i = identifier(s, i, keywords, line, out);
        }
      } else {
        i = operator(s, i, line, out);
      }
    }
  }

  private static void lexGeneric(CharSequence s, TokenStream out) {
    int n = s.length();
    int line = 1;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c <= ' ' || Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = skipQuoted(s, i + 1, c, false);
        if (end > i + 1 && s.charAt(end - 1) == c) {
          out.add(STR, line);
          i = end;
        } else {
          out.add(punct(c), line);
          i++;
        }
      } else if (isDigit(c)) {
        i = skipNumber(s, i);
        out.add(NUM, line);
      } else if (isIdentStart(c)) {
        while (i < n && isIdentPart(s.charAt(i))) i++;
        out.add(ID, line);
      } else {
        out.add(punct(c), line);
        i++;
      }
    }
  }

  /** Reads an identifier from {@code i}; emits its keyword token, or {@code ID}. Returns the index after it. */
  private static int identifier(CharSequence s, int i, KeywordTable keywords, int line, TokenStream out) {
    int n = s.length();
    long h = FNV_OFFSET;
    int start = i;
    while (i < n) {
      char c = s.charAt(i);
      if (!isIdentPart(c)) break;
      h = (h ^ c) * FNV_PRIME;
      i++;
    }
    long keyword = i - start <= KeywordTable.MAX_LENGTH ? keywords.token(h) : 0;
    out.add(keyword != 0 ? keyword : ID, line);
    return i;
  }

  /** Emits the longest operator at {@code i} (four characters down to one). */
  private static int operator(CharSequence s, int i, int line, TokenStream out) {
    int n = s.length();
    for (int len = Math.min(4, n - i); len >= 2; len--) {
      int code = pack(s, i, len);
      if (code != -1 && OPERATORS.contains(code)) {
        out.add(mix(code ^ PUNCT_SALT), line);
        return i + len;
      }
    }
    out.add(punct(s.charAt(i)), line);
    return i + 1;
  }

  private static long punct(char c) {
    return mix(c ^ PUNCT_SALT);
  }

  /** Packs {@code len} ASCII characters into an int, or -1 if one is not ASCII. */
  private static int pack(CharSequence s, int from, int len) {
    int code = 0;
    for (int j = 0; j < len; j++) {
      char c = s.charAt(from + j);
      if (c >= 128) return -1;
      code |= c << (8 * j);
    }
    return code;
  }

  /** The index after a quoted literal whose body starts at {@code i}; stops at the end of the line when unterminated. */
  private static int skipQuoted(CharSequence s, int i, char quote, boolean multiline) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n) {
        i += 2;
        continue;
      }
      if (c == quote) return i + 1;
      if (c == '\n' && !multiline) return i;
      i++;
    }
    return i;
  }

  /** Rust {@code r"…"} / {@code r#"…"#}: the index after it, or -1 if {@code i} does not start one. */
  private static int rawStringEnd(CharSequence s, int i) {
    int n = s.length();
    int j = i + 1;
    int hashes = 0;
    while (j < n && s.charAt(j) == '#') {
      hashes++;
      j++;
    }
    if (j >= n || s.charAt(j) != '"') return -1;
    if (i > 0 && isIdentPart(s.charAt(i - 1))) return -1;
    j++;
    while (j < n) {
      if (s.charAt(j) == '"') {
        int k = 0;
        while (k < hashes && j + 1 + k < n && s.charAt(j + 1 + k) == '#') k++;
        if (k == hashes) return j + 1 + hashes;
      }
      j++;
    }
    return n;
  }

  /** The index after a Python string starting at the quote {@code i} (single or triple quoted). */
  private static int pythonString(CharSequence s, int i) {
    int n = s.length();
    char q = s.charAt(i);
    if (i + 2 < n && s.charAt(i + 1) == q && s.charAt(i + 2) == q) {
      int j = i + 3;
      while (j < n) {
        char c = s.charAt(j);
        if (c == '\\' && j + 1 < n) {
          j += 2;
          continue;
        }
        if (c == q && j + 2 < n && s.charAt(j + 1) == q && s.charAt(j + 2) == q) return j + 3;
        j++;
      }
      return n;
    }
    return skipQuoted(s, i + 1, q, false);
  }

  /** The index of the quote after a Python string prefix (r, b, u, f and pairs) at {@code i}, or {@code i}. */
  private static int stringPrefixEnd(CharSequence s, int i) {
    int n = s.length();
    int j = i;
    while (j < n && j - i < 2 && "rRbBuUfF".indexOf(s.charAt(j)) >= 0) j++;
    if (j > i && j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) return j;
    return i;
  }

  private static int skipNumber(CharSequence s, int i) {
    int n = s.length();
    i++;
    while (i < n) {
      char c = s.charAt(i);
      if (isIdentPart(c) || c == '.') {
        i++;
      } else if ((c == '+' || c == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E') && !isHex(s, i)) {
        i++; // exponent sign of 1e-5
      } else {
        break;
      }
    }
    return i;
  }

  /** Whether the number ending before {@code end} is hexadecimal (where {@code e} is a digit, not an exponent). */
  private static boolean isHex(CharSequence s, int end) {
    int j = end - 1;
    while (j > 0 && isIdentPart(s.charAt(j - 1))) j--;
    return end - j > 2 && s.charAt(j) == '0' && (s.charAt(j + 1) == 'x' || s.charAt(j + 1) == 'X');
  }

  private static int countLines(CharSequence s, int from, int to) {
    int lines = 0;
    for (int j = from; j < to; j++) if (s.charAt(j) == '\n') lines++;
    return lines;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (c >= 128 && Character.isLetter(c));
  }

  private static boolean isIdentPart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
        || (c >= 128 && Character.isLetterOrDigit(c));
  }

  /** A 64-bit finaliser (MurmurHash3's fmix64): spreads every input bit over the output. */
  static long mix(long z) {
    z ^= z >>> 33;
    z *= 0xff51afd7ed558ccdL;
    z ^= z >>> 33;
    z *= 0xc4ceb9fe1a85ec53L;
    z ^= z >>> 33;
    return z;
  }

  /** A language's keywords by the FNV-1a hash of their characters: open addressing, no allocation on lookup. */
  private static final class KeywordTable {
    static final int MAX_LENGTH = 24;
    private final long[] hashes;
    private final long[] tokens;
    private final int mask;

    KeywordTable(java.util.Set<String> keywords) {
      int cap = Integer.highestOneBit(Math.max(4, keywords.size() * 4) - 1) << 1;
      hashes = new long[cap];
      tokens = new long[cap];
      mask = cap - 1;
      for (String k : keywords) {
        if (k.length() > MAX_LENGTH) throw new IllegalArgumentException("keyword longer than " + MAX_LENGTH + ": " + k);
        long h = FNV_OFFSET;
        for (int j = 0; j < k.length(); j++) h = (h ^ k.charAt(j)) * FNV_PRIME;
        int slot = (int) mix(h) & mask;
        while (tokens[slot] != 0) slot = (slot + 1) & mask;
        hashes[slot] = h;
        tokens[slot] = mix(h ^ 0x6b65_7977_6f72_64L) | 1; // never 0, the empty-slot mark
      }
    }

    /** The keyword's token, or 0 if {@code h} is no keyword's hash. */
    long token(long h) {
      int slot = (int) mix(h) & mask;
      while (tokens[slot] != 0) {
        if (hashes[slot] == h) return tokens[slot];
        slot = (slot + 1) & mask;
      }
      return 0;
    }
  }
}
