package io.winnow.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file format contributed by another module (found with {@link java.util.ServiceLoader}), so that heavy
 * dependencies such as Parquet's stay out of the core. A module lists its provider in
 * {@code META-INF/services/io.winnow.io.FormatProvider}.
 */
public interface FormatProvider {
  /** The format's name in pipeline files, e.g. {@code parquet}. */
  String name();

  /** True when a file name announces this format (for {@code format: auto}). */
  boolean handles(String fileName);

  /**
   * @param file the input: a file, or a folder when {@link #readsFolders()}
   */
  DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) throws IOException;

  /**
   * True when a folder given as an input path is one input of this format (a source checkout read file by file
   * as documents), instead of being walked for input files. A glob then matches folders too.
   */
  default boolean readsFolders() {
    return false;
  }

  /** False for formats that only read (plain text, HTML, CSV, source folders): output cannot name them. */
  default boolean writes() {
    return true;
  }

  /**
   * @param base the shard's file name prefix, e.g. {@code part-00003}
   * @param compression the configured compression name (zstd, gzip, snappy, none)
   * @param rowGroupBytes the row-group size for columnar formats
   */
  DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField) throws IOException;
}
