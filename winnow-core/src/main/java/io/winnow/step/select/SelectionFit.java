package io.winnow.step.select;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.AtomicFiles;
import io.winnow.io.PairSorter;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fit of {@link SelectStep}: orders every observed document by score (descending, ties by input order)
 * with an external sort, then chooses greedily — within each group's quota first when balancing, then in plain
 * score order — skipping candidates too similar to a chosen one. Writes the chosen documents, the skipped
 * near-copies and the selection report ({@code fit.json}).
 */
final class SelectionFit {
  private final SelectStep.Config config;
  private final Path dir;
  private final int shards;
  private final int width;
  private final long[] shardStart;
  private final FileChannel[] channels;
  private final ByteBuffer buf;
  // the chosen documents, in choice order
  private final LongArrayList chosen = new LongArrayList();
  private final List<long[]> chosenSigs = new ArrayList<>();
  private final Long2ObjectOpenHashMap<IntArrayList> bandIndex = new Long2ObjectOpenHashMap<>();
  private final LongOpenHashSet decided = new LongOpenHashSet();
  private long tooSimilar;
  /** The first skipped near-copies (global index, choice index of the chosen one), for the report's examples. */
  private final LongArrayList exampleSkipped = new LongArrayList();
  private final IntArrayList exampleNear = new IntArrayList();

  SelectionFit(SelectStep.Config config, Path dir, int shards) {
    this.config = config;
    this.dir = dir;
    this.shards = shards;
    this.width = config.recordLongs();
    this.shardStart = new long[shards + 1];
    this.channels = new FileChannel[shards];
    this.buf = ByteBuffer.allocate(width * 8);
  }

  void run() throws IOException {
    Sample before = new Sample();
    Map<Long, Long> groupSizes = new TreeMap<>();
    Map<Long, String> groupNames = new TreeMap<>();
    Path sortDir = dir.resolve("sort");
    Path order = dir.resolve("order.bin");
    long total;
    try (PairSorter sorter = new PairSorter(sortDir, (long) config.memoryMb() << 20)) {
      long g = 0;
      long[] rec = new long[width];
      for (int s = 0; s < shards; s++) {
        shardStart[s] = g;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(SelectStep.records(dir, s)), 1 << 16));
            BufferedReader lines = Files.newBufferedReader(SelectStep.lines(dir, s), StandardCharsets.UTF_8)) {
          for (String line; (line = lines.readLine()) != null; g++) {
            for (int i = 0; i < width; i++) rec[i] = in.readLong();
            double score = Double.longBitsToDouble(rec[1]);
            sorter.add(~sortable(score), g);
            groupSizes.merge(rec[2], 1L, Long::sum);
            groupNames.putIfAbsent(rec[2], line.split("\t", -1)[1]);
            before.add(score, rec[3]);
          }
        }
      }
      shardStart[shards] = g;
      total = g;
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(order), 1 << 16))) {
        sorter.drain((a, b) -> out.writeLong(b));
      }
    }
    long target = config.keep() > 0 ? Math.min(config.keep(), total) : Math.round(config.share() * total);
    for (int s = 0; s < shards; s++) channels[s] = FileChannel.open(SelectStep.records(dir, s), StandardOpenOption.READ);
    Path similarRaw = dir.resolve("similar-by-index.bin");
    try (DataOutputStream sim = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(similarRaw), 1 << 16))) {
      Map<Long, Long> quota = config.balanceBy() == null ? null : Quotas.waterFill(groupSizes, target);
      walk(order, target, quota, sim);
      if (quota != null && chosen.size() < target) walk(order, target, null, sim);
    } finally {
      for (FileChannel c : channels) if (c != null) c.close();
    }
    Files.deleteIfExists(order);
    writeSelected(total, target, before, groupSizes, groupNames);
  }

  /** One greedy pass over the score order; {@code quota} caps each group (null: no caps). */
  private void walk(Path order, long target, Map<Long, Long> quota, DataOutputStream sim) throws IOException {
    Map<Long, Long> taken = new TreeMap<>();
    if (quota != null) for (long i = 0; i < chosen.size(); i++) taken.merge(record(chosen.getLong((int) i))[2], 1L, Long::sum);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(order), 1 << 16))) {
      for (long n = shardStart[shards]; n > 0 && chosen.size() < target; n--) {
        long g = in.readLong();
        if (decided.contains(g)) continue;
        long[] rec = record(g);
        if (quota != null && taken.getOrDefault(rec[2], 0L) >= quota.getOrDefault(rec[2], 0L)) continue;
        long[] sig = rec[4] == 0 ? null : java.util.Arrays.copyOfRange(rec, 5, width);
        int near = -1;
        double nearSim = 0;
        if (sig != null && config.maxSimilarity() < 1) {
          for (int c : candidates(sig)) {
            double s = similarity(sig, chosenSigs.get(c));
            if (s >= config.maxSimilarity() && s > nearSim) {
              near = c;
              nearSim = s;
            }
          }
        }
        decided.add(g);
        if (near >= 0) {
          sim.writeLong(rec[0]);
          sim.writeInt(near);
          sim.writeDouble(nearSim);
          tooSimilar++;
          if (exampleSkipped.size() < config.examples()) {
            exampleSkipped.add(g);
            exampleNear.add(near);
          }
          continue;
        }
        if (sig != null) index(sig, chosen.size());
        chosen.add(g);
        chosenSigs.add(sig);
        if (quota != null) taken.merge(rec[2], 1L, Long::sum);
      }
    }
  }

  private IntArrayList candidates(long[] sig) {
    IntArrayList out = new IntArrayList();
    int rows = config.rows();
    for (int b = 0; b < config.bands(); b++) {
      IntArrayList l = bandIndex.get(bandKey(sig, b, rows));
      if (l != null) for (int i = 0; i < l.size(); i++) if (!out.contains(l.getInt(i))) out.add(l.getInt(i));
    }
    return out;
  }

  private void index(long[] sig, int chosenIndex) {
    int rows = config.rows();
    for (int b = 0; b < config.bands(); b++) bandIndex.computeIfAbsent(bandKey(sig, b, rows), k -> new IntArrayList(1)).add(chosenIndex);
  }

  private static long bandKey(long[] sig, int band, int rows) {
    long h = band * 0x9E3779B97F4A7C15L;
    for (int i = band * rows; i < (band + 1) * rows; i++) h = (h ^ sig[i]) * 0xBF58476D1CE4E5B9L;
    return h;
  }

  private static double similarity(long[] a, long[] b) {
    if (b == null) return 0;
    int same = 0;
    for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
    return (double) same / a.length;
  }

  private long[] record(long g) throws IOException {
    int s = shardOf(g);
    buf.clear();
    long pos = (g - shardStart[s]) * width * 8L;
    while (buf.hasRemaining()) {
      if (channels[s].read(buf, pos + buf.position()) < 0) throw new IOException("observations of shard " + s + " end early at record " + (g - shardStart[s]));
    }
    buf.flip();
    long[] rec = new long[width];
    buf.asLongBuffer().get(rec);
    return rec;
  }

  private int shardOf(long g) {
    int lo = 0;
    int hi = shards - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (shardStart[mid] <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Writes the chosen documents (key, rank, id) and the report. */
  private void writeSelected(long total, long target, Sample before, Map<Long, Long> groupSizes, Map<Long, String> groupNames) throws IOException {
    Long2IntOpenHashMap rankOf = new Long2IntOpenHashMap();
    for (int i = 0; i < chosen.size(); i++) rankOf.put(chosen.getLong(i), i + 1);
    // ids and prompt excerpts of the chosen, from the line files (one sequential pass)
    String[] ids = new String[chosen.size()];
    String[] prompts = new String[chosen.size()];
    String[] skippedIds = new String[exampleSkipped.size()];
    String[] skippedPrompts = new String[exampleSkipped.size()];
    long g = 0;
    for (int s = 0; s < shards; s++) {
      try (BufferedReader lines = Files.newBufferedReader(SelectStep.lines(dir, s), StandardCharsets.UTF_8)) {
        for (String line; (line = lines.readLine()) != null; g++) {
          int r = rankOf.getOrDefault(g, 0);
          int skipped = exampleSkipped.indexOf(g);
          if (r == 0 && skipped < 0) continue;
          String[] f = line.split("\t", -1);
          String prompt = f.length > 2 ? f[2] : "";
          if (r > 0) {
            ids[r - 1] = f[0];
            prompts[r - 1] = prompt;
          }
          if (skipped >= 0) {
            skippedIds[skipped] = f[0];
            skippedPrompts[skipped] = prompt;
          }
        }
      }
    }
    for (int s = 0; s < shards; s++) channels[s] = FileChannel.open(SelectStep.records(dir, s), StandardOpenOption.READ);
    Sample after = new Sample();
    Map<Long, Long> groupsAfter = new TreeMap<>();
    Path selected = dir.resolve(SelectStep.SELECTED);
    List<Map<String, Object>> examples = new ArrayList<>();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(selected)), 1 << 16))) {
      for (int i = 0; i < chosen.size(); i++) {
        long[] rec = record(chosen.getLong(i));
        out.writeLong(rec[0]);
        out.writeInt(i + 1);
        out.writeUTF(ids[i]);
        double score = Double.longBitsToDouble(rec[1]);
        after.add(score, rec[3]);
        groupsAfter.merge(rec[2], 1L, Long::sum);
        if (i < config.examples()) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("rank", i + 1);
          e.put("id", ids[i]);
          e.put("score", round(score));
          e.put("prompt", prompts[i]);
          examples.add(e);
        }
      }
    } finally {
      for (FileChannel c : channels) if (c != null) c.close();
    }
    AtomicFiles.commit(AtomicFiles.tmp(selected), selected);
    resolveSimilar(ids);
    List<Map<String, Object>> similarExamples = new ArrayList<>();
    for (int i = 0; i < exampleSkipped.size(); i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", skippedIds[i]);
      e.put("prompt", skippedPrompts[i]);
      e.put("similar_to", ids[exampleNear.getInt(i)]);
      e.put("similar_prompt", prompts[exampleNear.getInt(i)]);
      similarExamples.add(e);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("score", config.score().toString());
    report.put("candidates", total);
    report.put("target", target);
    report.put("selected", chosen.size());
    report.put("too_similar", tooSimilar);
    report.put("not_selected", total - chosen.size() - tooSimilar);
    report.put("score_before", before.summary(true));
    report.put("score_after", after.summary(true));
    report.put("response_words_before", before.summary(false));
    report.put("response_words_after", after.summary(false));
    {
      Map<String, Object> groups = new TreeMap<>();
      for (Map.Entry<Long, Long> e : groupSizes.entrySet()) {
        groups.put(groupNames.get(e.getKey()), Map.of("before", e.getValue(), "after", groupsAfter.getOrDefault(e.getKey(), 0L)));
      }
      report.put("groups_by_" + (config.balanceBy() == null ? "file" : config.balanceBy()), groups);
    }
    report.put("examples", examples);
    report.put("too_similar_examples", similarExamples);
    AtomicFiles.write(dir.resolve(SelectStep.FIT_JSON), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
  }

  /** Rewrites the skipped near-copies with the chosen document's id in place of its choice index. */
  private void resolveSimilar(String[] ids) throws IOException {
    Path raw = dir.resolve("similar-by-index.bin");
    Path similar = dir.resolve(SelectStep.SIMILAR);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(raw), 1 << 16));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(similar)), 1 << 16))) {
      for (long n = 0; n < tooSimilar; n++) {
        long key = in.readLong();
        int near = in.readInt();
        double sim = in.readDouble();
        out.writeLong(key);
        out.writeUTF(ids[near]);
        out.writeDouble(sim);
      }
    }
    AtomicFiles.commit(AtomicFiles.tmp(similar), similar);
    Files.deleteIfExists(raw);
  }

  /** A double's bits as a long that sorts like the double (NaN last after negation). */
  static long sortable(double d) {
    if (Double.isNaN(d)) return Long.MIN_VALUE; // ranks after every score once inverted
    long bits = Double.doubleToLongBits(d == 0 ? 0.0 : d);
    return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
  }

  static double round(double d) {
    return Math.round(d * 1e4) / 1e4;
  }
}
