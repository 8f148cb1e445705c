package io.winnow.tokens;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
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
    return ids(text).length;
  }

  @Override
  public int[] encode(String text) {
    long[] ids = ids(text);
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) out[i] = Math.toIntExact(ids[i]);
    return out;
  }

  /**
   * The ids only, through the binding's native calls: {@code HuggingFaceTokenizer.encode} also copies out the
   * tokens as strings, their character spans, word, type and mask arrays, which made counting ten times slower.
   */
  private long[] ids(String text) {
    long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
    try {
      return TokenizersLibrary.LIB.getTokenIds(encoding);
    } finally {
      TokenizersLibrary.LIB.deleteEncoding(encoding);
    }
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
