package io.winnow.tokens;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.winnow.report.TokenCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json} (Llama, Qwen, Mistral, GPT-2 style…) run by the reference Rust library
 * through DJL's binding. No special tokens are added, nothing is truncated or padded: a count is the document's
 * length as the tokenizer sees it. The native tokenizer is thread-safe; one instance serves every worker.
 */
public final class HuggingFaceTokens implements TokenCounter {
  private final String name;
  private final HuggingFaceTokenizer tokenizer;
  private final TokenizerVocabulary vocabulary;

  private HuggingFaceTokens(String name, HuggingFaceTokenizer tokenizer, TokenizerVocabulary vocabulary) {
    this.name = name;
    this.tokenizer = tokenizer;
    this.vocabulary = vocabulary;
  }

  public static HuggingFaceTokens open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new IOException(file + ": no such tokenizer file");
    TokenizerVocabulary vocabulary = TokenizerVocabulary.read(file);
    HuggingFaceTokenizer tokenizer;
    try {
      tokenizer = HuggingFaceTokenizer.builder()
          .optTokenizerPath(file)
          .optAddSpecialTokens(false)
          .optTruncation(false)
          .optPadding(false)
          .build();
    } catch (RuntimeException e) {
      throw new IOException(file + ": the tokenizer library refused it: " + e.getMessage(), e);
    }
    return new HuggingFaceTokens(file.toString(), tokenizer, vocabulary);
  }

  @Override
  public int count(String text) {
    return encoding(text).getIds().length;
  }

  @Override
  public int[] encode(String text) {
    long[] ids = encoding(text).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) out[i] = Math.toIntExact(ids[i]);
    return out;
  }

  private Encoding encoding(String text) {
    return tokenizer.encode(text, false, false);
  }

  @Override
  public int tokenId(String token) {
    return vocabulary.id(token);
  }

  @Override
  public int vocabularySize() {
    return vocabulary.size();
  }

  @Override
  public String name() {
    return name;
  }
}
