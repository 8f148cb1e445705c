package io.winnow.parquet;

import io.winnow.doc.Conversation;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.ReaderLimits;
import io.winnow.io.chat.ConversationContainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Parquet as a container of conversation records: {@code .parquet} files under the conversation formats. */
public final class ParquetConversations implements ConversationContainer {
  @Override
  public boolean handles(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  @Override
  public DocumentReader openReader(Path file, String format, String idField, ReaderLimits limits) throws IOException {
    return new ParquetConversationReader(file, format, idField, limits);
  }

  @Override
  public boolean wrote(Conversation c) {
    return c.origin() instanceof ParquetOrigin;
  }

  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes) {
    return new ParquetConversationWriter(dir, base, compression, maxFileBytes, rowGroupBytes);
  }
}
