package io.winnow.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts (long, long) pairs of any number beyond RAM: pairs fill a fixed buffer, each full buffer is sorted and
 * spilled to a run file, and the runs are merged in one pass. Memory is the buffer, set by the caller, whatever
 * the number of pairs. Order: by the first long, then the second (signed).
 */
public final class PairSorter implements Closeable {
  /** Receives the sorted pairs. */
  public interface PairConsumer {
    void accept(long a, long b) throws IOException;
  }

  private final Path dir;
  private final long[] buf;
  private int size;
  private final List<Path> runs = new ArrayList<>();

  /** @param memoryBytes the buffer size; 16 bytes per pair */
  public PairSorter(Path dir, long memoryBytes) throws IOException {
    this.dir = Files.createDirectories(dir);
    // a floor of 16 pairs keeps a buffer useful; callers give megabytes, tests a few pairs to force spilling
    long pairs = Math.max(16, Math.min(memoryBytes / 16, (Integer.MAX_VALUE - 8) / 2));
    this.buf = new long[(int) pairs * 2];
  }

  public void add(long a, long b) throws IOException {
    if (size * 2 == buf.length) spill();
    buf[2 * size] = a;
    buf[2 * size + 1] = b;
    size++;
  }

  public int runs() {
    return runs.size();
  }

  private void sortBuffer() {
    it.unimi.dsi.fastutil.Arrays.quickSort(0, size, (i, j) -> {
      int c = Long.compare(buf[2 * i], buf[2 * j]);
      return c != 0 ? c : Long.compare(buf[2 * i + 1], buf[2 * j + 1]);
    }, (i, j) -> {
      long t = buf[2 * i];
      buf[2 * i] = buf[2 * j];
      buf[2 * j] = t;
      t = buf[2 * i + 1];
      buf[2 * i + 1] = buf[2 * j + 1];
      buf[2 * j + 1] = t;
    });
  }

  private void spill() throws IOException {
    sortBuffer();
    Path run = dir.resolve(String.format("run-%05d.bin", runs.size()));
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(run), 1 << 16))) {
      for (int i = 0; i < size; i++) {
        out.writeLong(buf[2 * i]);
        out.writeLong(buf[2 * i + 1]);
      }
    }
    runs.add(run);
    size = 0;
  }

  /** Delivers every pair in order, then deletes the run files. */
  public void drain(PairConsumer consumer) throws IOException {
    if (runs.isEmpty()) {
      sortBuffer();
      for (int i = 0; i < size; i++) consumer.accept(buf[2 * i], buf[2 * i + 1]);
      size = 0;
      return;
    }
    if (size > 0) spill();
    PriorityQueue<Run> heap = new PriorityQueue<>((x, y) -> {
      int c = Long.compare(x.a, y.a);
      return c != 0 ? c : Long.compare(x.b, y.b);
    });
    List<Run> open = new ArrayList<>();
    try {
      for (Path p : runs) {
        Run r = new Run(p);
        open.add(r);
        if (r.next()) heap.add(r);
      }
      while (!heap.isEmpty()) {
        Run r = heap.poll();
        consumer.accept(r.a, r.b);
        if (r.next()) heap.add(r);
      }
    } finally {
      for (Run r : open) r.in.close();
      close();
    }
  }

  @Override
  public void close() throws IOException {
    for (Path p : runs) Files.deleteIfExists(p);
    runs.clear();
  }

  private static final class Run {
    final DataInputStream in;
    long a;
    long b;

    Run(Path p) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
    }

    boolean next() throws IOException {
      try {
        a = in.readLong();
      } catch (EOFException e) {
        return false;
      }
      b = in.readLong();
      return true;
    }
  }
}
