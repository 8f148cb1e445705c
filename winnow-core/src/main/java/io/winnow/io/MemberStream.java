package io.winnow.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressing stream made of independent members (gzip members, zstd frames) that knows where each begins in
 * the compressed file. A WARC file compresses each record as its own member, so the member offset is the record's
 * offset, and after damage the reader can resume at the next member instead of losing the rest of the file.
 * A single {@code read} never returns bytes of two members.
 */
abstract class MemberStream extends InputStream {
  /** The compressed offset of the member that produced the bytes last read. */
  abstract long memberOffset();

  /**
   * After a {@link DamagedStreamException}, moves to the next member header after the damaged member's start.
   *
   * @return false when there is none (the rest of the file is lost)
   */
  abstract boolean resync() throws IOException;

  /** One byte, through the block read: a member or frame may decode to nothing, and then the next one is read. */
  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    while ((n = read(one, 0, 1)) == 0) {
      // nothing decoded yet: go on
    }
    return n < 0 ? -1 : one[0] & 0xff;
  }
}
