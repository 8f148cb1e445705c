package io.winnow.io;

import java.io.IOException;

/**
 * A decompressing stream made of independent members (gzip members, zstd frames) that knows where each begins in
 * the compressed file. A WARC file compresses each record as its own member, so the member offset is the record's
 * offset, and after damage the reader can resume at the next member instead of losing the rest of the file.
 * A single {@code read} never returns bytes of two members.
 */
interface MemberStream {
  /** The compressed offset of the member that produced the bytes last read. */
  long memberOffset();

  /**
   * After a {@link DamagedStreamException}, moves to the next member header after the damaged member's start.
   *
   * @return false when there is none (the rest of the file is lost)
   */
  boolean resync() throws IOException;
}
