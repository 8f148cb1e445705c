package io.winnow.parquet;

import io.winnow.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * The part files a Parquet writer fills: {@code base-000.parquet}, {@code base-001.parquet}, … each written under a
 * temporary name, a new one begun when the current one reaches {@code maxFileBytes} or the schema changes, and all
 * renamed into place at {@link #commit()}. Shared by the document and conversation writers.
 */
final class ParquetParts implements AutoCloseable {
  private final Path dir;
  private final String base;
  private final CompressionCodecName codec;
  private final long maxFileBytes;
  private final long rowGroupBytes;
  private final List<Path> finished = new ArrayList<>();
  private ParquetWriter<Group> writer;
  private MessageType schema;
  private Path current;
  private int sequence;
  /** The one file of a {@link #single} writer, or null. */
  private final Path only;

  ParquetParts(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes) {
    this(dir, base, compression, maxFileBytes, rowGroupBytes, null);
  }

  private ParquetParts(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes, Path only) {
    this.only = only;
    this.dir = dir;
    this.base = base;
    this.codec = codec(compression);
    this.maxFileBytes = maxFileBytes;
    this.rowGroupBytes = rowGroupBytes;
  }

  /** Writes exactly the file {@code target}, in one schema, whatever its size (a re-partitioned part). */
  static ParquetParts single(Path target, String compression, long rowGroupBytes) {
    return new ParquetParts(target.getParent(), null, compression, Long.MAX_VALUE, rowGroupBytes, target);
  }

  /** The parquet codec of an {@code output.compression} name; anything else is no compression. */
  static CompressionCodecName codec(String compression) {
    return switch (compression) {
      case "zstd" -> CompressionCodecName.ZSTD;
      case "snappy" -> CompressionCodecName.SNAPPY;
      case "gzip" -> CompressionCodecName.GZIP;
      default -> CompressionCodecName.UNCOMPRESSED;
    };
  }

  /** Writes a row of schema {@code s} to the current part (a new part when there is none or its schema differs). */
  void write(Group row, MessageType s) throws IOException {
    if (writer != null && !s.equals(schema)) closeCurrent();
    if (writer == null) open(s);
    writer.write(row);
    if (writer.getDataSize() >= maxFileBytes) closeCurrent();
  }

  private void open(MessageType s) throws IOException {
    if (only != null && schema != null) throw new IllegalStateException(only + " is written in one schema; got a second one");
    schema = s;
    current = only != null ? only : dir.resolve(String.format("%s-%03d.parquet", base, sequence++));
    Path tmp = AtomicFiles.tmp(current);
    Files.deleteIfExists(tmp);
    writer = ExampleParquetWriter.builder(new LocalOutputFile(tmp)).withType(s).withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes).build();
  }

  private void closeCurrent() throws IOException {
    writer.close();
    writer = null;
    finished.add(current);
  }

  /** Closes the current part and renames every part into place. */
  List<Path> commit() throws IOException {
    if (writer != null) closeCurrent();
    for (Path p : finished) AtomicFiles.commit(AtomicFiles.tmp(p), p);
    return List.copyOf(finished);
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
