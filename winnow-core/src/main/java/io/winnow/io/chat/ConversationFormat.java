package io.winnow.io.chat;

import io.winnow.io.Compression;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.FormatProvider;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The conversation formats, by name in {@code input.format} / {@code output.format}: {@code openai},
 * {@code sharegpt}, {@code alpaca}, {@code preference}, and {@code chat} (each record's format told by its
 * fields). Each reads JSON Lines or a JSON array, compressed or not; writing gives every record back in the
 * format and container it was read in. A {@code .parquet} file is read as Parquet rows (list-of-struct columns
 * such as {@code messages}) when winnow-parquet is on the class path ({@link ConversationContainer}). No file
 * name announces a conversation format, so {@code format: auto} never picks one.
 */
public class ConversationFormat implements FormatProvider {
  private final String name;
  private final ConversationCodec codec;

  ConversationFormat(String name) {
    this.name = name;
    this.codec = ConversationCodec.named(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean handles(String fileName) {
    return false;
  }

  /** Non-JSON containers on the class path (Parquet, with winnow-parquet). */
  static final List<ConversationContainer> CONTAINERS =
      ServiceLoader.load(ConversationContainer.class).stream().map(ServiceLoader.Provider::get).toList();

  /**
   * This format reads the file through a non-JSON container, whose documents carry a container-specific
   * {@link io.winnow.doc.Conversation#origin()} (a Parquet row) that only the container can write back.
   */
  public boolean readsThroughContainer(Path file) {
    String fileName = file.getFileName().toString();
    for (ConversationContainer c : CONTAINERS) if (c.handles(fileName)) return true;
    return false;
  }

  @Override
  public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) throws IOException {
    String fileName = file.getFileName().toString();
    for (ConversationContainer c : CONTAINERS) {
      if (c.handles(fileName)) return c.openReader(file, codec == null ? null : name, idField, limits);
    }
    return new ConversationReader(file.toString(), Compression.open(Files.newInputStream(file)), codec, idField, limits);
  }

  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField) {
    return new ConversationWriter(dir, base, compression, maxFileBytes, rowGroupBytes);
  }

  public static final class OpenAi extends ConversationFormat {
    public OpenAi() {
      super("openai");
    }
  }

  public static final class ShareGpt extends ConversationFormat {
    public ShareGpt() {
      super("sharegpt");
    }
  }

  public static final class Alpaca extends ConversationFormat {
    public Alpaca() {
      super("alpaca");
    }
  }

  public static final class Preference extends ConversationFormat {
    public Preference() {
      super("preference");
    }
  }

  /** Detects each record's format from its fields. */
  public static final class Chat extends ConversationFormat {
    public Chat() {
      super("chat");
    }
  }
}
