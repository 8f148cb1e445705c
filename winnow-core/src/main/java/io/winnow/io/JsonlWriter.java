package io.winnow.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.doc.Document;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes kept documents as JSON Lines ({@code id}, {@code text}, then the metadata fields), rolling to a new
 * file after {@code maxFileBytes} uncompressed bytes: {@code <base>-000.jsonl.zst}, {@code <base>-001...}.
 * Files are written under temporary names; {@link #commit()} renames them all when the shard is complete.
 */
public final class JsonlWriter implements DocumentWriter {
  /**
   * Writes the metadata values. Its default flushes the generator after each value, which through zstd ends a
   * compressed block and through the file a write call: once per field of every record.
   */
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private final Path dir;
  private final String base;
  private final OutputCompression compression;
  private final long maxFileBytes;
  private final SerializedString idField;
  private final SerializedString textField;
  private final List<Path> finished = new ArrayList<>();
  private JsonGenerator gen;
  private CountingOutputStream counter;
  private Path current;
  private int sequence;

  public JsonlWriter(Path dir, String base, Compression compression, long maxFileBytes, String idField, String textField) {
    this(dir, base, OutputCompression.of(compression), maxFileBytes, idField, textField);
  }

  public JsonlWriter(Path dir, String base, OutputCompression compression, long maxFileBytes, String idField, String textField) {
    this.dir = dir;
    this.base = base;
    this.compression = compression;
    this.maxFileBytes = maxFileBytes;
    this.idField = new SerializedString(idField);
    this.textField = new SerializedString(textField);
  }

  @Override
  public void write(Document doc) throws IOException {
    if (gen == null) open();
    gen.writeStartObject();
    gen.writeFieldName(idField);
    gen.writeString(doc.id());
    gen.writeFieldName(textField);
    byte[] escaped = doc.jsonText();
    if (escaped != null) gen.writeRawUTF8String(escaped, 0, escaped.length); // the bytes writeString would give
    else gen.writeString(doc.text());
    for (Map.Entry<String, Object> e : doc.metadata().entrySet()) {
      gen.writeFieldName(e.getKey());
      JSON.writeValue(gen, e.getValue());
    }
    gen.writeEndObject();
    gen.writeRaw('\n');
    // the bytes of the records so far, passed on or still in the generator's buffer (which a long text, copied
    // as it was read, skips)
    if (counter.count + gen.getOutputBuffered() >= maxFileBytes) {
      gen.flush(); // a rolled file ends with a flushed block, as it always has
      closeCurrent();
    }
  }

  private void open() throws IOException {
    current = dir.resolve(String.format("%s-%03d.jsonl%s", base, sequence++, compression.extension()));
    OutputStream file = compression.compress(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(current)), 1 << 16));
    // compressing is the largest part of writing: on a thread of its own it overlaps with the worker's steps
    // (the same bytes, the same CPU, less wall time when the machine has a core to spare)
    if (compression.codec() != Compression.NONE) file = new BackgroundOutputStream(file, "compress-" + current.getFileName());
    counter = new CountingOutputStream(file);
    gen = JSON.getFactory().createGenerator(counter, JsonEncoding.UTF8);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
    // each record ends with its own '\n': Jackson's separator between root values (a space) would begin every
    // line after the first
    gen.setRootValueSeparator(null);
  }

  private void closeCurrent() throws IOException {
    gen.close();
    finished.add(current);
    gen = null;
  }

  /** Closes the open file and renames every file of this writer to its final name. */
  @Override
  public List<Path> commit() throws IOException {
    if (gen != null) closeCurrent();
    for (Path p : finished) AtomicFiles.commit(AtomicFiles.tmp(p), p);
    return List.copyOf(finished);
  }

  /** Closes an uncommitted file without renaming it: an aborted shard leaves only temporary files. */
  @Override
  public void close() throws IOException {
    if (gen != null) {
      gen.close();
      gen = null;
    }
  }

  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
