package io.winnow.code.provenance;

import java.util.Arrays;

/**
 * The winnowed fingerprints of one text in text order: each a k-gram hash and the index of the k-gram's first
 * token, so that consecutive matched fingerprints can be reported as a run of tokens (and, through the token
 * stream's lines, of lines). Reused from text to text by its owner; the arrays are views valid until the next
 * {@link #clear}.
 */
public final class Fingerprints {
  private long[] hashes = new long[256];
  private int[] positions = new int[256];
  private int size;

  public void clear() {
    size = 0;
  }

  void add(long hash, int position) {
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      positions = Arrays.copyOf(positions, size * 2);
    }
    hashes[size] = hash;
    positions[size] = position;
    size++;
  }

  public int size() {
    return size;
  }

  public long[] hashes() {
    return hashes;
  }

  /** Token index of each fingerprint's k-gram, ascending. */
  public int[] positions() {
    return positions;
  }
}
