package io.winnow.step.quality;

/**
 * The classifier's output layer. {@code LOGISTIC}: one output, the probability of the positive class is
 * sigmoid(w·h + b) (fastText's {@code -loss ova} with one label). {@code SOFTMAX}: one output per class (negative,
 * positive), normalised (fastText's default {@code -loss softmax}); with two classes the probability is
 * sigmoid of the difference of the two scores, but training moves both rows.
 */
public enum Loss {
  LOGISTIC, SOFTMAX;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public int outputs() {
    return this == LOGISTIC ? 1 : 2;
  }

  public static Loss parse(String s) {
    for (Loss l : values()) if (l.code().equals(s)) return l;
    throw new IllegalArgumentException("loss must be logistic or softmax, got " + s);
  }
}
