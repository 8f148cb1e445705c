package io.winnow.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Resolves a tokenizer name: {@code none}, a tiktoken encoding ({@code o200k_base}, {@code cl100k_base},
 * {@code p50k_base}, {@code r50k_base}), or the path of a Hugging Face {@code tokenizer.json} (a file, or a folder
 * holding one), opened by a {@link TokenizerProvider}.
 */
public final class Tokenizers {
  public static final List<String> ENCODINGS = List.of("o200k_base", "cl100k_base", "p50k_base", "r50k_base");

  private Tokenizers() {}

  /** The tokenizer, or null for {@code none}. */
  public static TokenCounter open(String name) {
    if (name == null || name.equals("none")) return null;
    if (TiktokenCounter.knows(name)) return TiktokenCounter.open(name);
    Path file = tokenizerFile(name);
    for (TokenizerProvider p : ServiceLoader.load(TokenizerProvider.class)) {
      try {
        return p.open(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalArgumentException("tokenizer " + name
        + ": a tokenizer.json needs the winnow-tokens module on the class path (the winnow command has it)");
  }

  /**
   * Checks a name without opening it (for {@code plan}): null when it is usable, else why not. A file must exist;
   * a folder must hold {@code tokenizer.json}.
   */
  public static String problem(String name) {
    if (name == null || name.equals("none") || TiktokenCounter.knows(name)) return null;
    if (!looksLikePath(name)) {
      return "unknown tokenizer '" + name + "': use none, " + String.join(", ", ENCODINGS)
          + ", or the path of a Hugging Face tokenizer.json (a local file: nothing is downloaded)";
    }
    Path file = tokenizerFile(name);
    if (!Files.isRegularFile(file)) return "tokenizer " + name + ": no such file " + file;
    return null;
  }

  /**
   * What a run's fingerprint records of the tokenizer: the name, and for a file its content digest too, so that
   * resuming with an edited {@code tokenizer.json} is refused like any other changed option.
   */
  public static String identity(String name) {
    if (problem(name) != null || name.equals("none") || TiktokenCounter.knows(name)) return name;
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tokenizerFile(name)));
      return name + " sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean looksLikePath(String name) {
    return name.endsWith(".json") || name.contains("/") || Files.isDirectory(Path.of(name));
  }

  private static Path tokenizerFile(String name) {
    Path p = Path.of(name);
    return Files.isDirectory(p) ? p.resolve("tokenizer.json") : p;
  }
}
