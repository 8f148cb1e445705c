package io.winnow.io.text;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.DocumentReader;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file as one document: its id is the file's path as given, its metadata {@code path} and {@code charset}.
 * Used by {@code format: text} (the text as it is) and {@code format: html} (the page, for the {@code extract} step).
 */
final class WholeFileReader implements DocumentReader {
  private final Path file;
  private final ReaderLimits limits;
  private boolean done;

  WholeFileReader(Path file, ReaderLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  @Override
  public ReadResult next() {
    if (done) return null;
    done = true;
    String source = file.toString();
    WholeFile f = WholeFile.read(file, source, limits);
    if (f.rejection() != null) return ReadResult.rejected(f.rejection());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("path", source);
    metadata.put("charset", f.charset());
    return ReadResult.of(new Document(source, f.text(), metadata, Provenance.line(source, 1)));
  }

  @Override
  public void close() {}
}
