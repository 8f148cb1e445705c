package io.winnow.io.chat;

import io.winnow.doc.Conversation;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file container for conversation records other than JSON (Parquet), found by {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.winnow.io.chat.ConversationContainer}) so that the conversation formats read it
 * when a module providing it is on the class path. Its rows go through {@link ConversationRecords}, the same
 * parsing rules as JSON; its documents carry a {@link Conversation#origin()} by which it writes them back.
 */
public interface ConversationContainer {
  /** This container reads the file, by its name. */
  boolean handles(String fileName);

  /** @param format a conversation format name, or null to tell each row's format by its fields */
  DocumentReader openReader(Path file, String format, String idField, ReaderLimits limits) throws IOException;

  /** The conversation was read by this container and is to be written back by it. */
  boolean wrote(Conversation c);

  DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes);
}
