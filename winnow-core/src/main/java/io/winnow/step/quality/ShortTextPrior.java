package io.winnow.step.quality;

/**
 * A prior against stubs, fixed at training and stored in the model file: a text with fewer than {@code minLetters}
 * letters has its margin lowered by {@code penalty × ln(minLetters / letters)}, so a text at half the floor loses
 * {@code 0.69 × penalty} and a text at the floor nothing. Why it is needed: the model's margin is the mean over a
 * text's features, so it reads what kind of text it sees but not how much of it, and a sentence or two scores like
 * the article it could open; a page of a sentence or two is not worth training on. Letters rather than words, so
 * that scripts written without spaces (Chinese, Japanese, Thai) count alike. The count stops at the floor, so the
 * prior reads only the opening of a long text. {@link #NONE} (the state of model files written before it) changes
 * nothing.
 */
public record ShortTextPrior(int minLetters, double penalty) {
  public static final ShortTextPrior NONE = new ShortTextPrior(0, 0);

  public ShortTextPrior {
    if (minLetters < 0 || minLetters > 1_000_000) throw new IllegalArgumentException("min letters must be in [0, 1000000], got " + minLetters);
    if (!(penalty >= 0 && penalty <= 100)) throw new IllegalArgumentException("short-text penalty must be in [0, 100], got " + penalty);
  }

  public boolean active() {
    return minLetters > 0 && penalty > 0;
  }

  /** What the prior adds to the margin of {@code text}: 0 from {@code minLetters} letters on, negative below. */
  double marginShift(String text) {
    if (!active()) return 0;
    int letters = letters(text, minLetters);
    if (letters >= minLetters) return 0;
    return -penalty * Math.log((double) minLetters / Math.max(1, letters));
  }

  /** The letters of {@code text} (any script), counted up to {@code upTo}. */
  static int letters(String text, int upTo) {
    int n = 0;
    int len = text.length();
    for (int i = 0; i < len && n < upTo; ) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') n++;
        i++;
      } else {
        int cp = text.codePointAt(i);
        if (Character.isLetter(cp)) n++;
        i += Character.charCount(cp);
      }
    }
    return n;
  }
}
