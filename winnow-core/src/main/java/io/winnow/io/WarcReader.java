package io.winnow.io;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.Rejection.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads WARC {@code response} records holding HTML (Common Crawl WARC files) with jwarc: the document id is the
 * WARC-Record-ID, its text the decoded HTML (see {@link HtmlCharset}), its metadata the target URL, the capture
 * date, the content type and the charset. Responses that are not HTML are rejected as {@code input.not_html}
 * (counted, not documents); other record types (request, metadata, warcinfo) are not documents and are passed
 * over. A damaged archive ends with one rejection naming the byte offset.
 */
public final class WarcReader implements DocumentReader {
  private final String source;
  private final org.netpreserve.jwarc.WarcReader warc;
  private final ReaderLimits limits;
  private boolean done;
  private boolean anyRecord;

  public WarcReader(String source, InputStream in, ReaderLimits limits) throws IOException {
    this.source = source;
    this.warc = new org.netpreserve.jwarc.WarcReader(in);
    this.warc.setLenient(true); // real crawls hold odd target URIs and headers
    this.limits = limits;
  }

  @Override
  public ReadResult next() {
    while (!done) {
      long offset = warc.position();
      try {
        Optional<WarcRecord> r = warc.next();
        if (r.isEmpty()) {
          done = true;
          return anyRecord ? null : ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE, "the file holds no WARC records"));
        }
        anyRecord = true;
        offset = warc.position();
        if (!(r.get() instanceof WarcResponse response)) continue;
        return read(response, offset);
      } catch (IOException | RuntimeException e) {
        done = true;
        boolean truncated = e instanceof EOFException || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("end of");
        return ReadResult.rejected(new Rejection(null, source + "@" + offset, truncated ? Reason.TRUNCATED : Reason.CORRUPT,
            (truncated ? "archive ends early: " : "unreadable WARC record: ") + e.getMessage()));
      }
    }
    return null;
  }

  private ReadResult read(WarcResponse response, long offset) throws IOException {
    String id = response.id().toString();
    String location = source + "@" + offset;
    HttpResponse http;
    try {
      http = response.http();
    } catch (IOException | RuntimeException e) {
      return ReadResult.rejected(new Rejection(id, location, Reason.CORRUPT, "unparsable HTTP response: " + e.getMessage()));
    }
    MediaType type = http.contentType();
    String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
      return ReadResult.rejected(new Rejection(id, location, Reason.NOT_HTML,
          "HTTP " + http.status() + " response of type " + (base.isEmpty() ? "(none)" : base) + " is not HTML"));
    }
    byte[] body = http.bodyDecoded().stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxDocumentBytes() + 1));
    if (body.length > limits.maxDocumentBytes()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.TOO_LARGE,
          "HTML payload exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    HtmlCharset.Decoded decoded = HtmlCharset.decode(body, type.parameters().get("charset"));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("url", response.target());
    meta.put("date", response.date().toString());
    meta.put("content_type", base);
    meta.put("charset", decoded.charset());
    meta.put("status", http.status());
    return ReadResult.of(new Document(id, decoded.text(), meta, Provenance.offset(source, offset)));
  }

  @Override
  public void close() throws IOException {
    warc.close();
  }
}
