package io.winnow.io.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.Compression;
import io.winnow.io.DocumentReader;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV or TSV with a header row (RFC 4180 quoting: fields may hold the separator, quotes doubled, line breaks),
 * through Jackson's CSV parser. Each row is a document: the {@code text_field} column its text, the
 * {@code id_field} column its id (else {@code file:LINE}), every other column a metadata string. A row without
 * text is {@code input.missing_text}; a row with more fields than the header is {@code input.corrupt}; a header
 * without the text column refuses the file, naming the columns it has. Rows are UTF-8 (a byte-order mark is
 * skipped).
 */
final class CsvReader implements DocumentReader {
  private final String source;
  private final String idField;
  private final String textField;
  private final ReaderLimits limits;
  private final char separator;
  private final Path file;
  private CsvParser parser;
  private List<String> header;
  private boolean finished;

  CsvReader(Path file, char separator, String idField, String textField, ReaderLimits limits) {
    this.file = file;
    this.source = file.toString();
    this.separator = separator;
    this.idField = idField;
    this.textField = textField;
    this.limits = limits;
  }

  @Override
  public ReadResult next() {
    if (finished) return null;
    try {
      if (parser == null) {
        ReadResult refused = open();
        if (refused != null) return end(refused);
      }
      JsonToken t = parser.nextToken();
      if (t == null) return end(null);
      if (t != JsonToken.START_ARRAY) throw new IOException("expected a row");
      List<String> values = new ArrayList<>(header.size());
      long bytes = 0;
      long line = -1;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        // the row's own start: the array token is placed at the end of the line before
        if (line < 0) line = parser.currentTokenLocation().getLineNr();
        // past the limit the row is only counted to its end: a runaway row (an unclosed quote) is not kept in memory
        if (bytes > limits.maxDocumentBytes()) {
          bytes += parser.getTextLength();
          continue;
        }
        String v = parser.getText();
        bytes += v.length();
        values.add(v);
      }
      if (bytes > limits.maxDocumentBytes()) {
        return ReadResult.rejected(new Rejection(null, source + ":" + line, Rejection.Reason.TOO_LARGE,
            "the row is larger than run.max_document_bytes (" + limits.maxDocumentBytes() + ")"));
      }
      if (values.size() > header.size()) {
        return ReadResult.rejected(new Rejection(null, source + ":" + line, Rejection.Reason.CORRUPT,
            "the row has " + values.size() + " fields, the header " + header.size()));
      }
      return row(values, line);
    } catch (IOException e) {
      // quoting broken beyond repair: the parser cannot find the next row reliably, so the rest is one rejection
      long line = parser == null ? 1 : parser.currentLocation().getLineNr();
      return end(ReadResult.rejected(new Rejection(null, source + ":" + line, Rejection.Reason.CORRUPT,
          "unreadable CSV from here on (" + e.getMessage().lines().findFirst().orElse("") + ")")));
    }
  }

  private ReadResult open() throws IOException {
    Reader in = new InputStreamReader(Compression.open(Files.newInputStream(file)), StandardCharsets.UTF_8);
    CsvFactory f = new CsvFactory();
    parser = f.createParser(in);
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      return ReadResult.rejected(new Rejection(null, source, Rejection.Reason.EMPTY_FILE, "no header row"));
    }
    header = new ArrayList<>();
    for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_ARRAY; ) header.add(stripBom(parser.getText(), header.isEmpty()));
    if (!header.contains(textField)) {
      return ReadResult.rejected(new Rejection(null, source + ":1", Rejection.Reason.MISSING_TEXT,
          "no column '" + textField + "' (input.text_field) in the header; columns: " + String.join(", ", header)));
    }
    return null;
  }

  private static String stripBom(String s, boolean first) {
    return first && !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private ReadResult row(List<String> values, long line) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    String text = null;
    String id = null;
    for (int i = 0; i < values.size(); i++) {
      String column = header.get(i);
      if (column.equals(textField)) text = values.get(i);
      else if (column.equals(idField)) id = values.get(i);
      else metadata.put(column, values.get(i));
    }
    if (text == null || text.isEmpty()) {
      return ReadResult.rejected(new Rejection(id, source + ":" + line, Rejection.Reason.MISSING_TEXT, "the row's '" + textField + "' is empty"));
    }
    if (id == null || id.isEmpty()) id = source + ":" + line;
    return ReadResult.of(new Document(id, text, metadata, Provenance.line(source, line)));
  }

  private ReadResult end(ReadResult last) {
    finished = true;
    close();
    return last;
  }

  @Override
  public void close() {
    if (parser == null) return;
    try {
      parser.close();
    } catch (IOException ignored) {
      // nothing was written; a failed close of an input loses nothing
    }
  }
}
