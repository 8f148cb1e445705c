package io.winnow.step.decontam;

import io.winnow.text.NormalizedWords;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test items by their n-grams with positions, for the Tülu 3 rule: a training text matches an item when the
 * item's n-grams (8 normalised words by default) found in the text together cover more than a share
 * ({@code min_coverage}, 0.5) of the item's words. One shared 8-gram is not enough, as it is for the 13-gram
 * rule of {@link DecontamIndex}; most of the item must be there. An item shorter than n words has no n-gram and
 * cannot match (a whole-item rule would match generic items such as "Answer the following question." in any
 * prompt). N-grams that are mostly numbers are not indexed (their words still count in the item's length).
 * Immutable once built; shared by all workers.
 */
public final class CoverageIndex {
  /** One matched item: its index and the share of its words covered. */
  public record Match(int item, double coverage) {}

  private final int n;
  private final double minCoverage;
  private final String[] benchmarks;
  private final String[] ids;
  private final int[] lengths;
  /** n-gram hash → (item, position) pairs, flattened. */
  private final Long2ObjectOpenHashMap<int[]> postings;
  private final Map<String, Integer> itemsPerBenchmark = new LinkedHashMap<>();

  private CoverageIndex(int n, double minCoverage, String[] benchmarks, String[] ids, int[] lengths,
      Long2ObjectOpenHashMap<int[]> postings) {
    this.n = n;
    this.minCoverage = minCoverage;
    this.benchmarks = benchmarks;
    this.ids = ids;
    this.lengths = lengths;
    this.postings = postings;
    for (String b : benchmarks) itemsPerBenchmark.merge(b, 1, Integer::sum);
  }

  public static CoverageIndex build(List<BenchmarkItem> items, int n, double minCoverage) {
    String[] benchmarks = new String[items.size()];
    String[] ids = new String[items.size()];
    int[] lengths = new int[items.size()];
    Long2ObjectOpenHashMap<int[]> postings = new Long2ObjectOpenHashMap<>();
    NormalizedWords w = new NormalizedWords();
    for (int i = 0; i < items.size(); i++) {
      BenchmarkItem item = items.get(i);
      benchmarks[i] = item.benchmark();
      ids[i] = item.id();
      int offset = 0;
      for (String text : item.texts()) {
        w.scan(text);
        int size = w.size();
        if (size >= n) {
          for (int k = 0; k + n <= size; k++) {
            if (2 * w.numericWords(k, n) > n) continue;
            long h = w.hash(k, n);
            int[] old = postings.get(h);
            int[] grown = old == null ? new int[2] : java.util.Arrays.copyOf(old, old.length + 2);
            grown[grown.length - 2] = i;
            grown[grown.length - 1] = offset + k;
            postings.put(h, grown);
          }
        }
        offset += size;
      }
      lengths[i] = offset;
    }
    return new CoverageIndex(n, minCoverage, benchmarks, ids, lengths, postings);
  }

  public String benchmark(int item) {
    return benchmarks[item];
  }

  public String id(int item) {
    return ids[item];
  }

  public int items() {
    return ids.length;
  }

  /** Number of items per benchmark, in first-seen order. */
  public Map<String, Integer> itemsPerBenchmark() {
    return itemsPerBenchmark;
  }

  /** The items the scanned text matches, best coverage first. {@code scratch} is per worker. */
  public List<Match> matches(NormalizedWords w, Int2ObjectOpenHashMap<BitSet> scratch) {
    scratch.clear();
    List<Match> out = new ArrayList<>();
    int size = w.size();
    for (int k = 0; k + n <= size; k++) {
      int[] p = postings.get(w.hash(k, n));
      if (p == null) continue;
      for (int j = 0; j < p.length; j += 2) scratch.computeIfAbsent(p[j], x -> new BitSet()).set(p[j + 1], p[j + 1] + n);
    }
    for (Int2ObjectOpenHashMap.Entry<BitSet> e : scratch.int2ObjectEntrySet()) {
      double coverage = (double) e.getValue().cardinality() / lengths[e.getIntKey()];
      if (coverage > minCoverage) out.add(new Match(e.getIntKey(), coverage));
    }
    out.sort((a, b) -> a.coverage() != b.coverage() ? Double.compare(b.coverage(), a.coverage()) : Integer.compare(a.item(), b.item()));
    return out;
  }
}
