package io.winnow.pipeline;

import io.winnow.io.Compression;

/**
 * The {@code output} section.
 *
 * @param path the run directory: kept documents in {@code data/}, the decision log in {@code decisions/},
 *     statistics, completion markers
 * @param compression of the data files and the decision log: {@code zstd} (default), {@code gzip}, {@code none}
 * @param maxFileBytes roll to a new data file after this many uncompressed bytes (the output shard size)
 */
public record OutputSpec(String path, String format, Compression compression, long maxFileBytes) {
  static OutputSpec from(Params p) {
    OutputSpec s = new OutputSpec(p.getString("path", null),
        p.getChoice("format", "jsonl", "jsonl"),
        Compression.parse(p.getChoice("compression", "zstd", "zstd", "gzip", "none")),
        p.getLong("max_file_bytes", 1L << 30, 1L << 10, Long.MAX_VALUE));
    p.finish();
    return s;
  }

  public OutputSpec withPath(String newPath) {
    return new OutputSpec(newPath, format, compression, maxFileBytes);
  }
}
