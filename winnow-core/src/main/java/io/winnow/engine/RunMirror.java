package io.winnow.engine;

import io.winnow.io.AtomicFiles;
import io.winnow.io.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A remote run directory and the local working copy the engine writes. The engine runs on the copy exactly as on
 * a local run; this class brings the remote run down before a resume and sends the copy up as it progresses:
 * each shard's files as soon as it completes, its completion marker last, so that at any moment the remote
 * directory holds only markers whose files are all there (the same rule a resume checks, {@link ShardMarker}).
 * Each file is committed with {@link Storage#upload}, which never exposes a partial file.
 */
final class RunMirror {
  private final Storage store;
  private final String remote;
  private final RunLayout local;

  RunMirror(Storage store, String remote, Path localRoot) {
    this.store = store;
    this.remote = remote.endsWith("/") ? remote.substring(0, remote.length() - 1) : remote;
    this.local = new RunLayout(localRoot);
  }

  String remoteRoot() {
    return remote;
  }

  /**
   * Makes the working copy equal to the remote run: empty for a new run (refused when the remote folder holds a
   * run or anything else), the remote files for a resume (files of the same size already here are kept).
   */
  void pull(boolean resume) throws IOException {
    Map<String, Long> remoteFiles = remoteFiles();
    boolean holdsRun = remoteFiles.containsKey("run.json");
    if (holdsRun && !resume) {
      throw new RunFailedException(remote + " already holds a run; pass --resume to finish it, or choose another output path");
    }
    if (!holdsRun && !remoteFiles.isEmpty()) {
      throw new RunFailedException(remote + " exists and is not a Winnow run; choose another output path");
    }
    Files.createDirectories(local.root());
    for (Path f : localFiles()) {
      Long size = remoteFiles.get(relative(f));
      if (size == null || size != Files.size(f)) Files.delete(f);
    }
    for (Map.Entry<String, Long> e : remoteFiles.entrySet()) {
      Path f = local.root().resolve(e.getKey());
      if (!Files.isRegularFile(f)) store.download(store.resolve(remote, e.getKey()), f);
    }
  }

  /** Sends one file of the working copy up (run.json, a corpus step's fitted marker). */
  void push(Path file) throws IOException {
    store.upload(file, store.resolve(remote, relative(file)));
  }

  /** Sends a completed shard up: its old marker goes first, then its files, then its new marker. */
  void pushShard(int shard) throws IOException {
    String name = RunLayout.shardName(shard);
    store.delete(store.resolve(remote, relative(local.marker(shard))));
    for (Path dir : List.of(local.data(), local.shardData(), local.excluded(), local.decisions(), local.stats())) {
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.sorted().toList()) if (RunLayout.isShardFile(f.getFileName().toString(), name) && !isTemporary(f)) push(f);
      }
    }
    push(local.marker(shard));
  }

  /** Sends a folder of the working copy up (a corpus step's observations), {@code last} after everything else. */
  void pushFolder(Path folder, Path last) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.equals(last) && !isTemporary(f)).sorted().toList()) push(f);
    }
    if (Files.isRegularFile(last)) push(last);
  }

  /**
   * Makes the remote run equal to the working copy once the run is done: stale markers are removed first, then
   * every file that is missing or of another size is sent (completion markers last), then remote files the run
   * removed (the leftovers of redone shards, shard data a re-partitioned output replaced) are deleted.
   */
  void sync() throws IOException {
    Map<String, Long> before = remoteFiles();
    Map<String, Path> now = new LinkedHashMap<>();
    for (Path f : localFiles()) now.put(relative(f), f);
    for (String r : before.keySet()) if (isMarker(r) && !now.containsKey(r)) store.delete(store.resolve(remote, r));
    List<Path> markers = new ArrayList<>();
    for (Map.Entry<String, Path> e : now.entrySet()) {
      Long size = before.get(e.getKey());
      if (size != null && size == Files.size(e.getValue()) && !isMarker(e.getKey())) continue;
      if (isMarker(e.getKey())) markers.add(e.getValue());
      else push(e.getValue());
    }
    for (Path m : markers) push(m);
    for (String r : before.keySet()) if (!isMarker(r) && !now.containsKey(r)) store.delete(store.resolve(remote, r));
  }

  private boolean isMarker(String relative) {
    return relative.startsWith(local.root().relativize(local.completions()) + "/");
  }

  private static boolean isTemporary(Path f) {
    return f.getFileName().toString().endsWith(AtomicFiles.TMP_SUFFIX);
  }

  private String relative(Path f) {
    return local.root().relativize(f).toString().replace('\\', '/');
  }

  /** The files of the remote run by relative path, with their sizes; its lock and temporary files left out. */
  private Map<String, Long> remoteFiles() throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    String prefix = remote + "/";
    for (String f : store.listFiles(remote)) {
      if (!f.startsWith(prefix)) throw new IOException(f + " is listed under " + remote + " but is not named below it");
      String r = f.substring(prefix.length());
      if (r.equals(RunLock.FILE_NAME) || r.endsWith(AtomicFiles.TMP_SUFFIX)) continue;
      Storage.FileInfo info = store.stat(f);
      if (info != null) out.put(r, info.bytes());
    }
    return out;
  }

  /** The working copy's files, without its lock and temporary files. */
  private List<Path> localFiles() throws IOException {
    if (!Files.isDirectory(local.root())) return List.of();
    try (Stream<Path> s = Files.walk(local.root())) {
      return s.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().equals(RunLock.FILE_NAME) && !isTemporary(f))
          .sorted().toList();
    }
  }
}
