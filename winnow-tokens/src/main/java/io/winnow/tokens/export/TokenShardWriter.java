package io.winnow.tokens.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one shard of tokenized documents, in temporary files until {@link #finish()}. */
interface TokenShardWriter {
  /** Appends one document's token ids (end-of-document token included, when there is one). */
  void add(int[] ids) throws IOException;

  /** Tokens written so far. */
  long tokens();

  /** Documents written so far. */
  long documents();

  /** Closes the files; returns the temporary files, each with the final name it is committed to. */
  List<Path[]> finish() throws IOException;
}
