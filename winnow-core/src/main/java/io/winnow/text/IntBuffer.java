package io.winnow.text;

import java.util.Arrays;

/** A growable int list reused across documents; {@link #release} gives back a buffer grown for a huge one. */
public final class IntBuffer {
  private static final int KEEP = 1 << 16;
  private int[] a = new int[256];
  private int size;

  public void clear() {
    size = 0;
  }

  public void add(int v) {
    if (size == a.length) a = Arrays.copyOf(a, size + (size >> 1) + 16);
    a[size++] = v;
  }

  public int size() {
    return size;
  }

  /** The backing array: valid up to {@link #size}, until the next {@link #add}. */
  public int[] array() {
    return a;
  }

  /** Empties the buffer and drops a large array, so a step does not hold a huge document's worth between documents. */
  public void release() {
    size = 0;
    if (a.length > KEEP) a = new int[256];
  }
}
