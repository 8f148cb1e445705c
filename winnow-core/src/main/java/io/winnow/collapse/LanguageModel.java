package io.winnow.collapse;

import java.util.SplittableRandom;

/** A generation's model: trained on a corpus, it samples the next generation's corpus and scores held-out text. */
public interface LanguageModel {
  /** Sentences sampled until they hold at least {@code tokens} tokens. */
  Corpus sample(long tokens, Truncation truncation, SplittableRandom random);

  /**
   * Perplexity on held-out text, every token (and, for a sentence model, every sentence end) scored under
   * {@code (1 - FLOOR) p(w) + FLOOR / V}, V the size of the experiment's fixed vocabulary, so that words the model
   * has lost cost a finite, comparable amount.
   */
  double perplexity(Corpus heldOut);

  double FLOOR = 1e-4;
}
