package io.winnow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.AtomicFiles;
import io.winnow.io.ByteLines;
import io.winnow.io.Compression;
import io.winnow.pipeline.OutputSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Writes the kept documents of every shard as a set number of files, {@code data/part-00000-of-00064.jsonl.zst}
 * and on, whatever the number of input shards: the documents in input order (shard by shard), part {@code j}
 * holding documents {@code [j·K/N, (j+1)·K/N)} of the {@code K} kept. The split depends on the counts alone, so
 * the output is the same whatever the workers or the input splits. Each part is its own task, reading only the
 * shards its range covers; lines are copied as they are (a JSON Lines record needs no parsing to move).
 *
 * <p>The output counts once its marker ({@code completions/output}, the parts and their sizes) is written; then
 * the shards' own data files are deleted.
 */
final class OutputRepartition {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunLayout layout;
  private final OutputSpec out;
  private final long[] keptPerShard;
  private final int parts;

  /**
   * @param keptPerShard kept documents of each shard, in shard order
   * @param textBytesOut bytes of kept text, for {@code target_file_bytes}
   */
  OutputRepartition(RunLayout layout, OutputSpec out, long[] keptPerShard, long textBytesOut) {
    this.layout = layout;
    this.out = out;
    this.keptPerShard = keptPerShard;
    long kept = 0;
    for (long k : keptPerShard) kept += k;
    long n = out.shards() > 0 ? out.shards() : Math.max(1, (textBytesOut + out.targetFileBytes() - 1) / out.targetFileBytes());
    // never more parts than documents (an empty part would be a file for nothing), at least one file
    this.parts = (int) Math.max(1, Math.min(Math.min(n, 99_999), kept));
  }

  int parts() {
    return parts;
  }

  /** True when the output marker exists and every part it lists is there at its size. */
  static boolean complete(RunLayout layout) throws IOException {
    Path marker = layout.outputMarker();
    if (!Files.exists(marker)) return false;
    JsonNode n;
    try {
      n = JSON.readTree(marker.toFile());
    } catch (IOException e) {
      return false;
    }
    if (n == null || !n.has("files")) return false;
    for (Iterator<Map.Entry<String, JsonNode>> it = n.get("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path f = layout.root().resolve(e.getKey());
      if (!Files.exists(f) || Files.size(f) != e.getValue().asLong()) return false;
    }
    return true;
  }

  /** Removes the output marker and every re-partitioned file (complete or temporary) before they are written again. */
  static void clean(RunLayout layout, OutputSpec out) throws IOException {
    Files.deleteIfExists(layout.outputMarker());
    if (!Files.isDirectory(layout.data())) return;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(layout.data(), out.split() + "-*-of-*")) {
      for (Path p : s) Files.deleteIfExists(p);
    }
  }

  /** One task per part; each returns the file it wrote. */
  List<Callable<Path>> tasks() {
    long kept = 0;
    for (long k : keptPerShard) kept += k;
    List<Callable<Path>> tasks = new ArrayList<>();
    for (int j = 0; j < parts; j++) {
      long from = Math.floorDiv(j * kept, (long) parts);
      long to = Math.floorDiv((j + 1) * kept, (long) parts);
      int part = j;
      tasks.add(() -> writePart(part, from, to));
    }
    return tasks;
  }

  /** Marks the output complete, then deletes the shards' data files it replaces. */
  void commit(List<Path> written) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode files = n.putObject("files");
    for (Path f : written) files.put(layout.root().relativize(f).toString(), Files.size(f));
    AtomicFiles.write(layout.outputMarker(), JSON.writeValueAsBytes(n));
    try (Stream<Path> s = Files.list(layout.shardData())) {
      for (Path p : s.toList()) Files.deleteIfExists(p);
    }
  }

  private Path writePart(int part, long from, long to) throws IOException {
    if (!out.format().equals("jsonl")) return writeFormatPart(part, from, to);
    Path target = layout.data().resolve(String.format("%s-%05d-of-%05d.jsonl%s", out.split(), part, parts, out.compression().extension()));
    try (OutputStream o = out.outputCompression().compress(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(target)), 1 << 16))) {
      long first = 0; // global number of the shard's first kept document
      for (int shard = 0; shard < keptPerShard.length && first < to; shard++) {
        long shardEnd = first + keptPerShard[shard];
        if (shardEnd > from) copy(shard, Math.max(0, from - first), Math.min(keptPerShard[shard], to - first), o);
        first = shardEnd;
      }
    }
    AtomicFiles.commit(AtomicFiles.tmp(target), target);
    return target;
  }

  /** A part in another format than JSON Lines: its provider reads the rows of the shards and writes them in one schema. */
  private Path writeFormatPart(int part, long from, long to) throws IOException {
    io.winnow.io.FormatProvider format = io.winnow.io.Formats.get(out.format());
    Path target = layout.data().resolve(String.format("%s-%05d-of-%05d%s", out.split(), part, parts, format.extension()));
    List<io.winnow.io.FormatProvider.FileRange> ranges = new ArrayList<>();
    List<Path> all = new ArrayList<>();
    long first = 0;
    for (int shard = 0; shard < keptPerShard.length; shard++) {
      List<Path> files = shardFiles(shard);
      all.addAll(files);
      long shardEnd = first + keptPerShard[shard];
      if (first < to && shardEnd > from) {
        ranges.add(new io.winnow.io.FormatProvider.FileRange(files, Math.max(0, from - first), Math.min(keptPerShard[shard], to - first)));
      }
      first = shardEnd;
    }
    format.writePart(target, ranges, all, out.compressionName(), out.rowGroupBytes());
    return target;
  }

  /** Copies documents {@code [from, to)} of one shard (its data files in order). */
  private void copy(int shard, long from, long to, OutputStream o) throws IOException {
    long line = 0;
    for (Path f : shardFiles(shard)) {
      try (InputStream in = Compression.open(Files.newInputStream(f)); ByteLines lines = new ByteLines(in)) {
        while (line < to && lines.next()) {
          if (line++ < from) continue;
          byte[] b = lines.buffer();
          int start = lines.start();
          while (start < lines.end() && b[start] == ' ') start++; // the writer's separator before a record
          o.write(b, start, lines.end() - start);
          o.write('\n');
        }
      }
      if (line >= to) return;
    }
    if (line < to) throw new IOException("shard " + shard + " has " + line + " kept documents in its data files, its statistics say " + keptPerShard[shard]);
  }

  private List<Path> shardFiles(int shard) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(layout.shardData(), RunLayout.shardName(shard) + "-*")) {
      List<Path> files = new ArrayList<>();
      for (Path p : s) if (!p.getFileName().toString().endsWith(AtomicFiles.TMP_SUFFIX)) files.add(p);
      files.sort(null);
      return files;
    }
  }
}
