package io.winnow.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes to another stream (typically a compressor) on a thread of its own, so that compressing overlaps with
 * producing the bytes. The bytes reach the stream in the same order and the same chunks whatever the timing, so the
 * output is the one writing directly would give. Errors of the writing thread surface on the next write or close.
 */
public final class BackgroundOutputStream extends OutputStream {
  private static final int CHUNK = 1 << 20;
  private static final byte[] END = new byte[0];
  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
  private final Thread writer;
  private volatile Throwable failure;
  private byte[] chunk = new byte[CHUNK];
  private int filled;
  private boolean closed;

  public BackgroundOutputStream(OutputStream out, String name) {
    writer = new Thread(() -> drain(out), name);
    writer.setDaemon(true);
    writer.start();
  }

  private void drain(OutputStream out) {
    try (out) {
      for (byte[] b; (b = queue.take()) != END; ) {
        if (failure == null) out.write(b);
      }
      out.flush(); // once before closing, as a buffered writer's close does: the same compressed bytes
    } catch (Throwable t) {
      if (failure == null) failure = t;
    }
  }

  @Override
  public void write(int b) throws IOException {
    if (filled == chunk.length) handOff();
    chunk[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (filled == chunk.length) handOff();
      int n = Math.min(len, chunk.length - filled);
      System.arraycopy(b, off, chunk, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  private void handOff() throws IOException {
    put(filled == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, filled));
    chunk = new byte[CHUNK];
    filled = 0;
  }

  private void put(byte[] b) throws IOException {
    checkFailure();
    try {
      queue.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing");
    }
  }

  private void checkFailure() throws IOException {
    WorkerFailures.rethrow(failure);
  }

  /** Flushing on request would end compressed blocks where the data did not: the bytes are flushed on close only. */
  @Override
  public void flush() {}

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    if (filled > 0) handOff();
    put(END);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while closing");
    }
    checkFailure();
  }
}
