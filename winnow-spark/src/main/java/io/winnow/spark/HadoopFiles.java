package io.winnow.spark;

import io.winnow.engine.RunLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Input and output through Hadoop file systems (local, HDFS, S3A, ...). Readers and writers of the core work on
 * local files, so a task reads a remote input from a local copy and writes its shard to a local directory that is
 * then uploaded file by file, each under a temporary name renamed when complete, the completion marker last.
 */
final class HadoopFiles {
  private HadoopFiles() {}

  /** A plain path or a file: URI; anything with another scheme (hdfs:, s3a:, ...) is remote. */
  static boolean isLocal(String uri) {
    return uri.startsWith("file:") || !uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");
  }

  static Path localPath(String uri) {
    return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
  }

  static FileSystem fs(String uri, Configuration conf) {
    try {
      FileSystem fs = new org.apache.hadoop.fs.Path(uri).getFileSystem(conf);
      // no .crc side files next to the outputs on the local file system
      fs.setWriteChecksum(false);
      fs.setVerifyChecksum(false);
      return fs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Input files under the given paths or glob patterns, directories expanded, sorted by path (as locally). */
  static List<String> listInputs(List<String> patterns, Configuration conf) throws IOException {
    List<String> out = new ArrayList<>();
    for (String pattern : patterns) {
      FileSystem fs = fs(pattern, conf);
      FileStatus[] matches = fs.globStatus(new org.apache.hadoop.fs.Path(pattern));
      if (matches == null || matches.length == 0) throw new IOException(pattern + ": no such file or directory");
      for (FileStatus st : matches) {
        if (st.isDirectory()) {
          var it = fs.listFiles(st.getPath(), true);
          while (it.hasNext()) {
            var f = it.next();
            String name = f.getPath().getName();
            if (!name.startsWith(".") && !name.startsWith("_")) out.add(f.getPath().toString());
          }
        } else {
          out.add(st.getPath().toString());
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** A local file with the shard's content: the file itself when it is local, else a copy under {@code tmp}. */
  static Path localInput(ShardRef shard, Path tmp, Configuration conf) throws IOException {
    String uri = shard.uri();
    if (!shard.remote()) return localPath(uri);
    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(uri);
    Path local = tmp.resolve("input-" + src.getName());
    fs(uri, conf).copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
    return local;
  }

  /** Uploads one shard's committed local files to the run directory; the completion marker goes last. */
  static void uploadShard(Path localRun, String destRun, String shardName, Configuration conf) throws IOException {
    FileSystem fs = fs(destRun, conf);
    List<Path> files;
    try (Stream<Path> s = Files.walk(localRun)) {
      files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(shardName)).sorted().toList();
    }
    Path marker = null;
    for (Path f : files) {
      if (localRun.relativize(f).startsWith("completions")) {
        marker = f;
        continue;
      }
      upload(fs, f, destRun, localRun.relativize(f).toString());
    }
    if (marker == null) throw new IOException("shard " + shardName + " has no completion marker: it did not finish");
    upload(fs, marker, destRun, localRun.relativize(marker).toString());
  }

  static void upload(FileSystem fs, Path local, String destRun, String relative) throws IOException {
    org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(destRun, relative);
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dst.getParent(), "." + dst.getName() + ".tmp");
    fs.mkdirs(dst.getParent());
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), tmp);
    fs.delete(dst, false);
    if (!fs.rename(tmp, dst)) throw new IOException("cannot rename " + tmp + " to " + dst);
  }

  static void write(String destRun, String relative, byte[] bytes, Configuration conf) throws IOException {
    Path tmp = Files.createTempFile("winnow-spark", ".tmp");
    try {
      Files.write(tmp, bytes);
      upload(fs(destRun, conf), tmp, destRun, relative);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A whole (small) file, e.g. the pipeline file, from any file system. */
  static byte[] readFile(String uri, Configuration conf) throws IOException {
    if (isLocal(uri)) return Files.readAllBytes(localPath(uri));
    try (var in = fs(uri, conf).open(new org.apache.hadoop.fs.Path(uri))) {
      return in.readAllBytes();
    }
  }

  static boolean exists(String destRun, String relative, Configuration conf) throws IOException {
    return fs(destRun, conf).exists(new org.apache.hadoop.fs.Path(destRun, relative));
  }

  static byte[] read(String destRun, String relative, Configuration conf) throws IOException {
    try (var in = fs(destRun, conf).open(new org.apache.hadoop.fs.Path(destRun, relative))) {
      return in.readAllBytes();
    }
  }

  /** Deletes every file of a shard that did not complete (no marker), before it runs again. */
  static void cleanShard(String destRun, String shardName, Configuration conf) throws IOException {
    cleanShards(destRun, Set.of(shardName), conf);
  }

  /**
   * Deletes every file of the given shards: one listing per directory for all of them (a listing per shard would
   * be a million metadata calls on an object store for a million inputs, and quadratic in the file count).
   */
  static void cleanShards(String destRun, Set<String> shardNames, Configuration conf) throws IOException {
    if (shardNames.isEmpty()) return;
    FileSystem fs = fs(destRun, conf);
    for (String dir : List.of("data", "decisions", "stats")) {
      org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(destRun, dir);
      if (!fs.exists(d)) continue;
      for (FileStatus st : fs.listStatus(d)) {
        String shard = shardOf(st.getPath().getName());
        if (shard != null && shardNames.contains(shard)) fs.delete(st.getPath(), false);
      }
    }
  }

  /** The file names in one directory of the run (e.g. the completion markers), empty when it does not exist. */
  static Set<String> names(String destRun, String dir, Configuration conf) throws IOException {
    FileSystem fs = fs(destRun, conf);
    org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(destRun, dir);
    Set<String> out = new HashSet<>();
    if (!fs.exists(d)) return out;
    for (FileStatus st : fs.listStatus(d)) out.add(st.getPath().getName());
    return out;
  }

  /** The shard a run file belongs to ({@code part-00042} for {@code part-00042-001.jsonl.zst} or its temporary). */
  static String shardOf(String fileName) {
    String n = fileName.startsWith(".") ? fileName.substring(1) : fileName;
    if (!n.startsWith("part-")) return null;
    int end = 5;
    while (end < n.length() && Character.isDigit(n.charAt(end))) end++;
    String shard = n.substring(0, end);
    return end > 5 && belongsToShard(fileName, shard) ? shard : null;
  }

  /** A shard's file ({@link RunLayout#isShardFile}), or its hidden temporary ({@code .part-10000….tmp}). */
  static boolean belongsToShard(String fileName, String shardName) {
    String n = fileName.startsWith(".") ? fileName.substring(1) : fileName;
    return n.equals(shardName) || RunLayout.isShardFile(n, shardName);
  }
}
