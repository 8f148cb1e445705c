package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The splitter and its helpers stay linear on adversarial text (1 MB takes well under a second; the 60 s each
 * test allows is no speed target, only far enough above that for a loaded machine and far below the minutes "(" × 1 MB
 * took before the offset rewrite, when "a." × n also overflowed the stack), and the rewrite splits
 * exactly as the old implementation ({@link LegacyEnglishWordSplitter}) on random texts.
 */
class SplitterLinearTimeTest {
  private static final int MB = 1 << 20;
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private final EnglishWordSplitter splitter = EnglishWordSplitter.get();

  @ParameterizedTest
  @ValueSource(strings = {"(", ")", "\"", "'", "[", "<", "*", "§", "…", "$", "©", "。", "'s", "’s", ")(", "(x", "a.",
      "a..", ".a", "a:", "a@", "a-", "a,", "1+", "1.", "-", "..", "US$", "n't", "'s.", "é.", "(.", "x'", "@.", "a.com/"})
  void repeatedPatternInOneChunk(String unit) {
    String text = unit.repeat(MB / unit.length());
    EnglishWordSplitter.Tokens t = assertTimeoutPreemptively(LIMIT, () -> splitter.tokenize(text));
    assertThat(joined(t)).isEqualTo(text);
  }

  @Test
  void longRunsWithOneOddCharacter() {
    List<String> texts = List.of("a" + ".".repeat(MB) + "a.", "(".repeat(MB) + "x.", "x." + ")".repeat(MB),
        "a".repeat(MB), "é".repeat(MB), "1".repeat(MB), "😀".repeat(MB / 2), "\n".repeat(MB), " ".repeat(MB),
        "a".repeat(MB) + ".com", "http://" + "a.".repeat(MB / 2) + "com", "'" + "s".repeat(MB) + "'s");
    for (String text : texts) {
      EnglishWordSplitter.Tokens t = assertTimeoutPreemptively(LIMIT, () -> splitter.tokenize(text),
          () -> "text of " + text.length() + " characters starting " + text.substring(0, 12));
      assertThat(joined(t)).isEqualTo(text);
    }
  }

  /** Every character that starts or ends some affix rule, 32K times in a row, one chunk each. */
  @Test
  void everyAffixEdgeCharacterRepeated() {
    List<String> chars = affixEdgeCharacters(true);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String c : chars) splitter.tokenize(c.repeat((32 << 10) / c.length()));
    });
  }

  /** All characters that can start or end an affix, in turn and in runs, in one chunk of 1 MB. */
  @Test
  void allAffixCharactersInOneChunk() {
    List<String> chars = affixEdgeCharacters(false);
    StringBuilder cycled = new StringBuilder(MB + 8);
    for (int i = 0; cycled.length() < MB; i++) cycled.append(chars.get(i % chars.size()));
    StringBuilder runs = new StringBuilder(MB + 8);
    int per = Math.max(2, MB / chars.size() / 2);
    for (int i = 0; runs.length() < MB; i++) runs.append(chars.get(i % chars.size()).repeat(per));
    for (String text : List.of(cycled.toString(), runs.toString())) {
      EnglishWordSplitter.Tokens t = assertTimeoutPreemptively(LIMIT, () -> splitter.tokenize(text));
      assertThat(joined(t)).isEqualTo(text);
    }
  }

  /** Words built of "Aa" and "BB" share one String hash: the chunk cache must not probe through all of them. */
  @Test
  void chunksWithOneHash() {
    StringBuilder sb = new StringBuilder(MB + 64);
    for (int i = 0; sb.length() < MB; i++) {
      for (int b = 0; b < 16; b++) sb.append(((i >> b) & 1) == 0 ? "Aa" : "BB");
      sb.append(' ');
    }
    String text = sb.toString();
    String[] words = assertTimeoutPreemptively(LIMIT, () -> splitter.words(text));
    assertThat(words).hasSize(text.length() / 33);
    assertThat(splitter.words(text)).containsExactly(words); // again, from the cache where it has them
  }

  @Test
  void helpersOfTheTextPackage() {
    List<String> texts = List.of("a".repeat(MB), "1".repeat(MB), "1.".repeat(MB / 2), "é".repeat(MB), ". ".repeat(MB / 2),
        "\r\n".repeat(MB / 2), "AaBB".repeat(MB / 4), "a b".repeat(MB / 3));
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      NormalizedWords nw = new NormalizedWords();
      WordSequenceHashes wsh = new WordSequenceHashes();
      for (String t : texts) {
        nw.scan(t);
        if (nw.size() > 0) nw.hash(0, nw.size());
        DedupNormalizer.normalize(t);
        PyText.lineSpans(t);
        PyText.strip(t);
        PyText.splitWhitespace(t);
        PyText.count(t, "aa");
        String[] w = splitter.words(t);
        wsh.reset(w);
        if (w.length > 0) {
          wsh.plain(0, w.length);
          wsh.spaced(0, w.length);
        }
        wsh.reset(new String[] {t, t});
        wsh.plain(0, 2);
        splitter.sentenceCount(t);
      }
    });
  }

  // ------------------------------------------------------------------------------- same as before

  /** Random mixes of punctuation, letters, quotes, exceptions and URL pieces split as the old implementation. */
  @Test
  void randomTextsSplitAsTheOldImplementation() {
    LegacyEnglishWordSplitter old = LegacyEnglishWordSplitter.get();
    List<String> pieces = new ArrayList<>(affixEdgeCharacters(false));
    pieces.addAll(List.of("a", "b", "Z", "x", "the", "The", "dog", "it", "s", "t", "'", "'s", "’s", "n't", "'ll", "’",
        "\"", "“", "”", "«", "`", "(", ")", "[", "]", "{", "}", ".", ".", "..", "...", ",", ";", ":", "!", "?", "-", "--",
        "—", "–", "/", "\\", "@", "#", "%", "&", "*", "+", "=", "^", "~", "_", "|", "<", ">", "$", "€", "£", "0", "1",
        "9", "10", "3.5", "km", "kg", "°C", "°F", "US$", "http://", "https://", "www.", ".com", ".org", ".de", "e.g.",
        "i.e.", "U.S.", "Mr.", "Dr.", "etc.", "a.m.", "p.m.", ":)", ":-)", ";)", "<3", "(:", "o.O", "é", "ß", "ж", "中",
        "😀", "\u200b", "\u00ad"));
    List<String> exceptions = exceptionKeys();
    String[] spaces = {" ", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n "};
    Random r = new Random(2024);
    List<String> differ = new ArrayList<>();
    for (int k = 0; k < 30_000 && differ.size() < 10; k++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(30);
      for (int i = 0; i < n; i++) {
        int kind = r.nextInt(10);
        if (kind == 0) sb.append(exceptions.get(r.nextInt(exceptions.size())));
        else if (kind <= 2) sb.append(spaces[r.nextInt(spaces.length)]);
        else sb.append(pieces.get(r.nextInt(pieces.size())));
      }
      String text = sb.toString();
      String diff = compare(old, text);
      if (diff != null) differ.add(diff);
    }
    assertThat(differ).isEmpty();
  }

  /**
   * A plain word and one punctuation mark takes a path of its own (no cache, no rules): the same tokens as
   * before, for words of every case, digits, words that are special cases ("cannot", "gonna") and chunks that
   * are ("etc.", "Mr.", "e.g."), and a period after an upper-case letter, where its rule does not split.
   */
  @Test
  void plainWordsWithOnePunctuationMarkSplitAsTheOldImplementation() {
    LegacyEnglishWordSplitter old = LegacyEnglishWordSplitter.get();
    List<String> words = new ArrayList<>(List.of("word", "Word", "WORD", "wOrD", "aB", "AB", "a", "I", "x", "42", "7",
        "cannot", "Cannot", "gonna", "etc", "Mr", "Dr", "vs", "Jan", "e", "g", "U", "S", "km", "s", "t"));
    for (String key : exceptionKeys()) {
      if (key.length() > 1 && isPlain(key.substring(0, key.length() - 1))) words.add(key.substring(0, key.length() - 1));
    }
    String marks = ",;:!?)]}\".'-/(";
    Random r = new Random(11);
    List<String> differ = new ArrayList<>();
    for (int k = 0; k < 20_000 && differ.size() < 10; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + r.nextInt(6); i > 0; i--) {
        String w = r.nextInt(4) == 0 ? randomPlainWord(r) : words.get(r.nextInt(words.size()));
        sb.append(w).append(marks.charAt(r.nextInt(marks.length()))).append(r.nextInt(5) == 0 ? "  " : " ");
      }
      String diff = compare(old, sb.toString());
      if (diff != null) differ.add(diff);
    }
    assertThat(differ).isEmpty();
  }

  private static boolean isPlain(String s) {
    return !s.isEmpty() && (s.chars().allMatch(c -> (c | 0x20) >= 'a' && (c | 0x20) <= 'z') || s.chars().allMatch(c -> c >= '0' && c <= '9'));
  }

  private static String randomPlainWord(Random r) {
    StringBuilder sb = new StringBuilder();
    boolean digits = r.nextInt(5) == 0;
    for (int i = 1 + r.nextInt(8); i > 0; i--) {
      sb.append(digits ? (char) ('0' + r.nextInt(10)) : (char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(26)));
    }
    return sb.toString();
  }

  /** Chunks just longer than the cache limit take the uncached path: still the same tokens as before. */
  @Test
  void longChunksSplitAsTheOldImplementation() {
    LegacyEnglishWordSplitter old = LegacyEnglishWordSplitter.get();
    Random r = new Random(7);
    String[] pieces = {"(", ")", "\"", "'s", "a", "b.", "..", "-", "x", "1", ":", "@", "/", "www.", ".com", "!"};
    List<String> differ = new ArrayList<>();
    for (int k = 0; k < 200 && differ.size() < 10; k++) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 1000 + r.nextInt(200)) sb.append(pieces[r.nextInt(pieces.length)]);
      String diff = compare(old, sb.toString());
      if (diff != null) differ.add(diff);
    }
    assertThat(differ).isEmpty();
  }

  private String compare(LegacyEnglishWordSplitter old, String text) {
    LegacyEnglishWordSplitter.Tokens a = old.tokenize(text);
    EnglishWordSplitter.Tokens b = splitter.tokenize(text);
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < a.size; i++) expected.add(a.text[i] + (a.spaceAfter[i] ? "␣" : "") + "@" + a.start[i]);
    for (int i = 0; i < b.size; i++) actual.add(b.text[i] + (b.spaceAfter[i] ? "␣" : "") + "@" + b.start[i]);
    if (!expected.equals(actual)) return "tokens of " + quote(text) + ": " + expected + " != " + actual;
    if (!old.sentences(text).equals(splitter.sentences(text)) || old.sentenceCount(text) != splitter.sentenceCount(text)) {
      return "sentences of " + quote(text);
    }
    return null;
  }

  // ------------------------------------------------------------------------------------ helpers

  private static String joined(EnglishWordSplitter.Tokens t) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.size(); i++) {
      sb.append(t.text(i));
      if (t.spaceAfter[i]) sb.append(' ');
    }
    return sb.toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u{%x}", c));
      else sb.appendCodePoint(c);
    });
    return sb.append('"').toString();
  }

  /**
   * Characters at the edges of the affix rules: for each rule, the ends of its first and last character range
   * (with {@code representativesOnly} false: every character of every range, supplementary ones included).
   */
  private static List<String> affixEdgeCharacters(boolean representativesOnly) {
    JsonNode affixes = json("/winnow/text/en/affixes.json");
    TreeSet<Integer> cps = new TreeSet<>();
    for (String kind : List.of("prefix", "suffix", "infix")) {
      for (JsonNode rule : affixes.get(kind)) {
        for (String edge : List.of("first", "last")) {
          JsonNode ranges = rule.get(edge);
          if (representativesOnly) {
            cps.add(ranges.get(0).get(0).asInt());
            cps.add(ranges.get(ranges.size() - 1).get(1).asInt());
          } else {
            for (JsonNode range : ranges) {
              for (int c = range.get(0).asInt(); c <= range.get(1).asInt(); c++) cps.add(c);
            }
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int c : cps) if (!PyText.isSpace(c)) out.add(new String(Character.toChars(c)));
    return out;
  }

  private static List<String> exceptionKeys() {
    List<String> keys = new ArrayList<>();
    String text = resource("/winnow/text/en/exceptions.jsonl");
    ObjectMapper m = new ObjectMapper();
    for (String line : text.split("\n")) {
      if (line.isBlank()) continue;
      try {
        keys.add(m.readTree(line).get(0).asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  private static JsonNode json(String name) {
    try {
      return new ObjectMapper().readTree(resource(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = SplitterLinearTimeTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
