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
 * A text file as one document per paragraph: runs of non-blank lines, separated by one or more blank lines (a
 * line of only whitespace is blank). A paragraph's id is {@code file:LINE}, the line it starts on, which is also
 * its location in errors and in {@code winnow explain}; its metadata holds {@code path}, {@code line},
 * {@code charset}. Paragraph line breaks are kept as they are.
 */
final class ParagraphReader implements DocumentReader {
  private final Path file;
  private final ReaderLimits limits;
  private String text;
  private String charset;
  private int pos;
  private int line = 1;
  private boolean opened;

  ParagraphReader(Path file, ReaderLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  @Override
  public ReadResult next() {
    String source = file.toString();
    if (!opened) {
      opened = true;
      WholeFile f = WholeFile.read(file, source, limits);
      if (f.rejection() != null) return ReadResult.rejected(f.rejection());
      text = f.text();
      charset = f.charset();
    }
    if (text == null) return null;
    // skip blank lines
    while (pos < text.length()) {
      int end = lineEnd(pos);
      if (!isBlank(pos, end)) break;
      pos = nextLine(end);
      line++;
    }
    if (pos >= text.length()) return null;
    int start = pos;
    int startLine = line;
    int end = start;
    while (pos < text.length()) {
      int e = lineEnd(pos);
      if (isBlank(pos, e)) break;
      end = e;
      pos = nextLine(e);
      line++;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("path", source);
    metadata.put("line", startLine);
    metadata.put("charset", charset);
    return ReadResult.of(new Document(source + ":" + startLine, text.substring(start, end), metadata, Provenance.line(source, startLine)));
  }

  /** As {@code String.isBlank} on the range, without copying it. */
  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; ) {
      int c = text.codePointAt(i);
      if (!Character.isWhitespace(c)) return false;
      i += Character.charCount(c);
    }
    return true;
  }

  private int lineEnd(int from) {
    int n = text.indexOf('\n', from);
    int e = n < 0 ? text.length() : n;
    return e > from && text.charAt(e - 1) == '\r' ? e - 1 : e;
  }

  private int nextLine(int lineEnd) {
    int n = text.indexOf('\n', lineEnd);
    return n < 0 ? text.length() : n + 1;
  }

  @Override
  public void close() {}
}
