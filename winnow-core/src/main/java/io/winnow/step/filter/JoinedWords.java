package io.winnow.step.filter;

/**
 * Compares two runs of words as the strings the reference builds from them ({@code " ".join} or
 * {@code "".join}), without building those strings. The n-gram tables confirm every hash match with it, so a
 * hash collision can never count as a repeat.
 */
final class JoinedWords {
  private JoinedWords() {}

  /** Whether words {@code [a, a+n)} and {@code [b, b+n)}, joined by single spaces or by nothing, are equal. */
  static boolean same(String[] words, int a, int b, int n, boolean spaced) {
    boolean wordForWord = true;
    for (int k = 0; k < n && wordForWord; k++) {
      String x = words[a + k];
      String y = words[b + k];
      wordForWord = x == y || x.equals(y); // the splitter hands out shared strings: identity is the usual case
    }
    // Equal word for word is equal joined; otherwise the joined strings can still be equal with the word
    // boundaries elsewhere ("ab"+"c" and "a"+"bc"), so the characters decide.
    return wordForWord || sameCharacters(words, a, b, n, spaced);
  }

  private static boolean sameCharacters(String[] words, int a, int b, int n, boolean spaced) {
    Cursor x = new Cursor(words, a, a + n, spaced);
    Cursor y = new Cursor(words, b, b + n, spaced);
    while (true) {
      int c = x.next();
      if (c != y.next()) return false;
      if (c < 0) return true;
    }
  }

  /** Walks the characters of a run of words as joined, a space between words when {@code spaced}. */
  private static final class Cursor {
    private final String[] words;
    private final int end;
    private final boolean spaced;
    private int word;
    private int offset;

    Cursor(String[] words, int from, int to, boolean spaced) {
      this.words = words;
      this.word = from;
      this.end = to;
      this.spaced = spaced;
    }

    /** The next UTF-16 unit, or -1 after the last. */
    int next() {
      while (word < end) {
        String s = words[word];
        if (offset < s.length()) return s.charAt(offset++);
        word++;
        offset = 0;
        if (spaced && word < end) return ' ';
      }
      return -1;
    }
  }
}
