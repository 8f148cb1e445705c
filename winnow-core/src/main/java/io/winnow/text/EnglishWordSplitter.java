package io.winnow.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The English word and sentence splitter: a faithful re-implementation of the rule-based tokenizer of
 * {@code spacy.blank("en")} and of spaCy's {@code sentencizer}, which the reference quality filters and
 * MinHash use. Word counts decide filter thresholds and MinHash shingles, so this class is what the
 * conformance tests pin down.
 *
 * <p>The algorithm is spaCy's: split on whitespace; for each chunk, try the special cases (tokenizer
 * exceptions), else peel prefixes and suffixes until none applies or the rest is a special case, then keep
 * a URL whole or split the rest on infixes; finally re-apply the special cases that span several tokens. The
 * rule data (affix patterns, URL pattern, exceptions, sentence terminators) is exported from spaCy by
 * {@code dev/export_spacy_en_rules.py} and ships in {@code /winnow/text/en/}.
 *
 * <p>Linear in the text, whatever the text: chunks are peeled by moving offsets, not by copying what is left,
 * the exceptions are only looked up for pieces no longer than the longest exception, and the URL pattern is
 * decided by {@link UrlMatch} rather than by backtracking (which overflowed the stack on {@code "a.a.a..."}).
 *
 * <p>Thread-safe: the rules are immutable; matchers and the chunk cache are per thread.
 */
public final class EnglishWordSplitter {
  private static final int MAX_CACHED_CHUNKS = 200_000;
  /** Longer chunks are not cached: they hardly repeat, and their tokens would stay alive with the cache. */
  private static final int MAX_CACHED_CHUNK_LENGTH = 1 << 10;
  private static final String RESOURCES = "/winnow/text/en/";
  /** Texts up to this length are copied into a per-thread buffer; a longer one gets a buffer of its own. */
  private static final int KEEP_CHARS = 1 << 16;

  private final AffixRules prefixes;
  private final AffixRules suffixes;
  private final AffixRules infixes;
  private final UrlMatch url;
  private final Map<String, String[]> specials;
  private final RegionFilter specialKeys;
  /** Length of the longest special case: a longer piece of text is none. */
  private final int maxSpecialLength;
  /** Special cases that span several affix-split tokens, indexed by their first token. */
  private final Map<String, List<SpecialSpan>> spanningSpecials;
  /** First characters of the first tokens of spanning special cases: a cheap test before the map lookup. */
  private final java.util.BitSet spanningFirstChars = new java.util.BitSet();
  private final java.util.BitSet sentenceTerminators;
  /**
   * Per ASCII character, the one-character token it is split off as when it ends a plain word ("word," is
   * "word" and ","), or null: only characters whose suffix rule is that literal character, checked against the
   * rules when the splitter is built. A period qualifies after a lower-case letter or a digit only (its rule's
   * look-behind; see {@link #trailingPunctuation}).
   */
  private final String[] trailingPunct = new String[128];
  private final ThreadLocal<Scratch> scratch;

  private record SpecialSpan(String key, String[] tokens) {}

  private static final class Scratch {
    final Matcher[] prefix;
    final Matcher[] suffix;
    final Matcher[] infix;
    final UrlMatch.Scanner url;
    final Slice slice = new Slice();
    int[] infixSpans = new int[64];
    /** The text being split, as chars: String.charAt costs a coder test and a bounds check per call. */
    char[] chars = new char[KEEP_CHARS];
    final ChunkCache cache = new ChunkCache(MAX_CACHED_CHUNKS);
    final ArrayList<String> prefixes = new ArrayList<>();
    final ArrayList<String> suffixes = new ArrayList<>();
    final ArrayList<String> chunkTokens = new ArrayList<>();

    Scratch(EnglishWordSplitter s) {
      prefix = s.prefixes.matchers();
      suffix = s.suffixes.matchers();
      infix = s.infixes.matchers();
      url = s.url.scanner();
    }
  }

  /** A window [from, from + length) of a string, handed to the affix matchers instead of a copy. */
  private static final class Slice implements CharSequence {
    private String s;
    private int from;
    private int length;

    Slice set(String s, int from, int to) {
      this.s = s;
      this.from = from;
      this.length = to - from;
      return this;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      if (index < 0 || index >= length) throw new StringIndexOutOfBoundsException(index);
      return s.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.substring(from + start, from + end);
    }

    @Override
    public String toString() {
      return s.substring(from, from + length);
    }
  }

  private static final class Holder {
    static final EnglishWordSplitter INSTANCE = new EnglishWordSplitter();
  }

  /** The shared instance (rules are loaded once per process). */
  public static EnglishWordSplitter get() {
    return Holder.INSTANCE;
  }

  private EnglishWordSplitter() {
    JsonNode affixes = readJson("affixes.json");
    RuleShortcut.ClassTables classTables = new RuleShortcut.ClassTables();
    prefixes = new AffixRules(affixes.get("prefix"), false, classTables);
    suffixes = new AffixRules(affixes.get("suffix"), true, classTables);
    infixes = new AffixRules(affixes.get("infix"), false, classTables);
    url = new UrlMatch(resource("url.regex"));
    specials = loadSpecials();
    specialKeys = new RegionFilter(specials.keySet());
    maxSpecialLength = specials.keySet().stream().mapToInt(String::length).max().orElse(0);
    sentenceTerminators = Punctuation.load("en/sentence-punct.txt");
    scratch = ThreadLocal.withInitial(() -> new Scratch(this));
    spanningSpecials = indexSpanningSpecials();
    for (String first : spanningSpecials.keySet()) spanningFirstChars.set(first.charAt(0));
    Scratch check = new Scratch(this);
    for (char p : ",;:!?)]}\"".toCharArray()) {
      if (splitsOffAfterPlainWords(p, new String[] {"word", "Word", "WORD", "w", "42"}, check)) trailingPunct[p] = String.valueOf(p);
    }
    if (splitsOffAfterPlainWords('.', new String[] {"word", "Word", "w", "42"}, check)) trailingPunct['.'] = ".";
  }

  /**
   * Whether the rules split {@code p} off the end of each of these plain words as a token of its own, and
   * nothing else: the premise of the trailing-punctuation fast path in {@link #tokenizeChunk}. A single
   * character that is a special case of its own is refused (its tokens could differ).
   */
  private boolean splitsOffAfterPlainWords(char p, String[] words, Scratch s) {
    String ps = String.valueOf(p);
    if (specials.containsKey(ps)) return false;
    for (String w : words) {
      if (specials.containsKey(w + p)) continue; // a special case is looked up before the fast path anyway
      String[] parts = applySpanningSpecials(splitChunk(w + p, true, s));
      if (parts.length != 2 || !parts[0].equals(w) || !parts[1].equals(ps)) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------- words

  /** The words of a text: every token, stripped, whitespace tokens dropped (datatrove's word_tokenize). */
  public String[] words(String text) {
    return words(tokenize(text));
  }

  /** The words of already tokenized text. */
  public static String[] words(Tokens t) {
    String[] out = new String[t.size];
    int n = 0;
    for (int i = 0; i < t.size; i++) {
      if (!t.isWhitespace(i)) out[n++] = t.text[i];
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Adds to {@code out} the words among the tokens inside text offsets [from, to): the words of
   * {@code text.substring(from, to)} when no token crosses those bounds (true for line bounds), without
   * tokenizing again.
   */
  public static void words(Tokens t, int from, int to, List<String> out) {
    for (int i = firstTokenAt(t, from); i < t.size && t.start[i] + t.text[i].length() <= to; i++) {
      if (!t.isWhitespace(i)) out.add(t.text[i]);
    }
  }

  /** Number of sentences with any non-whitespace content (datatrove's len(sent_tokenize(text))). */
  public int sentenceCount(String text) {
    return sentenceCount(tokenize(text), 0, text.length());
  }

  /**
   * Sentences among the tokens that lie inside text offsets [from, to): the same count as
   * {@code sentenceCount(text.substring(from, to))} when no token crosses those bounds (true for line bounds:
   * tokens never span a line break), without tokenizing again.
   */
  public int sentenceCount(Tokens t, int from, int to) {
    int i = firstTokenAt(t, from);
    boolean seenTerminator = false;
    boolean content = false;
    int count = 0;
    for (; i < t.size && t.start[i] + t.text[i].length() <= to; i++) {
      String tok = t.text[i];
      boolean terminator = isTerminator(tok);
      if (seenTerminator && !terminator && !isPunct(tok)) {
        if (content) count++;
        content = false;
        seenTerminator = false;
      } else if (terminator) {
        seenTerminator = true;
      }
      if (!t.isWhitespace(i)) content = true;
    }
    return content ? count + 1 : count;
  }

  private static int firstTokenAt(Tokens t, int offset) {
    int lo = 0;
    int hi = t.size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t.start[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private boolean isTerminator(String tok) {
    return tok.codePointCount(0, tok.length()) == 1 && sentenceTerminators.get(tok.codePointAt(0));
  }

  /** The sentences of a text, stripped, empty ones dropped (datatrove's sent_tokenize). */
  public List<String> sentences(String text) {
    Tokens t = tokenize(text);
    boolean[] starts = sentenceStarts(t);
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.size; i++) {
      if (starts[i] && i > 0) {
        addStripped(out, sb);
        sb.setLength(0);
      }
      sb.append(t.text[i]);
      if (t.spaceAfter[i]) sb.append(' ');
    }
    addStripped(out, sb);
    return out;
  }

  private static void addStripped(List<String> out, StringBuilder sb) {
    String s = PyText.strip(sb.toString());
    if (!s.isEmpty()) out.add(s);
  }

  /** spaCy's sentencizer: a sentence starts at the first non-punctuation token after a terminator. */
  private boolean[] sentenceStarts(Tokens t) {
    boolean[] starts = new boolean[t.size];
    if (t.size == 0) return starts;
    starts[0] = true;
    boolean seenTerminator = false;
    for (int i = 0; i < t.size; i++) {
      String tok = t.text[i];
      boolean terminator = isTerminator(tok);
      if (seenTerminator && !terminator && !isPunct(tok)) {
        starts[i] = true;
        seenTerminator = false;
      } else if (terminator) {
        seenTerminator = true;
      }
    }
    return starts;
  }

  /** spaCy's lexical is_punct: every code point of Unicode category P*. */
  static boolean isPunct(String tok) {
    for (int i = 0; i < tok.length(); ) {
      int cp = tok.codePointAt(i);
      switch (Character.getType(cp)) {
        case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
            Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
            Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> { }
        default -> {
          return false;
        }
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------ tokenize

  /** Tokens of a text, including whitespace tokens, with spaCy's trailing-space flags. */
  public static final class Tokens {
    String[] text;
    boolean[] spaceAfter;
    int[] start;
    int size;

    /** Room for the tokens of a typical text of that length (about one per five characters), grown if need be. */
    Tokens(int textLength) {
      int capacity = Math.max(16, Math.min(textLength / 4, 1 << 14));
      text = new String[capacity];
      spaceAfter = new boolean[capacity];
      start = new int[capacity];
    }

    /** Adds a token that starts where the previous one ended (plus its trailing space). */
    void add(String tok) {
      int at = size == 0 ? 0 : start[size - 1] + text[size - 1].length() + (spaceAfter[size - 1] ? 1 : 0);
      add(tok, at);
    }

    void add(String tok, int at) {
      if (size == text.length) {
        text = Arrays.copyOf(text, size * 2);
        spaceAfter = Arrays.copyOf(spaceAfter, size * 2);
        start = Arrays.copyOf(start, size * 2);
      }
      text[size] = tok;
      start[size] = at;
      spaceAfter[size++] = false;
    }

    /** Offset of token {@code i} in the text. */
    public int start(int i) {
      return start[i];
    }

    public int size() {
      return size;
    }

    public String text(int i) {
      return text[i];
    }

    /** Whitespace tokens are runs of whitespace other than the single space that separates tokens. */
    public boolean isWhitespace(int i) {
      return PyText.isSpace(text[i].charAt(0));
    }
  }

  /**
   * spaCy's Tokenizer.__call__: affix tokenization, then the special cases that span tokens.
   *
   * <p>A spanning special case only changes tokens when the matched tokens join without whitespace into its
   * key, so it can only apply inside one whitespace-free chunk. It is therefore applied once per distinct
   * chunk, when the chunk is first split, and cached with it (see {@link #splitChunk}).
   */
  public Tokens tokenize(String text) {
    return tokenizeAffixes(text, true, scratch.get());
  }

  private Tokens tokenizeAffixes(String text, boolean withSpecials, Scratch s) {
    int n = text.length();
    Tokens tokens = new Tokens(n);
    if (n == 0) return tokens;
    char[] c = n <= KEEP_CHARS ? s.chars : new char[n];
    text.getChars(0, n, c, 0);
    // Chunks alternate between runs of whitespace and runs without; the single space after a word belongs to
    // that word (its trailing-space flag), any further whitespace is a chunk of its own. Each run is measured
    // by a tight loop of its own: one test per character, and one hard-to-predict branch per run, not per char.
    int i = 0;
    while (i < n) {
      int start = i;
      if (PyText.isSpace(c[i])) {
        do i++; while (i < n && PyText.isSpace(c[i]));
        tokenizeChunk(text, c, start, i, tokens, withSpecials, s);
      } else {
        do i++; while (i < n && !PyText.isSpace(c[i]));
        tokenizeChunk(text, c, start, i, tokens, withSpecials, s);
        if (i < n && c[i] == ' ') {
          tokens.spaceAfter[tokens.size - 1] = true;
          i++;
        }
      }
    }
    return tokens;
  }

  /**
   * Tokenizes {@code text[from, to)} (also given as {@code c}, the text's chars), a run without whitespace or
   * of whitespace only. Plain words take a fast path and are not cached: on distinct text a cache lookup (a
   * miss on the cached key's characters) costs more than building the word, whereas for chunks that need the
   * affix rules a hit saves real work.
   */
  private void tokenizeChunk(String text, char[] c, int from, int to, Tokens out, boolean withSpecials, Scratch s) {
    String[] parts;
    if (!withSpecials) {
      parts = splitChunk(text.substring(from, to), false, s);
    } else if (isPlainWord(c, from, to)) {
      // Most chunks are plain words: their only possible rule is a special case, and a filter of the special
      // cases' keys answers "none" for nearly all of them without building a key.
      String[] special = specialOf(text, c, from, to);
      if (special == null) {
        out.add(text.substring(from, to), from);
        return;
      }
      parts = special;
    } else if (trailingPunctuation(c, from, to) && specialOf(text, c, from, to - 1) == null) {
      // A plain word and one punctuation mark (a tenth of all chunks of prose): the word, then the mark,
      // unless the whole chunk is a special case. The word alone is no special case (checked), so no rule
      // applies inside it; a cache lookup would cost more than building it.
      String[] special = specialOf(text, c, from, to);
      if (special == null) {
        out.add(text.substring(from, to - 1), from);
        out.add(trailingPunct[c[to - 1]]);
        return;
      }
      parts = special;
    } else {
      boolean cached = to - from <= MAX_CACHED_CHUNK_LENGTH;
      int hash = cached ? ChunkCache.hash(c, from, to) : 0;
      parts = cached ? s.cache.get(c, from, to, hash) : null;
      if (parts == null) {
        String chunk = text.substring(from, to);
        String[] special = isSpecial(chunk, 0, chunk.length(), true) ? specials.get(chunk) : null;
        parts = special != null ? special : applySpanningSpecials(splitChunk(chunk, true, s));
        if (cached) s.cache.put(chunk, parts, hash);
      }
    }
    out.add(parts[0], from);
    for (int k = 1; k < parts.length; k++) out.add(parts[k]);
  }

  /** Runs of ASCII letters only, or of ASCII digits only, match no affix or infix rule. */
  private static boolean isPlainWord(char[] text, int from, int to) {
    char first = text[from];
    boolean letters = (first | 0x20) >= 'a' && (first | 0x20) <= 'z';
    boolean digits = first >= '0' && first <= '9';
    if (!letters && !digits) return false;
    for (int i = from + 1; i < to; i++) {
      char c = text[i];
      if (letters ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : !(c >= '0' && c <= '9')) return false;
    }
    return true;
  }

  /**
   * A plain word followed by one of the {@link #trailingPunct} marks, or by a period after a lower-case letter
   * or a digit.
   */
  private boolean trailingPunctuation(char[] c, int from, int to) {
    if (to - from < 2) return false;
    char p = c[to - 1];
    if (p >= 128 || trailingPunct[p] == null) return false;
    if (p == '.') {
      char before = c[to - 2];
      if (!((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9'))) return false;
    }
    return isPlainWord(c, from, to - 1);
  }

  /**
   * The special case's tokens for {@code text[from, to)} (also given as {@code c}, the text's chars), or null: a
   * filter of the special cases' keys answers "none" for nearly every region without building a key.
   */
  private String[] specialOf(String text, char[] c, int from, int to) {
    return to - from <= maxSpecialLength && specialKeys.mayContain(c, from, to) ? specials.get(text.substring(from, to)) : null;
  }

  /** Whether {@code chunk[from, to)} is a special case; free for pieces longer than every special case. */
  private boolean isSpecial(String chunk, int from, int to, boolean withSpecials) {
    return withSpecials && to - from <= maxSpecialLength && specialKeys.mayContain(chunk, from, to)
        && specials.containsKey(chunk.substring(from, to));
  }

  /**
   * spaCy's _split_affixes followed by _attach_tokens, for one whitespace-free chunk. spaCy slices the string
   * at every step; here the rest is {@code chunk[b, e)} and only the peeled affixes are copied.
   */
  private String[] splitChunk(String chunk, boolean withSpecials, Scratch s) {
    List<String> prefixes = s.prefixes;
    List<String> suffixes = s.suffixes;
    prefixes.clear();
    suffixes.clear();
    int b = 0;
    int e = chunk.length();
    int lastSize = -1;
    while (b < e && e - b != lastSize) {
      if (isSpecial(chunk, b, e, withSpecials)) break;
      lastSize = e - b;
      int preLen = this.prefixes.prefixLength(s.slice.set(chunk, b, e), s.prefix);
      if (preLen != 0 && b + preLen < e && isSpecial(chunk, b + preLen, e, withSpecials)) {
        prefixes.add(chunk.substring(b, b + preLen));
        b += preLen;
        break;
      }
      int sufLen = this.suffixes.suffixLength(s.slice.set(chunk, b + preLen, e), s.suffix);
      if (sufLen != 0 && b < e - sufLen && isSpecial(chunk, b, e - sufLen, withSpecials)) {
        suffixes.add(chunk.substring(e - sufLen, e));
        e -= sufLen;
        break;
      }
      if (preLen != 0) {
        prefixes.add(chunk.substring(b, b + preLen));
        b += preLen;
      }
      if (sufLen != 0) { // found in what follows the prefix, so both always fit
        suffixes.add(chunk.substring(e - sufLen, e));
        e -= sufLen;
      }
      if (isSpecial(chunk, b, e, withSpecials)) break;
    }

    List<String> out = s.chunkTokens;
    out.clear();
    out.addAll(prefixes);
    if (b < e) {
      String string = chunk.substring(b, e);
      String[] special = withSpecials && e - b <= maxSpecialLength ? specials.get(string) : null;
      if (special != null) {
        out.addAll(Arrays.asList(special));
      } else if (string.indexOf('.') >= 0 && s.url.matches(string)) { // every URL has a dot
        out.add(string);
      } else {
        splitInfixes(string, out, s);
      }
    }
    for (int i = suffixes.size() - 1; i >= 0; i--) out.add(suffixes.get(i));
    return out.toArray(new String[0]);
  }

  private void splitInfixes(String string, List<String> out, Scratch s) {
    int count = infixes.infixMatches(string, s.infix, s.infixSpans);
    if (count * 2 > s.infixSpans.length) {
      s.infixSpans = new int[count * 2];
      infixes.infixMatches(string, s.infix, s.infixSpans);
    }
    if (count == 0) {
      out.add(string);
      return;
    }
    int start = 0;
    for (int k = 0; k < count; k++) {
      int infixStart = s.infixSpans[2 * k];
      int infixEnd = s.infixSpans[2 * k + 1];
      if (infixStart == 0) continue; // spaCy skips an infix at the very start of the string
      if (infixStart != start) out.add(string.substring(start, infixStart));
      if (infixStart != infixEnd) out.add(string.substring(infixStart, infixEnd));
      start = infixEnd;
    }
    if (start < string.length()) out.add(string.substring(start));
  }

  private int findPrefix(String string, Scratch s) {
    return prefixes.prefixLength(string, s.prefix);
  }

  private int findSuffix(String string, Scratch s) {
    return suffixes.suffixLength(string, s.suffix);
  }

  // --------------------------------------------------------------------------- spanning special cases

  private Map<String, List<SpecialSpan>> indexSpanningSpecials() {
    Scratch s = new Scratch(this);
    Map<String, List<SpecialSpan>> index = new HashMap<>();
    for (String key : specials.keySet()) {
      boolean affixed = findPrefix(key, s) != 0 || findSuffix(key, s) != 0 || key.indexOf(' ') >= 0
          || infixes.infixMatches(key, s.infix, new int[2]) > 0;
      if (!affixed) continue;
      Tokens t = tokenizeAffixes(key, false, s);
      if (t.size == 0) continue;
      String[] pattern = Arrays.copyOf(t.text, t.size);
      index.computeIfAbsent(pattern[0], k -> new ArrayList<>()).add(new SpecialSpan(key, pattern));
    }
    return index;
  }

  private record Match(int start, int end) {}

  /** spaCy's _apply_special_cases within one chunk: longest, then leftmost, non-overlapping matches are re-split. */
  private String[] applySpanningSpecials(String[] t) {
    if (t.length < 2) return t;
    List<Match> matches = null;
    for (int i = 0; i < t.length; i++) {
      if (!spanningFirstChars.get(t[i].charAt(0))) continue;
      List<SpecialSpan> candidates = spanningSpecials.get(t[i]);
      if (candidates == null) continue;
      for (SpecialSpan c : candidates) {
        String[] p = c.tokens;
        if (i + p.length > t.length) continue;
        boolean ok = true;
        for (int j = 1; j < p.length && ok; j++) ok = p[j].equals(t[i + j]);
        if (ok) {
          if (matches == null) matches = new ArrayList<>();
          matches.add(new Match(i, i + p.length));
        }
      }
    }
    if (matches == null) return t;
    matches.sort(Comparator.comparingInt((Match m) -> m.end - m.start).thenComparing(
        (a, b) -> Integer.compare(b.start, a.start)));
    java.util.BitSet seen = new java.util.BitSet();
    List<Match> kept = new ArrayList<>();
    for (int k = matches.size() - 1; k >= 0; k--) {
      Match m = matches.get(k);
      if (!seen.get(m.start) && !seen.get(m.end - 1)) kept.add(m);
      seen.set(m.start, m.end);
    }
    kept.sort(Comparator.comparingInt(Match::start));
    List<String> out = new ArrayList<>(t.length + 4);
    int next = 0;
    int i = 0;
    while (i < t.length) {
      Match m = next < kept.size() && kept.get(next).start == i ? kept.get(next++) : null;
      if (m == null) {
        out.add(t[i++]);
        continue;
      }
      StringBuilder span = new StringBuilder();
      for (int j = m.start; j < m.end; j++) span.append(t[j]);
      String[] rule = specials.get(span.toString());
      if (rule == null) {
        for (int j = m.start; j < m.end; j++) out.add(t[j]);
      } else {
        out.addAll(Arrays.asList(rule));
      }
      i = m.end;
    }
    return out.toArray(new String[0]);
  }

  // -------------------------------------------------------------------------------------- resources

  private static String resource(String name) {
    try (InputStream in = EnglishWordSplitter.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readJson(String name) {
    try {
      return new ObjectMapper().readTree(resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String[]> loadSpecials() {
    ObjectMapper json = new ObjectMapper();
    Map<String, String[]> map = new HashMap<>();
    try (InputStream in = EnglishWordSplitter.class.getResourceAsStream(RESOURCES + "exceptions.jsonl")) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + "exceptions.jsonl");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode row = json.readTree(line);
        JsonNode parts = row.get(1);
        String[] tokens = new String[parts.size()];
        for (int i = 0; i < tokens.length; i++) tokens[i] = parts.get(i).asText();
        map.put(row.get(0).asText(), tokens);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }
}
