package io.winnow.io.text;

import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.FormatProvider;
import io.winnow.io.ReaderLimits;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Input formats for data that is not in records: plain text files, paragraphs of text files, HTML pages, CSV and
 * TSV tables. They read only; output is JSON Lines or Parquet.
 */
public abstract class TextFormats implements FormatProvider {
  private final String name;
  private final String[] extensions;

  TextFormats(String name, String... extensions) {
    this.name = name;
    this.extensions = extensions;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean handles(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|gzip|zst|zstd|bz2|xz|lz4)$", "");
    for (String e : extensions) if (n.endsWith(e)) return true;
    return false;
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField) {
    throw new UnsupportedOperationException("format '" + name + "' is read only; write jsonl or parquet");
  }

  /** {@code format: text}: each file is one document (a {@code .txt} file by name). */
  public static final class Text extends TextFormats {
    public Text() {
      super("text", ".txt", ".text");
    }

    @Override
    public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) {
      return new WholeFileReader(file, limits);
    }
  }

  /** {@code format: paragraphs}: each blank-line-separated paragraph of a text file is one document. */
  public static final class Paragraphs extends TextFormats {
    public Paragraphs() {
      super("paragraphs");
    }

    @Override
    public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) {
      return new ParagraphReader(file, limits);
    }
  }

  /** {@code format: html}: each file is one HTML page, decoded by its charset, for the {@code extract} step. */
  public static final class Html extends TextFormats {
    public Html() {
      super("html", ".html", ".htm", ".xhtml");
    }

    @Override
    public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) {
      return new WholeFileReader(file, limits);
    }
  }

  /** {@code format: csv}: a comma-separated table with a header row. */
  public static final class Csv extends TextFormats {
    public Csv() {
      super("csv", ".csv");
    }

    @Override
    public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) {
      return new CsvReader(file, ',', idField, textField, limits);
    }
  }

  /** {@code format: tsv}: a tab-separated table with a header row. */
  public static final class Tsv extends TextFormats {
    public Tsv() {
      super("tsv", ".tsv", ".tab");
    }

    @Override
    public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) {
      return new CsvReader(file, '\t', idField, textField, limits);
    }
  }
}
