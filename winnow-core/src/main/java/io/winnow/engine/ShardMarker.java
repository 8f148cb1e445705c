package io.winnow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The completion marker of a shard, written last: the input it came from and the data files and decision log
 * the shard committed, with their sizes. On resume a marker counts only while those files are all there at
 * those sizes and the shard's statistics exist, so a file deleted or truncated after the run does not pass for
 * finished work. (The statistics are not listed by size: they hold timings, so their size varies by run.)
 */
final class ShardMarker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShardMarker() {}

  /** @param files the shard's data files and decision log, all inside the run directory */
  static void write(RunLayout layout, int shard, String source, List<Path> files) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("source", source);
    ObjectNode sizes = n.putObject("files");
    for (Path f : files) sizes.put(layout.root().relativize(f).toString(), Files.size(f));
    AtomicFiles.write(layout.marker(shard), JSON.writeValueAsBytes(n));
  }

  /** Null when shard {@code shard} is complete and intact; otherwise why it must be redone. */
  static String problem(RunLayout layout, int shard) throws IOException {
    return problem(layout, shard, null);
  }

  /**
   * As above, not asking for the files under {@code gone} (the shard data a complete re-partitioned output
   * replaced), or asking for all when it is null.
   */
  static String problem(RunLayout layout, int shard, Path gone) throws IOException {
    Path marker = layout.marker(shard);
    if (!Files.exists(marker)) return "not finished";
    JsonNode n;
    try {
      n = JSON.readTree(marker.toFile());
    } catch (IOException e) {
      return "its completion marker " + marker + " is unreadable (" + e.getMessage() + ")";
    }
    if (n == null || !n.has("files")) return "its completion marker " + marker + " lists no files";
    for (Iterator<Map.Entry<String, JsonNode>> it = n.get("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path f = layout.root().resolve(e.getKey());
      if (gone != null && f.startsWith(gone)) continue;
      if (!Files.exists(f)) return e.getKey() + " is missing";
      if (Files.size(f) != e.getValue().asLong()) return e.getKey() + " has " + Files.size(f) + " bytes, " + e.getValue().asLong() + " were written";
    }
    if (!Files.exists(layout.shardStats(shard))) return layout.root().relativize(layout.shardStats(shard)) + " is missing";
    return null;
  }
}
