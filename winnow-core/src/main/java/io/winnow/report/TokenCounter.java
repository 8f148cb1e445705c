package io.winnow.report;

/**
 * A model's tokenizer, as the statistics count tokens and {@code winnow tokenize} exports them: a tiktoken encoding
 * ({@link TiktokenCounter}, vocabularies in jtokkit's jar) or a Hugging Face {@code tokenizer.json} (module
 * winnow-tokens, found by {@link TokenizerProvider}). Nothing is downloaded: a tokenizer is a name or a local file.
 * Implementations are safe to share between worker threads.
 */
public interface TokenCounter {
  /** Tokens of {@code text}, no special tokens added (a document's length as a model sees it). */
  int count(String text);

  /** The token ids of {@code text}, no special tokens added. */
  int[] encode(String text);

  /** The id of a special or ordinary token written exactly as {@code token}, or -1 when the vocabulary lacks it. */
  int tokenId(String token);

  /** One more than the largest token id: decides the width of exported ids. */
  int vocabularySize();

  /** The name the tokenizer was opened by (an encoding name or a file path), written beside exported tokens. */
  String name();

  /** The tokenizer called {@code name}, or null for {@code none}; see {@link Tokenizers#open}. */
  static TokenCounter forName(String name) {
    return Tokenizers.open(name);
  }
}
