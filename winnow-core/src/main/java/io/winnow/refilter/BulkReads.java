package io.winnow.refilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream whose {@link #readNBytes(int)} fills one array of the size asked for with large reads. The default
 * gathers 8 KB pieces and joins them, copying every byte twice more; a read-ahead that takes megabyte chunks
 * of a decompressed log (hundreds of megabytes per run) spends much of its time there.
 */
final class BulkReads extends FilterInputStream {
  BulkReads(InputStream in) {
    super(in);
  }

  @Override
  public byte[] readNBytes(int len) throws IOException {
    byte[] b = new byte[len];
    int n = 0;
    while (n < len) {
      int r = in.read(b, n, len - n);
      if (r < 0) break;
      n += r;
    }
    return n == len ? b : java.util.Arrays.copyOf(b, n);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in.read(b, off, len);
  }
}
