package io.winnow.parquet;

import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.FormatProvider;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code parquet} input and output format. */
public final class ParquetFormat implements FormatProvider {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  @Override
  public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) throws IOException {
    return new ParquetDocumentReader(file, idField, textField, limits);
  }

  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField) {
    return new ParquetDocumentWriter(dir, base, compression, maxFileBytes, rowGroupBytes, idField, textField);
  }
}
