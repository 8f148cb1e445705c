package io.winnow.report.diversity;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Compression ratio of the corpus's first {@code maxBytes} of text (UTF-8, documents separated by a newline):
 * uncompressed bytes / zstd level-3 bytes. Repetitive text compresses better, so a higher ratio means less
 * diversity. Only the count of compressed bytes is kept.
 */
final class CompressionSample implements AutoCloseable {
  private final long maxBytes;
  private final CountingSink sink = new CountingSink();
  private final ZstdOutputStream zstd;
  private long raw;
  private boolean closed;

  CompressionSample(long maxBytes) {
    this.maxBytes = maxBytes;
    try {
      this.zstd = new ZstdOutputStream(sink, 3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void addDocument(String text) {
    if (raw >= maxBytes) return;
    byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
    int len = (int) Math.min(b.length, maxBytes - raw);
    try {
      zstd.write(b, 0, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    raw += len;
  }

  /** Uncompressed / compressed bytes of the sample (ends the sample). 0 for an empty corpus. */
  double ratio() {
    close();
    return raw == 0 ? 0 : (double) raw / sink.count;
  }

  long sampleBytes() {
    return raw;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      zstd.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
