package io.winnow.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.Rejection.Reason;
import io.winnow.text.Utf8;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads JSON Lines: one JSON object per line, the id and text in configurable fields, every other field kept
 * as metadata. Lines are read as bytes with a size bound, so a huge record is skipped without being held.
 *
 * <p>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r} (files from old Mac tools), each counting
 * as one line for locations. Spaces and tabs around the object are allowed. Blank lines (empty, or spaces and
 * tabs only) are not records: they are skipped without being counted, but they do count for line numbers; a
 * file of blank lines only is rejected as {@code input.empty_file}. How values are parsed (duplicate keys,
 * numbers out of a double's range) is {@link JsonObjectParser}'s job.
 */
public final class JsonlReader implements DocumentReader {
  private final String source;
  private final InputStream in;
  private final String idField;
  private final String textField;
  private final ReaderLimits limits;
  /** Bytes read at a time; a line within one read is parsed where it lies, without a copy. */
  static final int BUFFER_BYTES = 1 << 20;
  private final byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int limit;
  /** A line that spans two reads of {@code buf} is put together here. */
  private byte[] line = new byte[1 << 12];
  /** The current line is {@code lineBuf[lineOff, lineOff + lineLen)}: a slice of {@code buf}, or {@code line}. */
  private byte[] lineBuf = line;
  private int lineOff;
  private int lineLen;
  private long lineNo;
  private long lineBytes;
  private boolean anyBytes;
  private boolean anyRecord;
  /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that line end. */
  private boolean afterCr;
  private boolean done;
  /** Reading a part of a file ({@link InputSplit}): no empty-file check, which is the whole file's. */
  private final boolean part;
  /** Where the text field's value begins in the line, from the parser. */
  private final int[] textQuote = new int[1];
  private final JsonTextBytes textBytes = new JsonTextBytes();

  /**
   * @param source the file name used in locations and provenance
   * @param in the decompressed stream; closed with this reader
   */
  public JsonlReader(String source, InputStream in, String idField, String textField, ReaderLimits limits) {
    this(source, in, idField, textField, limits, 0, false);
  }

  /**
   * A reader of one split of a file: {@code in} holds the split's bytes, {@code linesBefore} the number of lines
   * before it, so locations are the file's own.
   */
  public JsonlReader(String source, InputStream in, String idField, String textField, ReaderLimits limits,
      long linesBefore, boolean part) {
    this.source = source;
    this.in = in;
    this.idField = idField;
    this.textField = textField;
    this.limits = limits;
    this.lineNo = linesBefore;
    this.part = part;
  }

  @Override
  public ReadResult next() {
    while (!done) {
      boolean ended;
      try {
        ended = !readLine();
      } catch (IOException e) {
        done = true;
        boolean truncated = e instanceof EOFException || String.valueOf(e.getMessage()).toLowerCase().contains("truncat");
        return ReadResult.rejected(new Rejection(null, source + ":" + (lineNo + 1),
            truncated ? Reason.TRUNCATED : Reason.CORRUPT,
            (truncated ? "stream ends early; records from here to the end of the file are lost: " : "unreadable stream: ")
                + e.getMessage()));
      }
      if (ended) {
        done = true;
        if (part) return null;
        if (!anyBytes) return ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE, "the file holds no records"));
        if (!anyRecord) {
          return ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE,
              "the file holds no records, only " + lineNo + " blank line" + (lineNo == 1 ? "" : "s")));
        }
        return null;
      }
      lineNo++;
      if (lineBytes > limits.maxDocumentBytes()) {
        anyRecord = true;
        return ReadResult.rejected(new Rejection(null, source + ":" + lineNo, Reason.TOO_LARGE,
            "record of " + lineBytes + " bytes exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
      }
      if (isBlank()) continue;
      anyRecord = true;
      return parse();
    }
    return null;
  }

  private boolean isBlank() {
    for (int i = lineOff, end = lineOff + lineLen; i < end; i++) {
      byte b = lineBuf[i];
      if (b != ' ' && b != '\t') return false;
    }
    return true;
  }

  private ReadResult parse() {
    String location = source + ":" + lineNo;
    if (!validUtf8(lineBuf, lineOff, lineLen)) {
      return ReadResult.rejected(new Rejection(null, location, Reason.INVALID_UTF8, "the line is not valid UTF-8"));
    }
    Map<String, Object> fields;
    try {
      // the text is decoded here, from its bytes (unless the id is read from the same field)
      fields = JsonObjectParser.parse(lineBuf, lineOff, lineLen, textField.equals(idField) ? null : textField, textQuote);
    } catch (JsonObjectParser.DuplicateKeyException e) {
      // which of the two values is "the" text or id depends on the tool: keeping either would corrupt silently
      return ReadResult.rejected(new Rejection(null, location, Reason.DUPLICATE_KEY,
          "key '" + e.key + "' occurs more than once in the record"));
    } catch (JsonProcessingException e) {
      return ReadResult.rejected(new Rejection(null, location, Reason.MALFORMED_JSON, e.getOriginalMessage()));
    } catch (IOException e) {
      return ReadResult.rejected(new Rejection(null, location, Reason.MALFORMED_JSON, String.valueOf(e.getMessage())));
    }
    Object idValue = fields.remove(idField);
    String id = idValue == null ? location : idValue.toString();
    Object text = fields.remove(textField);
    JsonTextBytes.Scan scan = null;
    JsonTextBytes.Decoded decoded = null;
    if (text == JsonObjectParser.UNDECODED) {
      scan = JsonTextBytes.scan(lineBuf, textQuote[0], lineOff + lineLen);
      decoded = textBytes.decode(lineBuf, textQuote[0], scan);
      text = decoded != null ? decoded.text() : decodedByTheParser();
    }
    if (!(text instanceof String s)) {
      String detail = text == null
          ? "no '" + textField + "' field (set input.text_field); fields present: " + String.join(", ", fields.keySet())
          : "field '" + textField + "' holds " + text.getClass().getSimpleName().toLowerCase() + ", not a string";
      return ReadResult.rejected(new Rejection(idValue == null ? null : id, location, Reason.MISSING_TEXT, detail));
    }
    Document doc = new Document(id, s, fields, Provenance.line(source, lineNo));
    if (scan != null) {
      doc.setReadText(scan.utf8Length(), decoded == null ? -1 : decoded.whitespaceWords(),
          scan.canonical() ? Arrays.copyOfRange(lineBuf, textQuote[0] + 1, scan.end()) : null);
    }
    return ReadResult.of(doc);
  }

  /** The text as the parser decodes it: for a text holding an unpaired surrogate, which UTF-8 cannot carry. */
  private Object decodedByTheParser() {
    try {
      return JsonObjectParser.parse(lineBuf, lineOff, lineLen).get(textField);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("the line parsed once already", e);
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * {@link Utf8#isValid} run over the non-ASCII stretches only, the ASCII between them skipped eight bytes a step:
   * an ASCII byte always starts a character, so the line is valid exactly when every stretch of bytes {@code >= 0x80}
   * is (most text is ASCII with a few accented letters or quotes).
   */
  static boolean validUtf8(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (true) {
      while (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) i += 8;
      while (i < end && b[i] >= 0) i++;
      if (i == end) return true;
      int from = i;
      while (i < end && b[i] < 0) i++;
      if (!Utf8.isValid(b, from, i - from)) return false;
    }
  }

  /**
   * Reads the next line (at most the size limit), without its line end, as a slice of the read buffer, or copied
   * into {@code line} when it spans two reads. Returns false at the end of input.
   */
  private boolean readLine() throws IOException {
    lineBuf = line;
    lineOff = 0;
    lineLen = 0;
    lineBytes = 0;
    boolean any = false;
    long max = limits.maxDocumentBytes();
    while (true) {
      if (pos == limit) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return any;
        anyBytes = true;
        pos = 0;
        limit = n;
      }
      if (afterCr) {
        afterCr = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      any = true;
      int start = pos;
      int end = ByteLines.lineBreak(buf, pos, limit);
      int chunk = end - start;
      if (end < limit && lineBytes == 0) { // the whole line is in the buffer
        lineBytes = chunk;
        if (chunk <= max) {
          lineBuf = buf;
          lineOff = start;
          lineLen = chunk;
        }
      } else {
        lineBytes += chunk;
        if (lineBytes <= max) append(start, chunk);
      }
      if (end < limit) {
        pos = end + 1;
        afterCr = buf[end] == '\r';
        return true;
      }
      pos = limit;
    }
  }

  private void append(int start, int len) {
    if (lineLen + len > line.length) line = Arrays.copyOf(line, Math.max(lineLen + len, line.length * 2));
    System.arraycopy(buf, start, line, lineLen, len);
    lineLen += len;
    lineBuf = line; // grown or not
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
