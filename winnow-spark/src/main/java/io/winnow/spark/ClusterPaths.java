package io.winnow.spark;

import io.winnow.engine.RunFailedException;
import io.winnow.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On a cluster, a relative path means something else on every machine: each executor resolves it in its own work
 * directory, where the input is missing (records rejected as unreadable) and the shard files would be left behind
 * (an empty run that reports success). So, when the master is not local, the run refuses at start to take relative
 * input or output paths, or relative names of files the pipeline names (URL lists, benchmark sets, a tokenizer),
 * unless the name is that of a file shipped with {@code --files} ({@code spark.files}), which Spark puts in every
 * executor's work directory.
 */
final class ClusterPaths {
  private ClusterPaths() {}

  /**
   * @param shipped the file names of {@code spark.files} (their last path component)
   * @throws RunFailedException naming every relative path found
   */
  static void refuseRelative(Pipeline pipeline, String outputPath, Set<String> shipped, String master) {
    List<String> problems = new ArrayList<>();
    for (String p : pipeline.input().paths()) if (relative(p)) problems.add("input path '" + p + "'");
    if (relative(outputPath)) problems.add("output path '" + outputPath + "'");
    List<String> named = new ArrayList<>();
    strings(pipeline.definition().get("steps"), named);
    strings(pipeline.definition().get("run"), named);
    for (String v : new HashSet<>(named)) {
      if (relative(v) && existsHere(v) && !shipped.contains(v)) problems.add("file '" + v + "'");
    }
    if (problems.isEmpty()) return;
    problems.sort(null);
    throw new RunFailedException("relative paths on a cluster (master " + master + ") would be read and written in each "
        + "executor's own work directory: " + String.join(", ", problems) + "; give absolute paths or URIs (hdfs://, s3a://, "
        + "file:/// on a file system every node mounts), or ship a file with --files and name it without a directory");
  }

  /** Names of spark.files entries (a comma-separated list of paths or URIs), as executors see them. */
  static Set<String> shippedNames(String sparkFiles) {
    Set<String> out = new HashSet<>();
    if (sparkFiles == null) return out;
    for (String f : sparkFiles.split(",")) {
      String t = f.trim();
      if (t.isEmpty()) continue;
      int hash = t.indexOf('#'); // YARN's file#alias
      out.add(hash >= 0 ? t.substring(hash + 1) : t.substring(t.lastIndexOf('/') + 1));
    }
    return out;
  }

  /** A plain path (no scheme) that is not absolute. */
  static boolean relative(String p) {
    if (p == null || p.isEmpty() || !HadoopFiles.isLocal(p) || p.startsWith("file:")) return false;
    return !p.startsWith("/");
  }

  private static boolean existsHere(String v) {
    try {
      return Files.exists(Path.of(v));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Every string value in a parsed section of the pipeline file. */
  private static void strings(Object node, List<String> out) {
    if (node instanceof String s) out.add(s);
    else if (node instanceof Map<?, ?> m) m.values().forEach(v -> strings(v, out));
    else if (node instanceof Iterable<?> it) it.forEach(v -> strings(v, out));
  }
}
