package io.winnow.io;

import io.winnow.doc.Document;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the kept documents of one shard, under temporary names: {@link #commit()} renames every file to its
 * final name when the shard is complete; {@link #close()} without commit leaves only temporary files.
 */
public interface DocumentWriter extends Closeable {
  void write(Document doc) throws IOException;

  List<Path> commit() throws IOException;
}
