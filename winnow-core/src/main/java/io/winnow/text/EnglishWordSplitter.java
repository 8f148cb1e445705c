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
import java.util.regex.Pattern;

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
 * <p>Thread-safe: the rules are immutable; matchers and the chunk cache are per thread.
 */
public final class EnglishWordSplitter {
  private static final int MAX_CACHED_CHUNKS = 200_000;
  private static final String RESOURCES = "/winnow/text/en/";

  private final Pattern prefix;
  private final Pattern suffix;
  private final Pattern infix;
  private final Pattern url;
  private final Map<String, String[]> specials;
  /** Special cases that span several affix-split tokens, indexed by their first token. */
  private final Map<String, List<SpecialSpan>> spanningSpecials;
  private final java.util.BitSet sentenceTerminators;
  private final ThreadLocal<Scratch> scratch;

  private record SpecialSpan(String key, String[] tokens) {}

  private static final class Scratch {
    final Matcher prefix;
    final Matcher suffix;
    final Matcher infix;
    final Matcher url;
    final HashMap<String, String[]> cache = new HashMap<>();
    final ArrayList<String> prefixes = new ArrayList<>();
    final ArrayList<String> suffixes = new ArrayList<>();
    final ArrayList<String> chunkTokens = new ArrayList<>();

    Scratch(EnglishWordSplitter s) {
      prefix = s.prefix.matcher("");
      suffix = s.suffix.matcher("");
      infix = s.infix.matcher("");
      url = s.url.matcher("");
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
    int flags = Pattern.UNICODE_CHARACTER_CLASS;
    prefix = Pattern.compile(resource("prefix.regex"), flags);
    suffix = Pattern.compile(resource("suffix.regex"), flags);
    infix = Pattern.compile(resource("infix.regex"), flags);
    url = Pattern.compile(resource("url.regex"), flags);
    specials = loadSpecials();
    sentenceTerminators = Punctuation.load("en/sentence-punct.txt");
    scratch = ThreadLocal.withInitial(() -> new Scratch(this));
    spanningSpecials = indexSpanningSpecials();
  }

  // ---------------------------------------------------------------------------------------------- words

  /** The words of a text: every token, stripped, whitespace tokens dropped (datatrove's word_tokenize). */
  public String[] words(String text) {
    Tokens t = tokenize(text);
    String[] out = new String[t.size];
    int n = 0;
    for (int i = 0; i < t.size; i++) {
      if (!t.isWhitespace(i)) out[n++] = t.text[i];
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Number of sentences with any non-whitespace content (datatrove's len(sent_tokenize(text))). */
  public int sentenceCount(String text) {
    Tokens t = tokenize(text);
    boolean[] starts = sentenceStarts(t);
    int count = 0;
    boolean content = false;
    for (int i = 0; i < t.size; i++) {
      if (starts[i]) {
        if (content) count++;
        content = false;
      }
      if (!t.isWhitespace(i)) content = true;
    }
    return content ? count + 1 : count;
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
      boolean terminator = tok.codePointCount(0, tok.length()) == 1
          && sentenceTerminators.get(tok.codePointAt(0));
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
    String[] text = new String[64];
    boolean[] spaceAfter = new boolean[64];
    int size;

    void add(String tok) {
      if (size == text.length) {
        text = Arrays.copyOf(text, size * 2);
        spaceAfter = Arrays.copyOf(spaceAfter, size * 2);
      }
      text[size] = tok;
      spaceAfter[size++] = false;
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

  /** spaCy's Tokenizer.__call__: affix tokenization, then the special cases that span tokens. */
  public Tokens tokenize(String text) {
    Scratch s = scratch.get();
    Tokens tokens = tokenizeAffixes(text, true, s);
    if (!spanningSpecials.isEmpty()) tokens = applySpanningSpecials(tokens);
    return tokens;
  }

  private Tokens tokenizeAffixes(String text, boolean withSpecials, Scratch s) {
    Tokens tokens = new Tokens();
    int n = text.length();
    if (n == 0) return tokens;
    boolean inWs = PyText.isSpace(text.charAt(0));
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (PyText.isSpace(c) != inWs) {
        if (start < i) tokenizeChunk(text.substring(start, i), tokens, withSpecials, s);
        if (c == ' ') {
          tokens.spaceAfter[tokens.size - 1] = true;
          start = i + 1;
        } else {
          start = i;
        }
        inWs = !inWs;
      }
    }
    if (start < n) tokenizeChunk(text.substring(start), tokens, withSpecials, s);
    return tokens;
  }

  private void tokenizeChunk(String chunk, Tokens out, boolean withSpecials, Scratch s) {
    if (withSpecials) {
      String[] special = specials.get(chunk);
      if (special != null) {
        for (String t : special) out.add(t);
        return;
      }
      if (isPlainWord(chunk)) {
        out.add(chunk);
        return;
      }
      String[] cached = s.cache.get(chunk);
      if (cached == null) {
        cached = splitChunk(chunk, true, s);
        if (s.cache.size() >= MAX_CACHED_CHUNKS) s.cache.clear();
        s.cache.put(chunk, cached);
      }
      for (String t : cached) out.add(t);
    } else {
      for (String t : splitChunk(chunk, false, s)) out.add(t);
    }
  }

  /** Runs of ASCII letters only, or of ASCII digits only, match no affix or infix rule. */
  private static boolean isPlainWord(String chunk) {
    char first = chunk.charAt(0);
    boolean letters = (first | 0x20) >= 'a' && (first | 0x20) <= 'z';
    boolean digits = first >= '0' && first <= '9';
    if (!letters && !digits) return false;
    for (int i = 1, n = chunk.length(); i < n; i++) {
      char c = chunk.charAt(i);
      if (letters ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : !(c >= '0' && c <= '9')) return false;
    }
    return true;
  }

  private boolean isSpecial(String s, boolean withSpecials) {
    return withSpecials && specials.containsKey(s);
  }

  /** spaCy's _split_affixes followed by _attach_tokens, for one whitespace-free chunk. */
  private String[] splitChunk(String chunk, boolean withSpecials, Scratch s) {
    List<String> prefixes = s.prefixes;
    List<String> suffixes = s.suffixes;
    prefixes.clear();
    suffixes.clear();
    String string = chunk;
    int lastSize = -1;
    while (!string.isEmpty() && string.length() != lastSize) {
      if (isSpecial(string, withSpecials)) break;
      lastSize = string.length();
      int preLen = findPrefix(string, s);
      String pre = null;
      String minusPre = null;
      if (preLen != 0) {
        pre = string.substring(0, preLen);
        minusPre = string.substring(preLen);
        if (!minusPre.isEmpty() && isSpecial(minusPre, withSpecials)) {
          string = minusPre;
          prefixes.add(pre);
          break;
        }
      }
      int sufLen = findSuffix(string.substring(preLen), s);
      String suf = null;
      String minusSuf = null;
      if (sufLen != 0) {
        suf = string.substring(string.length() - sufLen);
        minusSuf = string.substring(0, string.length() - sufLen);
        if (!minusSuf.isEmpty() && isSpecial(minusSuf, withSpecials)) {
          string = minusSuf;
          suffixes.add(suf);
          break;
        }
      }
      if (preLen != 0 && sufLen != 0 && preLen + sufLen <= string.length()) {
        string = string.substring(preLen, string.length() - sufLen);
        prefixes.add(pre);
        suffixes.add(suf);
      } else if (preLen != 0) {
        string = minusPre;
        prefixes.add(pre);
      } else if (sufLen != 0) {
        string = minusSuf;
        suffixes.add(suf);
      }
      if (isSpecial(string, withSpecials)) break;
    }

    List<String> out = s.chunkTokens;
    out.clear();
    out.addAll(prefixes);
    if (!string.isEmpty()) {
      String[] special = withSpecials ? specials.get(string) : null;
      if (special != null) {
        out.addAll(Arrays.asList(special));
      } else if (s.url.reset(string).lookingAt()) {
        out.add(string);
      } else {
        splitInfixes(string, out, s);
      }
    }
    for (int i = suffixes.size() - 1; i >= 0; i--) out.add(suffixes.get(i));
    return out.toArray(new String[0]);
  }

  private static void splitInfixes(String string, List<String> out, Scratch s) {
    Matcher m = s.infix.reset(string);
    int start = 0;
    boolean any = false;
    while (m.find()) {
      any = true;
      int infixStart = m.start();
      int infixEnd = m.end();
      if (infixStart == 0) continue; // spaCy skips an infix at the very start of the string
      if (infixStart != start) out.add(string.substring(start, infixStart));
      if (infixStart != infixEnd) out.add(string.substring(infixStart, infixEnd));
      start = infixEnd;
    }
    if (!any) {
      out.add(string);
      return;
    }
    if (start < string.length()) out.add(string.substring(start));
  }

  private static int findPrefix(String string, Scratch s) {
    Matcher m = s.prefix.reset(string);
    return m.find() ? m.end() - m.start() : 0;
  }

  private static int findSuffix(String string, Scratch s) {
    Matcher m = s.suffix.reset(string);
    return m.find() ? m.end() - m.start() : 0;
  }

  // --------------------------------------------------------------------------- spanning special cases

  private Map<String, List<SpecialSpan>> indexSpanningSpecials() {
    Scratch s = new Scratch(this);
    Map<String, List<SpecialSpan>> index = new HashMap<>();
    for (String key : specials.keySet()) {
      boolean affixed = findPrefix(key, s) != 0 || findSuffix(key, s) != 0 || key.indexOf(' ') >= 0
          || s.infix.reset(key).find();
      if (!affixed) continue;
      Tokens t = tokenizeAffixes(key, false, s);
      if (t.size == 0) continue;
      String[] pattern = Arrays.copyOf(t.text, t.size);
      index.computeIfAbsent(pattern[0], k -> new ArrayList<>()).add(new SpecialSpan(key, pattern));
    }
    return index;
  }

  private record Match(int start, int end) {}

  /** spaCy's _apply_special_cases: longest, then leftmost, non-overlapping matches are re-split. */
  private Tokens applySpanningSpecials(Tokens t) {
    List<Match> matches = null;
    for (int i = 0; i < t.size; i++) {
      List<SpecialSpan> candidates = spanningSpecials.get(t.text[i]);
      if (candidates == null) continue;
      for (SpecialSpan c : candidates) {
        String[] p = c.tokens;
        if (i + p.length > t.size) continue;
        boolean ok = true;
        for (int j = 1; j < p.length && ok; j++) ok = p[j].equals(t.text[i + j]);
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
    Tokens out = new Tokens();
    int next = 0;
    int i = 0;
    while (i < t.size) {
      Match m = next < kept.size() && kept.get(next).start == i ? kept.get(next++) : null;
      if (m == null) {
        out.add(t.text[i]);
        out.spaceAfter[out.size - 1] = t.spaceAfter[i];
        i++;
        continue;
      }
      StringBuilder span = new StringBuilder();
      for (int j = m.start; j < m.end; j++) {
        span.append(t.text[j]);
        if (j < m.end - 1 && t.spaceAfter[j]) span.append(' ');
      }
      String[] rule = specials.get(span.toString());
      if (rule == null) {
        for (int j = m.start; j < m.end; j++) {
          out.add(t.text[j]);
          out.spaceAfter[out.size - 1] = t.spaceAfter[j];
        }
      } else {
        for (String tok : rule) out.add(tok);
        out.spaceAfter[out.size - 1] = t.spaceAfter[m.end - 1];
      }
      i = m.end;
    }
    return out;
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
    return Map.copyOf(map);
  }
}
