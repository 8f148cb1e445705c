package io.winnow.step.slop;

import java.util.Arrays;

/**
 * One pass over a text for the detector: lower-cased words, sentence lengths in words and punctuation counts.
 *
 * <p>A word is a run of letters or digits, with inner apostrophes kept ({@code don't}, {@code it's}); hyphens,
 * slashes and other symbols split words. The same scan reads the reference corpus the language model is trained on
 * and the documents it scores, so their vocabularies agree.
 *
 * <p>Case. Words are always lower-cased (lexicons, language model and hashed word n-grams never see case). Case is
 * read in two places: whether a word is capitalised (the {@code capitalised_rate} feature and, unless
 * {@code caseFold}, the style n-grams), and whether a full stop ends a sentence (an abbreviation-like full stop
 * followed by a lower-case word does not). A <em>caseless</em> text, one without a single upper-case letter (a
 * lower-cased document), would read as one long sentence without capitals, far from any text the model was trained
 * on; it is read as if it had the casing every cased English text has: its sentence-initial words and the pronoun
 * "i" count as capitalised, and a full stop ends a sentence unless it follows a known abbreviation. With
 * {@code caseFold} (a model option, see {@link DetectorModel}) that abbreviation rule holds for every text and the
 * style n-grams do not tell capitalised words from others.
 */
final class WordScan {
  /** Punctuation whose rate per word is a style feature, in this order. */
  static final String PUNCTUATION = ",;:-—!?\"()'…*#";

  String[] words = new String[64];
  int wordCount;
  /** whether each word starts with an upper-case letter */
  boolean[] capitalised = new boolean[64];
  /**
   * The text as a token stream without whitespace: a word as its index (>= 0), any other character as
   * {@code -1 - c}. The style n-grams are read from it.
   */
  int[] tokens = new int[128];
  int tokenCount;
  int[] sentenceLengths = new int[16];
  int sentenceCount;
  /** counts of each {@link #PUNCTUATION} character (curly quotes count as their straight form) */
  final int[] punctuation = new int[PUNCTUATION.length()];
  int newlines;
  int letters;
  int upperInitialWords;
  int digits;
  int chars;

  static WordScan of(String text) {
    WordScan s = new WordScan();
    s.scan(text);
    return s;
  }

  private char[] word = new char[32];

  /** see the class comment */
  private boolean caseless;
  private boolean caseFold;

  /** Scans another text, reusing this instance's arrays (one instance per thread). */
  WordScan rescan(String text) {
    return rescan(text, false, false);
  }

  /**
   * @param caseless the text has no upper-case letter (see {@link ScoringText#caseless})
   * @param caseFold the model reads sentences and style without case
   */
  WordScan rescan(String text, boolean caseless, boolean caseFold) {
    this.caseless = caseless;
    this.caseFold = caseFold;
    java.util.Arrays.fill(words, 0, wordCount, null);
    wordCount = 0;
    sentenceCount = 0;
    tokenCount = 0;
    java.util.Arrays.fill(punctuation, 0);
    newlines = letters = upperInitialWords = digits = chars = 0;
    scan(text);
    return this;
  }

  /** the text's characters, copied once: array reads in the hot loop instead of bounds-checked charAt */
  private char[] buffer = new char[1024];

  private void scan(String string) {
    int n = string.length();
    chars = n;
    if (buffer.length < n) buffer = new char[Math.max(n, buffer.length * 2)];
    string.getChars(0, n, buffer, 0);
    char[] text = buffer;
    int wordsInSentence = 0;
    boolean sentenceStart = true;
    boolean caseFreeSentences = caseless || caseFold;
    int lastWordEnd = -1;
    for (int i = 0; i < n; i++) {
      char c = text[i];
      if (isWordChar(c)) {
        int start = i;
        int len = 0;
        while (i < n) {
          char d = text[i];
          if (isWordChar(d)) {
            if (d >= '0' && d <= '9' || d >= 128 && !Character.isLetter(d)) digits++;
            else letters++;
            if (len == word.length) word = java.util.Arrays.copyOf(word, len * 2);
            word[len++] = io.winnow.text.WordRule.lower(d);
          } else if (io.winnow.text.WordRule.joinsWord(text, i, n, len)) {
            if (len == word.length) word = java.util.Arrays.copyOf(word, len * 2);
            word[len++] = '\'';
          } else {
            break;
          }
          i++;
        }
        char first = text[start];
        String w = new String(word, 0, len);
        boolean upper = caseless ? sentenceStart || isPronounI(w) : first < 128 ? first >= 'A' && first <= 'Z' : Character.isUpperCase(first);
        if (upper) upperInitialWords++;
        addToken(wordCount);
        addWord(w, upper);
        wordsInSentence++;
        sentenceStart = false;
        lastWordEnd = i;
        i--;
        continue;
      }
      if (c == '\n') newlines++;
      if (c > ' ' && (c < 128 || !Character.isWhitespace(c))) addToken(-1 - c);
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        // an abbreviation-like full stop ("Mr.", "U.S.") followed by a lower-case word does not end a sentence
        boolean ends;
        if (c != '.' || i + 1 >= n) ends = true;
        else if (caseFreeSentences) ends = !Character.isLetterOrDigit(text[i + 1]) && !(lastWordEnd == i && wordCount > 0 && isAbbreviation(words[wordCount - 1]));
        else ends = !Character.isLetterOrDigit(text[i + 1]) && !nextWordIsLowerCase(text, i + 1, n);
        if (ends && wordsInSentence > 0) {
          addSentence(wordsInSentence);
          wordsInSentence = 0;
        }
        if (ends) sentenceStart = true;
      }
      int p = PUNCTUATION.indexOf(normalisePunctuation(c));
      if (p >= 0) punctuation[p]++;
    }
    if (wordsInSentence > 0) addSentence(wordsInSentence);
  }

  static boolean isWordChar(char c) {
    return io.winnow.text.WordRule.isWordChar(c);
  }

  private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("mr", "mrs", "ms", "dr", "prof", "st", "vs",
      "jr", "sr", "no", "fig", "al", "cf", "approx", "inc", "ltd", "co", "gen", "rev", "sen", "rep", "gov", "lt", "col");

  /** A word whose full stop does not end a sentence when case cannot tell: a single letter (e.g., U.S.) or a title. */
  static boolean isAbbreviation(String w) {
    return w.length() == 1 && w.charAt(0) >= 'a' || ABBREVIATIONS.contains(w);
  }

  private static boolean isPronounI(String w) {
    return w.equals("i") || w.startsWith("i'") && w.length() <= 4;
  }

  private static boolean nextWordIsLowerCase(char[] text, int from, int n) {
    for (int i = from; i < n; i++) {
      char c = text[i];
      if (c == ' ' || c == '\t') continue;
      return Character.isLowerCase(c);
    }
    return false;
  }

  private static char normalisePunctuation(char c) {
    return switch (c) {
      case '\u201c', '\u201d', '\u201e' -> '"';
      case '\u2018', '\u2019' -> '\'';
      case '\u2013' -> '-';
      default -> c;
    };
  }

  private void addWord(String w, boolean upper) {
    if (wordCount == words.length) {
      words = Arrays.copyOf(words, wordCount * 2);
      capitalised = Arrays.copyOf(capitalised, wordCount * 2);
    }
    capitalised[wordCount] = upper;
    words[wordCount++] = w;
  }

  private void addToken(int t) {
    if (tokenCount == tokens.length) tokens = Arrays.copyOf(tokens, tokenCount * 2);
    tokens[tokenCount++] = t;
  }

  private void addSentence(int len) {
    if (sentenceCount == sentenceLengths.length) sentenceLengths = Arrays.copyOf(sentenceLengths, sentenceCount * 2);
    sentenceLengths[sentenceCount++] = len;
  }
}
