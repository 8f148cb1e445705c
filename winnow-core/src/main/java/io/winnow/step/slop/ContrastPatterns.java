package io.winnow.step.slop;

import java.util.Set;

/**
 * "Not X, but Y" and its relatives ("it's not just X, it's Y", "isn't X. It's Y", "not because X but because Y",
 * "less about X and more about Y"): the rhetorical contrast chat models reach for. Counted per 1,000 characters,
 * as in the EQ-Bench slop score. Matched on the word scan's token stream rather than with regular expressions
 * (a third of the step's time when it was): X is at most {@value #MAX_X} tokens and never crosses a sentence end,
 * so a stray "not" never pairs with a "but" paragraphs away. Each span counts once.
 */
final class ContrastPatterns {
  static final int MAX_X = 16;
  private static final Set<String> SUBJECTS = Set.of("it", "this", "that", "they", "he", "she");
  private static final Set<String> BE = Set.of("is", "are", "was", "were");
  private static final Set<String> SUBJECT_BE = Set.of("it's", "this's", "that's", "they're", "he's", "she's");
  private static final Set<String> NEGATED_BE = Set.of("isn't", "aren't", "wasn't", "weren't");
  private static final Set<String> INTENSIFIERS = Set.of("just", "only", "merely", "simply", "even", "about");

  private ContrastPatterns() {}

  static int count(String text) {
    return count(WordScan.of(text));
  }

  static int count(WordScan s) {
    int count = 0;
    for (int k = 0; k < s.tokenCount; k++) {
      int end = matchAt(s, k);
      if (end > k) {
        count++;
        k = end - 1;
      }
    }
    return count;
  }

  /** The token index just past a construction starting at token k, or -1. */
  private static int matchAt(WordScan s, int k) {
    String w = word(s, k);
    if (w == null) return -1;
    switch (w) {
      case "not":
        return notBut(s, k + 1);
      case "less":
        return "about".equals(word(s, k + 1)) ? lessMore(s, k + 2) : -1;
      default:
        break;
    }
    if (!mayStart(w)) return -1;
    if (NEGATED_BE.contains(w)) return xThenSubject(s, skipIntensifier(s, k + 1));
    int afterBe = subjectBe(s, k);
    if (afterBe > 0 && "not".equals(word(s, afterBe))) {
      int end = xThenSubject(s, skipIntensifier(s, afterBe + 1));
      if (end > 0) return end;
      return notBut(s, afterBe + 1);
    }
    return -1;
  }

  /** Cheap pre-test: every other construction starts with a subject or a negated "be". */
  private static boolean mayStart(String w) {
    return switch (w) {
      case "it", "this", "that", "they", "he", "she", "it's", "this's", "that's", "they're", "he's", "she's",
          "isn't", "aren't", "wasn't", "weren't" -> true;
      default -> false;
    };
  }

  /** "not [just] X[,] but": the end past "but". */
  private static int notBut(WordScan s, int from) {
    int start = skipIntensifier(s, from);
    for (int j = start; j < s.tokenCount && j <= start + MAX_X; j++) {
      if (endsSentence(s, j)) return -1;
      if (j > start && "but".equals(word(s, j))) return j + 1;
    }
    return -1;
  }

  /** "X[,;.:—-] it's": the end past the second subject and verb. */
  private static int xThenSubject(WordScan s, int start) {
    for (int j = start + 1; j < s.tokenCount && j <= start + MAX_X; j++) {
      int t = s.tokens[j];
      if (t >= 0) continue;
      char c = (char) (-1 - t);
      if (c == ',' || c == ';' || c == '.' || c == ':' || c == '—' || c == '–' || c == '-') {
        int end = subjectBe(s, j + 1);
        return end > 0 ? end : -1;
      }
      if (c == '!' || c == '?') return -1;
    }
    return -1;
  }

  /** "X [and|but] more about": the end past "about". */
  private static int lessMore(WordScan s, int start) {
    for (int j = start + 1; j < s.tokenCount && j <= start + MAX_X; j++) {
      if (endsSentence(s, j)) return -1;
      if ("more".equals(word(s, j)) && "about".equals(word(s, j + 1))) return j + 2;
    }
    return -1;
  }

  /** After "it is" / "it's" at k, the next token index; else -1. */
  private static int subjectBe(WordScan s, int k) {
    String w = word(s, k);
    if (w == null) return -1;
    if (SUBJECT_BE.contains(w)) return k + 1;
    String next = word(s, k + 1);
    if (next != null && SUBJECTS.contains(w) && BE.contains(next)) return k + 2;
    return -1;
  }

  private static int skipIntensifier(WordScan s, int k) {
    String w = word(s, k);
    return w != null && INTENSIFIERS.contains(w) ? k + 1 : k;
  }

  private static boolean endsSentence(WordScan s, int j) {
    int t = s.tokens[j];
    if (t >= 0) return false;
    char c = (char) (-1 - t);
    return c == '.' || c == '!' || c == '?' || c == ';';
  }

  private static String word(WordScan s, int k) {
    if (k >= s.tokenCount || s.tokens[k] < 0) return null;
    return s.words[s.tokens[k]];
  }
}
