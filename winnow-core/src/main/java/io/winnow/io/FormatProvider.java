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

  /**
   * A writer for the shard that reads {@code inputFile}: a format that can keep the shape of its own input (the
   * columns and types of a Parquet file) does so when {@code inputFile} is of this format; by default as
   * {@link #openWriter(Path, String, String, long, long, String, String)}.
   */
  default DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField, Path inputFile) throws IOException {
    return openWriter(dir, base, compression, maxFileBytes, rowGroupBytes, idField, textField);
  }

  /** The documents {@code [from, to)} of one shard's data files, counted across the files in order. */
  record FileRange(java.util.List<Path> files, long from, long to) {}

  /**
   * Writes one re-partitioned output file: the documents of {@code ranges} in order, in one shape common to
   * {@code allFiles} (every shard data file of the run, so that every part has the same columns). Formats that
   * cannot be re-partitioned throw.
   */
  default void writePart(Path target, java.util.List<FileRange> ranges, java.util.List<Path> allFiles, String compression,
      long rowGroupBytes) throws IOException {
    throw new UnsupportedOperationException(name() + " output cannot be re-partitioned");
  }

  /** The file name extension of written files, with its dot. */
  default String extension() {
    return "." + name();
  }

  /**
   * The Hugging Face {@code features} of written files (name and {@code dtype}, {@code struct}, {@code sequence}),
   * as the dataset card lists them; null when the format does not know its columns.
   */
  default java.util.List<java.util.Map<String, Object>> features(java.util.List<Path> files) throws IOException {
    return null;
  }
}
