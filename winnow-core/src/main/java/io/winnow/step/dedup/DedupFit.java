package io.winnow.step.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.io.AtomicFiles;
import io.winnow.io.IntArray;
import io.winnow.io.PairSorter;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The decide phase shared by the dedup steps: candidate groups (documents sharing a key: a MinHash band, a
 * content hash) are joined transitively with union-find; in each cluster the keeper rule picks one survivor and
 * every other member is removed, with its cluster, its keeper's id and their similarity.
 *
 * <p>Memory: the (key, document) pairs are sorted beyond RAM by {@link PairSorter} within {@code memoryBytes};
 * union-find and keeper selection need 12 bytes per document (20 with a scoring keeper rule), on the heap while
 * that fits in half of {@code memoryBytes} and in memory-mapped files beyond, so the heap stays bounded by
 * configuration whatever the corpus size. Documents of an
 * index (another corpus's observations) come first, are never removed, and win their clusters.
 */
final class DedupFit {
  static final String REMOVED = "removed.bin";
  static final String UNSIGNED = "unsigned.bin";
  static final String FIT_JSON = "fit.json";
  static final String PARAMS_JSON = "params.json";

  /** Adds the grouping pairs of one observed document: (group key, band << 40 | index). */
  interface Grouper {
    void add(long index, long[] record, PairSorter sorter) throws IOException;
  }

  /** Estimated similarity of two documents from their records. */
  interface Similarity {
    double of(long[] a, long[] b);
  }

  /** Decides whether two candidate documents (not yet in one cluster) are really duplicates. */
  interface Verifier {
    boolean accept(Observations.Table table, int a, int b) throws IOException;
  }

  /** How many members of a cluster of {@code size} documents stay (dedup: one). */
  interface ClusterCap {
    int keep(int size);
  }

  static final String CAPPED = "capped.bin";
  static final String CLUSTERED = "clustered.bin";

  private Verifier verifier;
  private ClusterCap cap;
  private long rejectedPairs;
  private long verifiedPairs;

  DedupFit verifyWith(Verifier v) {
    this.verifier = v;
    return this;
  }

  /**
   * Keeps up to {@code c.keep(size)} members per cluster instead of one (rebalancing); the fit then writes
   * {@value #CAPPED} (the members beyond the cap) and {@value #CLUSTERED} (every member of a cluster of two or
   * more, with its cluster's size) instead of the dedup removals.
   */
  DedupFit capWith(ClusterCap c) {
    this.cap = c;
    return this;
  }

  private final Path dir;
  private final int width;
  private final Grouper grouper;
  private final Similarity similarity;
  private final KeeperRule keeper;
  private final long memoryBytes;
  private final Map<String, Object> params;

  DedupFit(Path dir, int width, Grouper grouper, Similarity similarity, KeeperRule keeper, long memoryBytes,
      Map<String, Object> params) {
    this.dir = dir;
    this.width = width;
    this.grouper = grouper;
    this.similarity = similarity;
    this.keeper = keeper;
    this.memoryBytes = memoryBytes;
    this.params = params;
  }

  static int shardsIn(Path stepDir) throws IOException {
    Path obs = Observations.dir(stepDir);
    if (!Files.isDirectory(obs)) throw new IOException(stepDir + " holds no dedup observations (observe/ is missing)");
    try (Stream<Path> s = Files.list(obs)) {
      return (int) s.filter(p -> p.getFileName().toString().matches("part-\\d{5}\\.bin")).count();
    }
  }

  void fit(int shards, Path index) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(dir.resolve(PARAMS_JSON), json.writeValueAsBytes(params));
    try (Observations.Table table = new Observations.Table(width)) {
      long reference = 0;
      if (index != null) {
        checkIndexParams(json, index);
        table.addShards(index, shardsIn(index));
        reference = table.size();
      }
      table.addShards(dir, shards);
      long total = table.size();
      if (total > Integer.MAX_VALUE) throw new IOException("more than 2^31 documents in one dedup step");
      int n = (int) total;
      long budget = memoryBytes / 2;
      Path scratchDir = dir.resolve("sort");
      IntArray parent = IntArray.allocate(n, budget / 3, scratchDir);
      for (int i = 0; i < n; i++) parent.set(i, i);
      // scores as the two halves of their double bits
      IntArray scores = keeper.kind() == KeeperRule.Kind.FIRST ? null : IntArray.allocate(2L * n, budget / 3, scratchDir);
      long[] unsignedCount = {0};
      final long ref = reference;

      Path unsignedFile = dir.resolve(UNSIGNED);
      try (DataOutputStream unsigned = new DataOutputStream(new BufferedOutputStream(
               AtomicFiles.create(AtomicFiles.tmp(unsignedFile)), 1 << 16));
           PairSorter sorter = new PairSorter(dir.resolve("sort"), memoryBytes / 2)) {
        table.scan((i, rec) -> {
          if (scores != null) {
            scores.set(2 * i, (int) (rec[1] >>> 32));
            scores.set(2 * i + 1, (int) rec[1]);
          }
          if ((rec[3] & Observations.FLAG_PAYLOAD) != 0) grouper.add(i, rec, sorter);
          else if (i >= ref) {
            unsigned.writeLong(rec[0]);
            unsignedCount[0]++;
          }
        });
        long[] group = {Long.MIN_VALUE, -1, -1}; // key, band, first member
        sorter.drain((key, bandAndIndex) -> {
          long band = bandAndIndex >>> 40;
          int idx = (int) (bandAndIndex & ((1L << 40) - 1));
          if (group[2] >= 0 && key == group[0] && band == group[1]) join(table, parent, (int) group[2], idx);
          else {
            group[0] = key;
            group[1] = band;
            group[2] = idx;
          }
        });
      }
      AtomicFiles.commit(AtomicFiles.tmp(unsignedFile), unsignedFile);

      try (IntArray best = IntArray.allocate(n, budget / 3, scratchDir);
           IntArray size = IntArray.allocate(n, budget / 3, scratchDir)) {
        for (int i = 0; i < n; i++) best.set(i, -1);
        for (int i = 0; i < n; i++) {
          int r = find(parent, i);
          if (i >= ref) size.set(r, size.get(r) + 1);
          int b = best.get(r);
          if (b < 0 || better(i, b, ref, scores)) best.set(r, i);
        }
        if (cap == null) writeRemovals(json, table, parent, best, size, ref, unsignedCount[0]);
        else writeCapped(json, table, parent, size, scores, unsignedCount[0]);
      } finally {
        parent.close();
        if (scores != null) scores.close();
      }
    }
  }

  private void join(Observations.Table table, IntArray parent, int a, int b) throws IOException {
    if (verifier != null && find(parent, a) != find(parent, b)) {
      verifiedPairs++;
      if (!verifier.accept(table, a, b)) {
        rejectedPairs++;
        return;
      }
    }
    union(parent, a, b);
  }

  private boolean better(int i, int current, long reference, IntArray scores) {
    boolean iRef = i < reference;
    boolean cRef = current < reference;
    if (iRef != cRef) return iRef;
    return scores != null && score(scores, i) > score(scores, current); // ties: the earlier document stays
  }

  private static double score(IntArray scores, int i) {
    long bits = ((long) scores.get(2L * i) << 32) | (scores.get(2L * i + 1) & 0xFFFFFFFFL);
    return Double.longBitsToDouble(bits);
  }

  private void writeRemovals(ObjectMapper json, Observations.Table table, IntArray parent, IntArray best, IntArray size,
      long reference, long unsigned) throws IOException {
    int n = (int) parent.length();
    long removed = 0;
    long clusters = 0;
    Map<String, Long> histogram = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (parent.get(i) != i) continue;
      // members of this corpus, plus the index document that keeps the cluster, if any
      int own = size.get(i);
      int members = own + (best.get(i) >= 0 && best.get(i) < reference ? 1 : 0);
      if (own >= 1 && members >= 2) {
        clusters++;
        histogram.merge(GroupedDedup.sizeBucket(members), 1L, Long::sum);
      }
    }
    Path removedFile = dir.resolve(REMOVED);
    long[] rec = new long[Observations.HEADER_LONGS + width];
    long[] keep = new long[Observations.HEADER_LONGS + width];
    ByteBuffer scratch = table.scratch();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        AtomicFiles.create(AtomicFiles.tmp(removedFile)), 1 << 16))) {
      for (int i = (int) reference; i < n; i++) {
        int k = best.get(find(parent, i));
        if (k == i) continue;
        table.read(i, rec, scratch);
        table.read(k, keep, scratch);
        byte[] keeperId = table.id(k, keep[2]).getBytes(StandardCharsets.UTF_8);
        out.writeLong(rec[0]);
        out.writeLong(k);
        out.writeDouble(similarity.of(rec, keep));
        out.writeBoolean(k < reference);
        out.writeInt(keeperId.length);
        out.write(keeperId);
        removed++;
      }
    }
    AtomicFiles.commit(AtomicFiles.tmp(removedFile), removedFile);
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("documents", n - reference);
    if (reference > 0) stats.put("index_documents", reference);
    stats.put("clusters", clusters);
    stats.put("removed", removed);
    stats.put("cluster_sizes", histogram);
    stats.put("without_key", unsigned);
    if (verifier != null) {
      stats.put("verified_pairs", verifiedPairs);
      stats.put("rejected_pairs", rejectedPairs);
    }
    AtomicFiles.write(dir.resolve(FIT_JSON), json.writeValueAsBytes(stats));
  }

  /**
   * The members of each cluster ranked by the keeper rule (highest score first, then document order); the first
   * {@code cap.keep(size)} stay, the rest are written to {@value #CAPPED} with their cluster, its size and the
   * cluster's top member. Only members of clusters of two or more are held for the ranking, about 20 bytes each
   * (index, root, hash-map slack).
   */
  private void writeCapped(ObjectMapper json, Observations.Table table, IntArray parent, IntArray size, IntArray scores,
      long unsigned) throws IOException {
    int n = (int) parent.length();
    it.unimi.dsi.fastutil.ints.IntArrayList members = new it.unimi.dsi.fastutil.ints.IntArrayList();
    it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap rootOf = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (size.get(r) < 2) continue;
      members.add(i);
      rootOf.put(i, r);
    }
    int[] m = members.toIntArray();
    it.unimi.dsi.fastutil.ints.IntArrays.quickSort(m, (a, b) -> {
      int ra = rootOf.get(a), rb = rootOf.get(b);
      if (ra != rb) return Integer.compare(ra, rb);
      if (scores != null) {
        int c = Double.compare(score(scores, b), score(scores, a));
        if (c != 0) return c;
      }
      return Integer.compare(a, b);
    });
    ClusterSizes sizes = new ClusterSizes();
    long[] rec = new long[Observations.HEADER_LONGS + width];
    long[] top = new long[Observations.HEADER_LONGS + width];
    ByteBuffer scratch = table.scratch();
    Path cappedFile = dir.resolve(CAPPED);
    Path clusteredFile = dir.resolve(CLUSTERED);
    try (DataOutputStream capped = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(cappedFile)), 1 << 16));
         DataOutputStream clustered = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(clusteredFile)), 1 << 16))) {
      for (int start = 0; start < m.length; ) {
        int r = rootOf.get(m[start]);
        int end = start;
        while (end < m.length && rootOf.get(m[end]) == r) end++;
        int s = end - start;
        int keep = Math.max(1, Math.min(s, cap.keep(s)));
        sizes.add(s, keep, 1);
        table.read(m[start], top, scratch);
        byte[] topId = table.id(m[start], top[2]).getBytes(StandardCharsets.UTF_8);
        for (int k = start; k < end; k++) {
          table.read(m[k], rec, scratch);
          clustered.writeLong(rec[0]);
          clustered.writeLong(r);
          clustered.writeInt(s);
          if (k - start < keep) continue;
          capped.writeLong(rec[0]);
          capped.writeLong(r);
          capped.writeInt(s);
          capped.writeInt(keep);
          capped.writeDouble(similarity.of(rec, top));
          capped.writeInt(topId.length);
          capped.write(topId);
        }
        start = end;
      }
    }
    AtomicFiles.commit(AtomicFiles.tmp(cappedFile), cappedFile);
    AtomicFiles.commit(AtomicFiles.tmp(clusteredFile), clusteredFile);
    AtomicFiles.write(dir.resolve(FIT_JSON), json.writeValueAsBytes(sizes.stats(n, unsigned)));
  }

  private void checkIndexParams(ObjectMapper json, Path index) throws IOException {
    Path p = index.resolve(PARAMS_JSON);
    if (!Files.exists(p)) throw new IOException("index " + index + " has no " + PARAMS_JSON + " (not a finished dedup step directory)");
    Map<?, ?> theirs = json.readValue(p.toFile(), Map.class);
    Map<String, Object> mine = new LinkedHashMap<>(params);
    mine.remove("index");
    Map<Object, Object> other = new LinkedHashMap<>(theirs);
    other.remove("index");
    // compared as parsed JSON on both sides, so 1 (int) and 1 (long) are equal
    if (!json.readTree(json.writeValueAsBytes(mine)).equals(json.readTree(json.writeValueAsBytes(other)))) {
      throw new IOException("index " + index + " was built with other parameters: " + other + " vs " + mine);
    }
  }

  static int find(IntArray parent, int x) {
    int p;
    while ((p = parent.get(x)) != x) {
      int gp = parent.get(p);
      parent.set(x, gp); // path halving
      x = gp;
    }
    return x;
  }

  /** Joins two sets; the smaller index becomes the root, so a root is its cluster's first document. */
  static void union(IntArray parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra == rb) return;
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  }
}
