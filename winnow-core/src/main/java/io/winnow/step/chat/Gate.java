package io.winnow.step.chat;

import java.util.Locale;

/**
 * Cheap pre-checks before the regular expressions: a text that holds none of a filter's key words cannot
 * match, and most answers hold none, so most answers never reach a regex.
 */
final class Gate {
  /** Words a refusal's opening holds. */
  static final String[] REFUSAL_OPENING = {"sorry", "apolog", "unfortunately", "cannot", "can't", "can’t", "can not", "unable",
      "won't", "won’t", "will not", "must decline"};
  /** Words an assistant disclaimer holds. */
  static final String[] DISCLAIMER = {"as an ai", "language model", "responsible ai", "have personal", "have my own"};
  /** Words of the model naming itself. */
  static final String[] IDENTITY = {"an ai", "language model", "assistant", "chatbot", "openai", "anthropic", "chatgpt", "gpt-",
      "claude", "bard", "gemini", "llama", "by google", "by meta"};
  /** Words of knowledge-cutoff talk. */
  static final String[] CUTOFF = {"cutoff", "cut-off", "as of my", "my training", "my knowledge", "access ", "browse",
      "ability to access"};

  private Gate() {}

  /** @param lower the text in lower case */
  static boolean mayHold(String lower, String[] words) {
    for (String w : words) if (lower.contains(w)) return true;
    return false;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
