package io.winnow.step.decontam;

import io.winnow.text.NormalizedWords;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The n-grams of benchmark items: every run of {@code n} normalised words of every item text, as a 64-bit hash
 * pointing to the (first) item that holds it. Item texts shorter than {@code n} words are indexed whole and
 * matched by exact normalised containment; texts shorter than {@code minItemWords} are too generic to match
 * and are counted as skipped. N-grams that are mostly numbers (every number normalises to "0", so tables and
 * lists of figures collide everywhere) carry no evidence and are not indexed. Immutable once built; shared by
 * all workers.
 */
public final class DecontamIndex {
  private static final int MAGIC = 0x57444331; // "WDC1"

  private final int ngramSize;
  private final int minItemWords;
  private final String[] benchmarks;
  private final String[] ids;
  private final Long2IntOpenHashMap ngrams;
  /** shortItems[L]: whole items of L words (minItemWords ≤ L < ngramSize). */
  private final Long2IntOpenHashMap[] shortItems;
  private final int[] shortLengths;
  private final Map<String, long[]> perBenchmark; // items, n-grams, whole, skipped

  private DecontamIndex(int ngramSize, int minItemWords, String[] benchmarks, String[] ids, Long2IntOpenHashMap ngrams,
      Long2IntOpenHashMap[] shortItems, Map<String, long[]> perBenchmark) {
    this.ngramSize = ngramSize;
    this.minItemWords = minItemWords;
    this.benchmarks = benchmarks;
    this.ids = ids;
    this.ngrams = ngrams;
    this.shortItems = shortItems;
    this.perBenchmark = perBenchmark;
    List<Integer> lengths = new ArrayList<>();
    for (int l = 0; l < shortItems.length; l++) if (shortItems[l] != null && !shortItems[l].isEmpty()) lengths.add(l);
    this.shortLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
  }

  public static DecontamIndex build(List<BenchmarkItem> items, int ngramSize, int minItemWords) {
    if (minItemWords < 1 || minItemWords > ngramSize) throw new IllegalArgumentException("min_item_words must be in [1, ngram_size]");
    String[] benchmarks = new String[items.size()];
    String[] ids = new String[items.size()];
    Long2IntOpenHashMap ngrams = newMap(items.size() * 64);
    Long2IntOpenHashMap[] shorts = new Long2IntOpenHashMap[ngramSize];
    Map<String, long[]> per = new LinkedHashMap<>();
    NormalizedWords w = new NormalizedWords();
    for (int i = 0; i < items.size(); i++) {
      BenchmarkItem item = items.get(i);
      benchmarks[i] = item.benchmark();
      ids[i] = item.id();
      long[] st = per.computeIfAbsent(item.benchmark(), k -> new long[4]);
      st[0]++;
      for (String text : item.texts()) {
        w.scan(text);
        int n = w.size();
        if (n >= ngramSize) {
          for (int k = 0; k + ngramSize <= n; k++) {
            if (mostlyNumbers(w, k, ngramSize)) continue;
            if (ngrams.putIfAbsent(w.hash(k, ngramSize), i) == -1) st[1]++;
          }
        } else if (n >= minItemWords && !mostlyNumbers(w, 0, n)) {
          if (shorts[n] == null) shorts[n] = newMap(1024);
          shorts[n].putIfAbsent(w.hash(0, n), i);
          st[2]++;
        } else if (n > 0) {
          st[3]++;
        }
      }
    }
    return new DecontamIndex(ngramSize, minItemWords, benchmarks, ids, ngrams, shorts, per);
  }

  private static boolean mostlyNumbers(NormalizedWords w, int from, int count) {
    return 2 * w.numericWords(from, count) > count;
  }

  private static Long2IntOpenHashMap newMap(int expected) {
    Long2IntOpenHashMap m = new Long2IntOpenHashMap(expected);
    m.defaultReturnValue(-1);
    return m;
  }

  public int ngramSize() {
    return ngramSize;
  }

  public int items() {
    return ids.length;
  }

  public long indexedNgrams() {
    return ngrams.size();
  }

  /** Per benchmark: items, distinct n-grams indexed, texts matched whole, texts skipped as too short. */
  public Map<String, long[]> perBenchmark() {
    return perBenchmark;
  }

  public String benchmark(int item) {
    return benchmarks[item];
  }

  public String id(int item) {
    return ids[item];
  }

  /** Receives matches: words [from, to) of the scanned text equal part (or all) of {@code item}. */
  public interface MatchSink {
    void match(int from, int to, int item);
  }

  /** Looks up every n-gram (and every whole short item) of the scanned words. Allocates nothing. */
  public void findMatches(NormalizedWords w, MatchSink sink) {
    int n = w.size();
    for (int k = 0; k + ngramSize <= n; k++) {
      int item = ngrams.get(w.hash(k, ngramSize));
      if (item >= 0) sink.match(k, k + ngramSize, item);
    }
    for (int len : shortLengths) {
      Long2IntOpenHashMap m = shortItems[len];
      for (int k = 0; k + len <= n; k++) {
        int item = m.get(w.hash(k, len));
        if (item >= 0) sink.match(k, k + len, item);
      }
    }
  }

  // ------------------------------------------------------------------------------------------- files

  public void save(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(io.winnow.io.AtomicFiles.create(tmp), 1 << 16)))) {
      out.writeInt(MAGIC);
      out.writeInt(ngramSize);
      out.writeInt(minItemWords);
      out.writeInt(ids.length);
      for (int i = 0; i < ids.length; i++) {
        out.writeUTF(benchmarks[i]);
        out.writeUTF(ids[i]);
      }
      out.writeInt(perBenchmark.size());
      for (Map.Entry<String, long[]> e : perBenchmark.entrySet()) {
        out.writeUTF(e.getKey());
        for (long v : e.getValue()) out.writeLong(v);
      }
      writeMap(out, ngrams);
      for (int l = 0; l < ngramSize; l++) writeMap(out, shortItems[l] == null ? newMap(0) : shortItems[l]);
    }
    java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeMap(DataOutputStream out, Long2IntOpenHashMap m) throws IOException {
    out.writeInt(m.size());
    for (Long2IntMap.Entry e : m.long2IntEntrySet()) {
      out.writeLong(e.getLongKey());
      out.writeInt(e.getIntValue());
    }
  }

  public static DecontamIndex load(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
      if (in.readInt() != MAGIC) throw new IOException(file + " is not a Winnow decontamination index");
      int n = in.readInt();
      int minWords = in.readInt();
      int count = in.readInt();
      String[] benchmarks = new String[count];
      String[] ids = new String[count];
      for (int i = 0; i < count; i++) {
        benchmarks[i] = in.readUTF().intern();
        ids[i] = in.readUTF();
      }
      Map<String, long[]> per = new LinkedHashMap<>();
      int b = in.readInt();
      for (int i = 0; i < b; i++) {
        String name = in.readUTF();
        long[] v = new long[4];
        for (int k = 0; k < 4; k++) v[k] = in.readLong();
        per.put(name, v);
      }
      Long2IntOpenHashMap ngrams = readMap(in);
      Long2IntOpenHashMap[] shorts = new Long2IntOpenHashMap[n];
      for (int l = 0; l < n; l++) shorts[l] = readMap(in);
      return new DecontamIndex(n, minWords, benchmarks, ids, ngrams, shorts, per);
    }
  }

  private static Long2IntOpenHashMap readMap(DataInputStream in) throws IOException {
    int size = in.readInt();
    Long2IntOpenHashMap m = newMap(size);
    for (int i = 0; i < size; i++) m.put(in.readLong(), in.readInt());
    return m;
  }
}
