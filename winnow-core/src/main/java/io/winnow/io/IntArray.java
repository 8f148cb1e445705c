package io.winnow.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An int array that lives on the heap when it is small and in a memory-mapped file when it is not, so that
 * per-document tables (union-find parents, cluster sizes) stay outside the heap bound for corpora of any size:
 * the operating system pages them. Not thread-safe.
 */
public abstract class IntArray implements Closeable {
  private static final int CHUNK = 1 << 28; // ints per mapping (1 GiB)

  public abstract int get(long i);

  public abstract void set(long i, int v);

  public abstract long length();

  /** On the heap when {@code length * 4 <= heapBudgetBytes}, else mapped in a temporary file under {@code dir}. */
  public static IntArray allocate(long length, long heapBudgetBytes, Path dir) throws IOException {
    if (length * 4 <= heapBudgetBytes && length <= Integer.MAX_VALUE - 8) return new Heap((int) length);
    return new Mapped(length, dir);
  }

  @Override
  public void close() throws IOException {}

  private static final class Heap extends IntArray {
    private final int[] a;

    Heap(int n) {
      a = new int[n];
    }

    @Override
    public int get(long i) {
      return a[(int) i];
    }

    @Override
    public void set(long i, int v) {
      a[(int) i] = v;
    }

    @Override
    public long length() {
      return a.length;
    }
  }

  private static final class Mapped extends IntArray {
    private final long length;
    private final IntBuffer[] chunks;
    private final Path file;
    private final FileChannel channel;

    Mapped(long length, Path dir) throws IOException {
      this.length = length;
      Files.createDirectories(dir);
      this.file = Files.createTempFile(dir, "ints-", ".bin");
      this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      int n = (int) ((length + CHUNK - 1) / CHUNK);
      chunks = new IntBuffer[n];
      for (int c = 0; c < n; c++) {
        long ints = Math.min(CHUNK, length - (long) c * CHUNK);
        chunks[c] = channel.map(FileChannel.MapMode.READ_WRITE, (long) c * CHUNK * 4, ints * 4).asIntBuffer();
      }
    }

    @Override
    public int get(long i) {
      return chunks[(int) (i / CHUNK)].get((int) (i % CHUNK));
    }

    @Override
    public void set(long i, int v) {
      chunks[(int) (i / CHUNK)].put((int) (i % CHUNK), v);
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public void close() throws IOException {
      channel.close();
      Files.deleteIfExists(file);
    }
  }
}
