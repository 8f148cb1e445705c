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
 * Sorts (long, long) pairs of any number beyond RAM: pairs fill a buffer, each full buffer is sorted and
 * spilled to a run file, and the runs are merged in one pass. Memory is the buffer and the radix sort's scratch
 * of the same size, together within the caller's budget whatever the number of pairs; the buffer grows to its
 * capacity only as pairs come. Order: by the first long, then the second (signed).
 */
public final class PairSorter implements Closeable {
  /** Receives the sorted pairs. */
  public interface PairConsumer {
    void accept(long a, long b) throws IOException;
  }

  private final Path dir;
  private static final int DIGIT_BITS = 16;
  private static final int INITIAL_PAIRS = 1 << 16;

  /** Most pairs the buffer holds before a spill. */
  private final int capacity;
  private long[] buf;
  private long[] scratch = new long[0];
  private int size;
  private final List<Path> runs = new ArrayList<>();

  /** @param memoryBytes the buffer and its sort scratch; 32 bytes per pair */
  public PairSorter(Path dir, long memoryBytes) throws IOException {
    this.dir = Files.createDirectories(dir);
    // a floor of 16 pairs keeps a buffer useful; callers give megabytes, tests a few pairs to force spilling
    this.capacity = (int) Math.max(16, Math.min(memoryBytes / 32, (Integer.MAX_VALUE - 8) / 2));
    this.buf = new long[2 * Math.min(capacity, INITIAL_PAIRS)];
  }

  public void add(long a, long b) throws IOException {
    if (size * 2 == buf.length) {
      if (size == capacity) spill();
      else buf = java.util.Arrays.copyOf(buf, 2 * (int) Math.min(capacity, 2L * size));
    }
    buf[2 * size] = a;
    buf[2 * size + 1] = b;
    size++;
  }

  public int runs() {
    return runs.size();
  }

  /**
   * Sorts the buffer: a least-significant-digit radix sort on the first long (16 bits a pass, passes where every
   * pair has the same digit skipped), then the pairs that share a first long, usually one or two, by the second.
   */
  private void sortBuffer() {
    if (size < 2) return;
    if (scratch.length < 2 * size) scratch = new long[2 * size];
    long[] from = buf;
    long[] to = scratch;
    int[] count = new int[1 << DIGIT_BITS];
    for (int shift = 0; shift < 64; shift += DIGIT_BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < size; i++) count[digit(from[2 * i], shift)]++;
      if (count[digit(from[0], shift)] == size) continue;
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < size; i++) {
        int at = 2 * count[digit(from[2 * i], shift)]++;
        to[at] = from[2 * i];
        to[at + 1] = from[2 * i + 1];
      }
      long[] t = from;
      from = to;
      to = t;
    }
    if (from != buf) System.arraycopy(from, 0, buf, 0, 2 * size);
    for (int start = 0; start < size; ) {
      int end = start + 1;
      while (end < size && buf[2 * end] == buf[2 * start]) end++;
      if (end - start > 1) sortSeconds(start, end);
      start = end;
    }
  }

  /** Digit {@code shift / 16} of a first long, with the sign bit flipped so that unsigned digits sort signed. */
  private static int digit(long a, int shift) {
    return (int) (((a ^ Long.MIN_VALUE) >>> shift) & ((1 << DIGIT_BITS) - 1));
  }

  /** Sorts pairs [start, end), which share their first long, by the second. */
  private void sortSeconds(int start, int end) {
    long[] seconds = new long[end - start];
    for (int i = start; i < end; i++) seconds[i - start] = buf[2 * i + 1];
    java.util.Arrays.sort(seconds);
    for (int i = start; i < end; i++) buf[2 * i + 1] = seconds[i - start];
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
