package io.winnow.pipeline;

import io.winnow.io.Compression;
import io.winnow.io.OutputCompression;

/**
 * The {@code output} section.
 *
 * @param path the run directory: kept documents in {@code data/}, the decision log in {@code decisions/},
 *     statistics, completion markers
 * @param format {@code jsonl} or a format of another module ({@code parquet})
 * @param compressionName of the data files and the decision log: {@code zstd} (default), {@code gzip},
 *     {@code none}, and for Parquet {@code snappy}
 * @param compressionLevel of the JSONL data files and the decision log: zstd -7 (fastest) to 22, default 3;
 *     gzip 1 to 9, default 6 (Parquet files keep their codec's default)
 * @param maxFileBytes roll to a new data file after this many uncompressed bytes (the output shard size)
 * @param rowGroupBytes row-group size of Parquet output
 * @param shards write the kept documents as this many files {@code part-00000-of-NNNNN}, in input order and of
 *     about equal document counts, whatever the number of input shards (0: one set of files per input shard)
 * @param targetFileBytes as {@code shards}, with the count chosen so that files hold about this many bytes of
 *     text (0: off)
 * @param excluded also write dropped documents, as the dropping step saw them and with their reason
 *     ({@code winnow_dropped_by}, {@code winnow_reason}), to {@code excluded/} as JSONL
 * @param annotationPrefix empty: a step may not overwrite a field the input record has (the run fails naming the
 *     field and the step), unless the input is a Winnow run's output where the same step wrote it; otherwise
 *     every field a step adds is written under this prefix ({@code winnow.language}) beside the input's fields,
 *     which keep their input values (see README, "Annotations and input fields")
 * @param split the name of re-partitioned files, {@code <split>-00000-of-00008.<ext>}: {@code part} (default),
 *     or a Hugging Face split name such as {@code train}
 */
public record OutputSpec(String path, String format, String compressionName, int compressionLevel, long maxFileBytes, long rowGroupBytes,
    int shards, long targetFileBytes, boolean excluded, String annotationPrefix, String split) {
  /** Path meaning standard output: the kept documents are written there as JSON Lines. */
  public static final String STDOUT = "-";

  static OutputSpec from(Params p) {
    java.util.List<String> formats = new java.util.ArrayList<>(java.util.List.of("jsonl"));
    formats.addAll(io.winnow.io.Formats.writerNames());
    String format = p.getChoice("format", "jsonl", formats.toArray(String[]::new));
    String compression = format.equals("jsonl")
        ? p.getChoice("compression", "zstd", "zstd", "gzip", "none")
        : p.getChoice("compression", "zstd", "zstd", "snappy", "gzip", "none");
    OutputSpec s = new OutputSpec(p.getString("path", null), format, compression, level(p, compression),
        p.getLong("max_file_bytes", 1L << 30, 1L << 10, Long.MAX_VALUE),
        p.getLong("row_group_bytes", 128L << 20, 1L << 16, 1L << 31),
        p.getInt("shards", 0, 0, 99_999), p.getLong("target_file_bytes", 0, 0, Long.MAX_VALUE),
        p.getBool("excluded", false), p.getString("annotation_prefix", ""), p.getString("split", "part"));
    if (s.shards > 0 && s.targetFileBytes > 0) throw p.invalid("shards", "set either shards or target_file_bytes, not both");
    if (s.repartitions() && !format.equals("jsonl") && !format.equals("parquet")) {
      throw p.invalid("shards", "re-partitioned output is written as jsonl or parquet only");
    }
    if (!s.split.matches("[A-Za-z0-9_.]+") || s.split.contains("-of-")) {
      throw p.invalid("split", "a split name is letters, digits, '_' and '.' (train, validation, test), got '" + s.split + "'");
    }
    if (s.annotationPrefix.contains("/")) throw p.invalid("annotation_prefix", "a field name prefix cannot hold '/'");
    p.finish();
    return s;
  }

  /** {@code compression_level} within the levels of the codec that the JSONL files and the log are written with. */
  private static int level(Params p, String compressionName) {
    Compression c = logAndJsonlCodec(compressionName);
    if (c == Compression.NONE) {
      if (p.optInt("compression_level", null, Integer.MIN_VALUE, Integer.MAX_VALUE) != null) {
        throw p.invalid("compression_level", "uncompressed output has no level");
      }
      return 0;
    }
    return p.getInt("compression_level", c.defaultLevel(), c.minLevel(), c.maxLevel());
  }

  /** The kept documents are re-partitioned into a set number of files once every shard is done. */
  public boolean repartitions() {
    return shards > 0 || targetFileBytes > 0;
  }

  /** Compression of the decision log and of JSONL data files (the log is always JSONL). */
  public Compression compression() {
    return logAndJsonlCodec(compressionName);
  }

  /** Parquet's snappy has no JSONL counterpart: the decision log beside Parquet files is then zstd. */
  private static Compression logAndJsonlCodec(String compressionName) {
    return compressionName.equals("snappy") ? Compression.ZSTD : Compression.parse(compressionName);
  }

  /** {@link #compression()} at the configured level. */
  public OutputCompression outputCompression() {
    return new OutputCompression(compression(), compressionLevel);
  }

  /** The output of a run whose kept documents go to standard output: uncompressed JSON Lines in {@code runDir}. */
  public OutputSpec forStandardOutput(String runDir) {
    return new OutputSpec(runDir, "jsonl", "none", 0, maxFileBytes, rowGroupBytes, 0, 0, excluded, annotationPrefix, split);
  }

  public OutputSpec withPath(String newPath) {
    return new OutputSpec(newPath, format, compressionName, compressionLevel, maxFileBytes, rowGroupBytes, shards, targetFileBytes, excluded,
        annotationPrefix, split);
  }
}
