package io.winnow.step.chat;

import java.util.Locale;

/**
 * Cheap pre-checks before the regular expressions: a text that holds none of a filter's key words cannot
 * match, and most answers hold none, so most answers never reach a regex.
 */
final class Gate {
  static final String[] REFUSAL = {"sorry", "apolog", "unfortunately", "cannot", "can't", "can’t", "can not", "unable", "won't",
      "will not", "language model", "as an ai", "responsible ai", "personal"};
  static final String[] SELF = {"as an ai", "an ai", "language model", "openai", "anthropic", "chatgpt", "gpt-", "claude", "bard",
      "gemini", "llama", "cutoff", "cut-off", "as of my", "training", "real-time", "browse", "internet", "up-to-date", "current"};

  private Gate() {}

  static boolean mayHold(String text, String[] words) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String w : words) if (lower.contains(w)) return true;
    return false;
  }
}
