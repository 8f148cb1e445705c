package io.winnow.code.provenance;

import java.util.Arrays;

/**
 * The normalised tokens of one text, as 64-bit hashes, with the line each token starts on. Reused from text to
 * text by its owner (one per thread): {@link #clear} keeps the arrays, so lexing allocates only when a text is
 * longer than any before it. The arrays are views: valid until the next {@code clear}, never to be retained.
 */
public final class TokenStream {
  private long[] tokens = new long[1024];
  private int[] lines = new int[1024];
  private int size;

  public void clear() {
    size = 0;
  }

  void add(long token, int line) {
    if (size == tokens.length) {
      tokens = Arrays.copyOf(tokens, size * 2);
      lines = Arrays.copyOf(lines, size * 2);
    }
    tokens[size] = token;
    lines[size] = line;
    size++;
  }

  public int size() {
    return size;
  }

  /** Token hashes, valid in {@code [0, size())}. */
  public long[] tokens() {
    return tokens;
  }

  /** 1-based line of each token, valid in {@code [0, size())}. */
  public int[] lines() {
    return lines;
  }
}
