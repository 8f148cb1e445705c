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
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads HTML pages from WARC and ARC files with jwarc: WARC {@code response} records (and ARC records, which
 * jwarc presents as responses) hold an HTTP response; WARC {@code resource} records hold the page itself, its
 * type in the record's Content-Type. The document id is the WARC-Record-ID (for ARC, which has none, the
 * record's location {@code file@offset}), its text the decoded HTML (see {@link HtmlCharset}), its metadata the
 * target URL, the capture date, the content type, the charset and where the charset came from. Pages that are
 * not HTML are rejected as {@code input.not_html} (counted, not documents); other record types (request,
 * metadata, warcinfo, revisit, DNS responses) are not documents and are passed over. A bad record is rejected
 * and reading goes on (see {@link ArchiveReader}).
 */
public final class WarcReader extends ArchiveReader {
  /** @param in the raw stream; its compression is recognised by its first bytes */
  public WarcReader(String source, InputStream in, ReaderLimits limits) throws IOException {
    super(source, in, limits, true); // real crawls hold odd target URIs and headers
  }

  @Override
  boolean isDocument(WarcRecord record) {
    if (record instanceof WarcResponse) return !isDns(record);
    // wget stores its arguments and log as resources with a metadata: target; they are not pages
    return record instanceof WarcResource r && (r.target() == null || !r.target().startsWith("metadata:"));
  }

  @Override
  ReadResult read(WarcRecord record, long offset) throws IOException {
    if (!isDocument(record)) return null;
    String location = source + "@" + offset;
    boolean arc = record.version().getProtocol().equals("ARC");
    String id;
    if (record.headers().sole("WARC-Record-ID").isPresent()) {
      id = record.id().toString();
    } else if (arc) {
      id = location; // ARC records have no id; the location is unique and stable
    } else {
      return ReadResult.rejected(new Rejection(null, location, Reason.CORRUPT, "the record has no WARC-Record-ID"));
    }
    if (!arc && record.headers().sole("WARC-Date").isEmpty()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.CORRUPT, "the record has no WARC-Date"));
    }
    return record instanceof WarcResponse response
        ? readResponse(response, id, location, offset)
        : readResource((WarcResource) record, id, location, offset);
  }

  private static boolean isDns(WarcRecord record) {
    return record.headers().first("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/dns")).orElse(false);
  }

  private ReadResult readResponse(WarcResponse response, String id, String location, long offset) throws IOException {
    HttpResponse http;
    try {
      http = response.http();
    } catch (IOException | RuntimeException e) {
      return ReadResult.rejected(new Rejection(id, location, Reason.CORRUPT, "unparsable HTTP response: " + e.getMessage()));
    }
    MediaType type = http.contentType();
    String base = baseType(type);
    if (!isHtml(base)) {
      return ReadResult.rejected(new Rejection(id, location, Reason.NOT_HTML,
          "HTTP " + http.status() + " response of type " + (base.isEmpty() ? "(none)" : base) + " is not HTML"));
    }
    MessageBody body;
    try {
      body = http.bodyDecoded();
    } catch (IOException e) {
      return ReadResult.rejected(new Rejection(id, location, Reason.CORRUPT, "undecodable HTTP body: " + e.getMessage()));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("url", response.target());
    if (response.headers().sole("WARC-Date").isPresent()) meta.put("date", response.date().toString());
    meta.put("content_type", base);
    meta.put("status", http.status());
    return htmlDocument(id, location, offset, body, type, meta);
  }

  private ReadResult readResource(WarcResource resource, String id, String location, long offset) throws IOException {
    MediaType type = resource.contentType();
    String base = baseType(type);
    if (!isHtml(base)) {
      return ReadResult.rejected(new Rejection(id, location, Reason.NOT_HTML,
          "resource record of type " + (base.isEmpty() ? "(none)" : base) + " is not HTML"));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("url", resource.target());
    meta.put("date", resource.date().toString());
    meta.put("content_type", base);
    return htmlDocument(id, location, offset, resource.body(), type, meta);
  }

  private ReadResult htmlDocument(String id, String location, long offset, MessageBody body, MediaType type,
      Map<String, Object> meta) throws IOException {
    byte[] bytes;
    try {
      bytes = body.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxDocumentBytes() + 1));
    } catch (IOException e) {
      return ReadResult.rejected(new Rejection(id, location, Reason.CORRUPT, "unreadable HTML payload: " + e.getMessage()));
    }
    if (bytes.length > limits.maxDocumentBytes()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.TOO_LARGE,
          "HTML payload exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    HtmlCharset.Decoded decoded = HtmlCharset.decode(bytes, type == null ? null : type.parameters().get("charset"));
    meta.put("charset", decoded.charset());
    meta.put("charset_source", decoded.source());
    return ReadResult.of(new Document(id, decoded.text(), meta, Provenance.offset(source, offset)));
  }

  private static String baseType(MediaType type) {
    return type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isHtml(String base) {
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }
}
