package io.winnow.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens {@code tokenizer.json} files for another module (found with {@link java.util.ServiceLoader}), so that the
 * native tokenizer library stays out of the core.
 */
public interface TokenizerProvider {
  /** The tokenizer saved in {@code file}; errors name the file. */
  TokenCounter open(Path file) throws IOException;
}
