package io.winnow.step.select;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.AtomicFiles;
import io.winnow.io.PairSorter;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
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
  private final long memoryBytes;
  // the chosen documents (global index), in choice order: 8 bytes each
  private final LongArrayList chosen = new LongArrayList();
  private final ChosenBands bandIndex;
  private long tooSimilar;
  /** The first skipped near-copies (global index, choice index of the chosen one), for the report's examples. */
  private final LongArrayList exampleSkipped = new LongArrayList();
  private final IntArrayList exampleNear = new IntArrayList();

  SelectionFit(SelectStep.Config config, Path dir, int shards, long memoryBytes) {
    this.config = config;
    this.memoryBytes = memoryBytes;
    this.bandIndex = new ChosenBands(config.bands(), config.rows());
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
    try (PairSorter sorter = new PairSorter(sortDir, memoryBytes)) {
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
    Path similar = dir.resolve(SelectStep.SIMILAR);
    Path marks = dir.resolve("walked.bin");
    try (DataOutputStream sim = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(similar)), 1 << 16))) {
      Map<Long, Long> quota = config.balanceBy() == null ? null : Quotas.waterFill(groupSizes, target);
      if (quota == null) walk(order, target, null, sim, null, null);
      else {
        // the balanced pass writes the documents it decided, in score order; the fill pass skips them by merge
        try (DataOutputStream walked = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(marks), 1 << 16))) {
          walk(order, target, quota, sim, walked, null);
        }
        if (chosen.size() < target) {
          try (DataInputStream walked = new DataInputStream(new BufferedInputStream(Files.newInputStream(marks), 1 << 16))) {
            walk(order, target, null, sim, null, walked);
          }
        }
      }
    } finally {
      for (FileChannel c : channels) if (c != null) c.close();
      Files.deleteIfExists(marks);
    }
    AtomicFiles.commit(AtomicFiles.tmp(similar), similar);
    Files.deleteIfExists(order);
    writeSelected(total, target, before, groupSizes, groupNames);
  }

  /**
   * One greedy pass over the score order; {@code quota} caps each group (null: no caps). {@code walkedOut}
   * receives every document this pass decides, in score order; {@code walkedIn} (a previous pass's marks, a
   * subsequence of the same order) names those to pass over.
   */
  private void walk(Path order, long target, Map<Long, Long> quota, DataOutputStream sim, DataOutputStream walkedOut, DataInputStream walkedIn)
      throws IOException {
    Map<Long, Long> taken = new TreeMap<>();
    if (quota != null) for (long i = 0; i < chosen.size(); i++) taken.merge(record(chosen.getLong((int) i))[2], 1L, Long::sum);
    long nextWalked = nextMark(walkedIn);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(order), 1 << 16))) {
      for (long n = shardStart[shards]; n > 0 && chosen.size() < target; n--) {
        long g = in.readLong();
        if (g == nextWalked) {
          nextWalked = nextMark(walkedIn);
          continue;
        }
        long[] rec = record(g);
        if (quota != null && taken.getOrDefault(rec[2], 0L) >= quota.getOrDefault(rec[2], 0L)) continue;
        long[] sig = rec[4] == 0 ? null : java.util.Arrays.copyOfRange(rec, 5, width);
        int near = -1;
        double nearSim = 0;
        if (sig != null && config.maxSimilarity() < 1) {
          IntArrayList cands = bandIndex.candidates(sig);
          for (int i = 0; i < cands.size(); i++) {
            int c = cands.getInt(i);
            double s = similarity(sig, record(chosen.getLong(c)));
            if (s >= config.maxSimilarity() && s > nearSim) {
              near = c;
              nearSim = s;
            }
          }
        }
        if (walkedOut != null) walkedOut.writeLong(g);
        if (near >= 0) {
          sim.writeLong(rec[0]);
          sim.writeInt(near + 1);
          sim.writeDouble(nearSim);
          tooSimilar++;
          if (exampleSkipped.size() < config.examples()) {
            exampleSkipped.add(g);
            exampleNear.add(near);
          }
          continue;
        }
        if (sig != null) bandIndex.add(sig, chosen.size());
        chosen.add(g);
        if (quota != null) taken.merge(rec[2], 1L, Long::sum);
      }
    }
  }

  private static long nextMark(DataInputStream walked) throws IOException {
    if (walked == null) return -1;
    try {
      return walked.readLong();
    } catch (java.io.EOFException end) {
      return -1;
    }
  }

  /** The share of equal MinHash values between a signature and a chosen document's record (signature from 5). */
  private static double similarity(long[] a, long[] chosenRecord) {
    if (chosenRecord[4] == 0) return 0;
    int same = 0;
    for (int i = 0; i < a.length; i++) if (a[i] == chosenRecord[5 + i]) same++;
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

  /**
   * Writes the chosen documents (key, rank, id; in input order), their ids by rank ({@link ChosenIds}) and the
   * report. The (index, rank) pairs of the chosen (and of the few skipped examples, as negative ranks) are
   * sorted within the sort buffer and merged with one sequential pass over the line files, so only the
   * report's examples are held as text.
   */
  private void writeSelected(long total, long target, Sample before, Map<Long, Long> groupSizes, Map<Long, String> groupNames) throws IOException {
    it.unimi.dsi.fastutil.ints.IntOpenHashSet nearRanks = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
    for (int i = 0; i < exampleNear.size(); i++) nearRanks.add(exampleNear.getInt(i) + 1);
    Map<Integer, String[]> textOfRank = new TreeMap<>(); // rank -> (id, prompt), for the examples only
    String[][] skippedText = new String[exampleSkipped.size()][];
    for (int s = 0; s < shards; s++) channels[s] = FileChannel.open(SelectStep.records(dir, s), StandardOpenOption.READ);
    Sample after = new Sample();
    Map<Long, Long> groupsAfter = new TreeMap<>();
    Map<Integer, Map<String, Object>> examples = new TreeMap<>();
    Path selected = dir.resolve(SelectStep.SELECTED);
    try (PairSorter byIndex = new PairSorter(dir.resolve("sort"), memoryBytes);
        ChosenIds.Writer idsOut = new ChosenIds.Writer(dir, memoryBytes);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(selected)), 1 << 16))) {
      for (int i = 0; i < chosen.size(); i++) byIndex.add(chosen.getLong(i), i + 1);
      for (int i = 0; i < exampleSkipped.size(); i++) byIndex.add(exampleSkipped.getLong(i), -(i + 1));
      LineCursor lines = new LineCursor();
      try {
        byIndex.drain((g, rank) -> {
          String[] f = lines.at(g).split("\t", -1);
          String prompt = f.length > 2 ? f[2] : "";
          if (rank < 0) {
            skippedText[(int) -rank - 1] = new String[] {f[0], prompt};
            return;
          }
          int r = (int) rank;
          long[] rec = record(g);
          out.writeLong(rec[0]);
          out.writeInt(r);
          out.writeUTF(f[0]);
          idsOut.add(r, f[0]);
          double score = Double.longBitsToDouble(rec[1]);
          after.add(score, rec[3]);
          groupsAfter.merge(rec[2], 1L, Long::sum);
          if (r <= config.examples() || nearRanks.contains(r)) textOfRank.put(r, new String[] {f[0], prompt});
          if (r <= config.examples()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rank", r);
            e.put("id", f[0]);
            e.put("score", round(score));
            e.put("prompt", prompt);
            examples.put(r, e);
          }
        });
      } finally {
        lines.close();
      }
      idsOut.finish();
    } finally {
      for (FileChannel c : channels) if (c != null) c.close();
    }
    AtomicFiles.commit(AtomicFiles.tmp(selected), selected);
    List<Map<String, Object>> similarExamples = new ArrayList<>();
    for (int i = 0; i < exampleSkipped.size(); i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      String[] near = textOfRank.get(exampleNear.getInt(i) + 1);
      e.put("id", skippedText[i][0]);
      e.put("prompt", skippedText[i][1]);
      e.put("similar_to", near[0]);
      e.put("similar_prompt", near[1]);
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
    report.put("examples", new ArrayList<>(examples.values()));
    report.put("too_similar_examples", similarExamples);
    AtomicFiles.write(dir.resolve(SelectStep.FIT_JSON), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
  }

  /** Reads the line files forward to a given global index (indexes asked in ascending order). */
  private final class LineCursor {
    private int shard = -1;
    private long next;
    private BufferedReader in;

    String at(long g) throws IOException {
      while (in == null || g >= shardStart[shard + 1]) {
        if (in != null) in.close();
        shard++;
        in = Files.newBufferedReader(SelectStep.lines(dir, shard), StandardCharsets.UTF_8);
        next = shardStart[shard];
      }
      String line = null;
      for (; next <= g; next++) {
        line = in.readLine();
        if (line == null) throw new IOException("lines of shard " + shard + " end early at line " + (next - shardStart[shard] + 1));
      }
      return line;
    }

    void close() throws IOException {
      if (in != null) in.close();
    }
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
