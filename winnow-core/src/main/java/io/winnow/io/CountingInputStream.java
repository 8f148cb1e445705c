package io.winnow.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the raw (compressed) bytes read from a file, for progress and ETA; reports deltas to a listener. */
public final class CountingInputStream extends FilterInputStream {
  private final LongConsumer onBytes;
  private long count;

  public CountingInputStream(InputStream in, LongConsumer onBytes) {
    super(in);
    this.onBytes = onBytes;
  }

  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) add(1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) add(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    if (s > 0) add(s);
    return s;
  }

  private void add(long n) {
    count += n;
    onBytes.accept(n);
  }
}
