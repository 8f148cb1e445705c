package io.winnow.io;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
public final class WarcReader extends ArchiveReader {
  /** @param in the raw stream (gzip is detected by jwarc); a zstd stream must already be decompressed */
  public WarcReader(String source, InputStream in, ReaderLimits limits) throws IOException {
    super(source, in, limits, true); // real crawls hold odd target URIs and headers
  }

  @Override
  ReadResult read(WarcRecord record, long offset) throws IOException {
    if (!(record instanceof WarcResponse response)) return null;
    return readResponse(response, offset);
  }

  private ReadResult readResponse(WarcResponse response, long offset) throws IOException {
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

}
