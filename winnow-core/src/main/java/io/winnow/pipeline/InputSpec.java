package io.winnow.pipeline;

import java.util.List;

/**
 * The {@code input} section: which files to read and how.
 *
 * @param paths files, directories (read recursively) or globs ({@code data/*.jsonl.gz}); relative paths are
 *     resolved against the working directory
 * @param format {@code auto} (by extension), {@code jsonl}, {@code wet}, {@code warc}, or a format provider's
 *     ({@code text}, {@code paragraphs}, {@code html}, {@code csv}, {@code tsv}, {@code parquet}, the chat formats,
 *     {@code code})
 * @param idField JSON field holding the document id (absent → {@code file:line})
 * @param textField JSON field holding the text
 * @param splitBytes an uncompressed JSON Lines file larger than this is read as several shards of about this
 *     size, split at line ends, so one big file keeps every worker busy (0: one shard per file)
 */
public record InputSpec(List<String> paths, String format, String idField, String textField, long splitBytes) {
  /** 128 MiB: a few seconds of work per shard, few enough shards for the output to stay in large files. */
  public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

  public static final List<String> BUILT_IN_FORMATS = List.of("auto", "jsonl", "wet", "warc");

  /** The format reads a folder as one input (a source checkout), instead of walking it for files. */
  public boolean readsFolders() {
    io.winnow.io.FormatProvider p = io.winnow.io.Formats.get(format);
    return p != null && p.readsFolders();
  }

  static InputSpec from(Params p) {
    List<String> paths = p.getStrings("paths", null);
    if (paths == null || paths.isEmpty()) throw new PipelineException(p.where() + ": 'paths' is required (files, directories or globs)");
    java.util.List<String> formats = new java.util.ArrayList<>(BUILT_IN_FORMATS);
    formats.addAll(io.winnow.io.Formats.names());
    InputSpec s = new InputSpec(paths, p.getChoice("format", "auto", formats.toArray(String[]::new)),
        p.getString("id_field", "id"), p.getString("text_field", "text"),
        p.getLong("split_bytes", DEFAULT_SPLIT_BYTES, 0, Long.MAX_VALUE));
    p.finish();
    return s;
  }
}
