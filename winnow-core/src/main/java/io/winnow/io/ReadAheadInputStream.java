package io.winnow.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads another stream (typically a decompressor) ahead on a thread of its own, so that decompressing overlaps
 * with consuming the bytes. An error of the reading thread is thrown where the consumer reaches it.
 */
public final class ReadAheadInputStream extends InputStream {
  private static final int CHUNK = 1 << 20;
  private static final byte[] END = new byte[0];
  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
  private final InputStream in;
  private final Thread reader;
  private volatile Throwable failure;
  private volatile boolean closed;
  private byte[] chunk = new byte[0];
  private int pos;
  private boolean ended;

  public ReadAheadInputStream(InputStream in, String name) {
    this.in = in;
    reader = new Thread(this::fillQueue, name);
    reader.setDaemon(true);
    reader.start();
  }

  private void fillQueue() {
    try {
      while (!closed) {
        byte[] b = in.readNBytes(CHUNK);
        if (b.length > 0) queue.put(b);
        if (b.length < CHUNK) break;
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      try {
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next chunk, false at the end of the stream; rethrows the reading thread's error after its data. */
  private boolean advance() throws IOException {
    if (ended) return false;
    try {
      chunk = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading");
    }
    pos = 0;
    if (chunk != END) return true;
    ended = true;
    WorkerFailures.rethrow(failure);
    return false;
  }

  @Override
  public int read() throws IOException {
    while (pos == chunk.length) if (!advance()) return -1;
    return chunk[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    while (pos == chunk.length) if (!advance()) return -1;
    int n = Math.min(len, chunk.length - pos);
    System.arraycopy(chunk, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    queue.clear(); // lets a reader blocked on a full queue finish
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    in.close();
  }
}
