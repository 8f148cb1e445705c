package io.winnow.step.slop;

import java.util.Collections;
import java.util.Set;

/**
 * The slop step's word list for use outside the step: the slop-score (EQ-Bench) words that the detector's
 * {@code slop_words_per_1k} feature counts, lower-cased.
 */
public final class SlopLexicon {
  private SlopLexicon() {}

  public static Set<String> slopScoreWords() {
    return Collections.unmodifiableSet(Lexicons.get().slopWords);
  }
}
