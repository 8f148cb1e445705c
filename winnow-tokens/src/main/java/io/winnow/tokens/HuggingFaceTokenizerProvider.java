package io.winnow.tokens;

import io.winnow.report.TokenCounter;
import io.winnow.report.TokenizerProvider;
import java.io.IOException;
import java.nio.file.Path;

/** Opens Hugging Face {@code tokenizer.json} files for {@code run.tokenizer} and {@code winnow tokenize}. */
public final class HuggingFaceTokenizerProvider implements TokenizerProvider {
  @Override
  public TokenCounter open(Path file) throws IOException {
    return HuggingFaceTokens.open(file);
  }
}
