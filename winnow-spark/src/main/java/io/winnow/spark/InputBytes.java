package io.winnow.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * The size of a run's input files, what the corpus stages' partition count is derived from: one listing per
 * directory of inputs rather than a metadata call per file (a run may have 10^5 files in a few directories).
 */
final class InputBytes {
  private InputBytes() {}

  static long of(List<ShardRef> shards, Configuration conf) throws IOException {
    long total = 0;
    Map<Path, Set<String>> byDir = new LinkedHashMap<>();
    for (ShardRef s : shards) {
      if (!s.remote()) {
        total += Files.size(HadoopFiles.localPath(s.uri()));
        continue;
      }
      Path p = new Path(s.uri());
      byDir.computeIfAbsent(p.getParent(), d -> new HashSet<>()).add(p.getName());
    }
    for (Map.Entry<Path, Set<String>> e : byDir.entrySet()) {
      for (FileStatus st : HadoopFiles.fs(e.getKey().toString(), conf).listStatus(e.getKey())) {
        if (e.getValue().contains(st.getPath().getName())) total += st.getLen();
      }
    }
    return total;
  }
}
