package io.winnow.report.diversity;

import java.util.ArrayList;
import java.util.List;

/**
 * The frequency spectrum of a vocabulary: {@code types[i]} types occur exactly {@code counts[i]} times, counts
 * ascending. A few thousand pairs even for large corpora (a corpus of N tokens has fewer than √(2N) distinct
 * counts), so a profile carries it and rarefaction can be computed from a saved profile.
 */
public record Spectrum(long[] counts, long[] types) {
  public Spectrum {
    if (counts.length != types.length) throw new IllegalArgumentException("counts and types differ in length");
  }

  public static Spectrum of(int[] descending) {
    List<long[]> pairs = new ArrayList<>();
    for (int i = descending.length - 1; i >= 0; ) {
      int c = descending[i];
      int j = i;
      while (j >= 0 && descending[j] == c) j--;
      pairs.add(new long[] {c, i - j});
      i = j;
    }
    long[] counts = new long[pairs.size()];
    long[] types = new long[pairs.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = pairs.get(i)[0];
      types[i] = pairs.get(i)[1];
    }
    return new Spectrum(counts, types);
  }

  public long tokens() {
    long n = 0;
    for (int i = 0; i < counts.length; i++) n += counts[i] * types[i];
    return n;
  }
}
