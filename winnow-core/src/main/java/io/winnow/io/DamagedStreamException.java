package io.winnow.io;

import java.io.IOException;

/**
 * Compressed data that cannot be decoded from a known byte offset of the compressed file: a member or frame cut
 * short, a bad checksum, or bytes after the last member that are not a member. The message says the rest of the
 * file is unreadable from that offset, which is true for a plain stream reader; archive readers that can resume at
 * the next member use {@link #offset()} and {@link #what()} to say more precisely what they skipped.
 */
public final class DamagedStreamException extends IOException {
  private final long offset;
  private final String what;
  private final boolean truncated;

  public DamagedStreamException(long offset, String what, boolean truncated) {
    super("rest of file unreadable from byte " + offset + ": " + what);
    this.offset = offset;
    this.what = what;
    this.truncated = truncated;
  }

  /** The compressed byte offset from which data is lost (the start of the damaged member or frame). */
  public long offset() {
    return offset;
  }

  /** What is wrong, without the offset. */
  public String what() {
    return what;
  }

  /** True when the data ends early (a cut file) rather than holding bad bytes. */
  public boolean truncated() {
    return truncated;
  }
}
