package io.winnow.step.dedup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster-size distribution of a rebalancing fit and its figures: clusters (two or more members), their
 * size histogram, the documents they hold and lose, and the entropy of documents over clusters (singletons
 * included) before and after the cap. Built from (size, kept, count) triples in any order and computed in one
 * canonical order, so the local fit and a distributed one give the same bits.
 */
public final class ClusterSizes {
  /** size → (kept → clusters of that size keeping that many) */
  private final TreeMap<Integer, TreeMap<Integer, Long>> counts = new TreeMap<>();

  /** {@code clusters} clusters of {@code size} members, {@code kept} of which stay. */
  public void add(int size, int kept, long clusters) {
    counts.computeIfAbsent(size, k -> new TreeMap<>()).merge(kept, clusters, Long::sum);
  }

  /**
   * The figures of the fit, as fit.json holds them.
   *
   * @param documents documents the step observed
   * @param withoutKey documents too short to sign
   */
  public Map<String, Object> stats(long documents, long withoutKey) {
    long clusters = 0;
    long clustered = 0;
    long removed = 0;
    Map<String, Long> histogram = new TreeMap<>();
    for (Map.Entry<Integer, TreeMap<Integer, Long>> bySize : counts.entrySet()) {
      int size = bySize.getKey();
      for (Map.Entry<Integer, Long> e : bySize.getValue().entrySet()) {
        clusters += e.getValue();
        clustered += size * e.getValue();
        removed += (size - e.getKey()) * e.getValue();
        histogram.merge(GroupedDedup.sizeBucket(size), e.getValue(), Long::sum);
      }
    }
    long singletons = documents - clustered;
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("documents", documents);
    stats.put("clusters", clusters);
    stats.put("clustered_documents", clustered);
    stats.put("removed", removed);
    stats.put("cluster_sizes", histogram);
    stats.put("cluster_entropy_bits_before", round(entropy(singletons, documents, false)));
    stats.put("cluster_entropy_bits_after", round(entropy(singletons, documents - removed, true)));
    stats.put("without_key", withoutKey);
    return stats;
  }

  private double entropy(long singletons, long total, boolean afterCap) {
    if (total == 0) return 0;
    double h = 0;
    for (Map.Entry<Integer, TreeMap<Integer, Long>> bySize : counts.entrySet()) {
      for (Map.Entry<Integer, Long> e : bySize.getValue().entrySet()) {
        double p = (afterCap ? e.getKey() : bySize.getKey()) / (double) total;
        h -= e.getValue() * p * Math.log(p) / Math.log(2);
      }
    }
    double p1 = 1.0 / total;
    h -= singletons * p1 * Math.log(p1) / Math.log(2);
    return h;
  }

  private static double round(double d) {
    return Math.round(d * 1e4) / 1e4;
  }
}
