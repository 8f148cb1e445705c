package io.winnow.io;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads Common Crawl WET files (WARC {@code conversion} records holding extracted text) with jwarc. The
 * document id is the WARC-Record-ID; URL and date become metadata. Other record types (warcinfo) are not
 * documents and are skipped. A bad record is rejected and reading goes on (see {@link ArchiveReader}).
 */
public final class WetReader extends ArchiveReader {
  /** @param in the raw stream; its compression is recognised by its first bytes */
  public WetReader(String source, InputStream in, ReaderLimits limits) throws IOException {
    super(source, in, limits, false);
  }

  @Override
  boolean isDocument(WarcRecord record) {
    return "conversion".equals(record.type());
  }

  @Override
  ReadResult read(WarcRecord record, long offset) throws IOException {
    if (!isDocument(record)) return null;
    return readConversion(record, offset);
  }

  private ReadResult readConversion(WarcRecord record, long offset) throws IOException {
    String location = source + "@" + offset;
    if (record.headers().sole("WARC-Record-ID").isEmpty()) {
      return ReadResult.rejected(new Rejection(null, location, Reason.CORRUPT, "the record has no WARC-Record-ID"));
    }
    String id = record.id().toString();
    if (record.headers().sole("WARC-Date").isEmpty()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.CORRUPT, "the record has no WARC-Date"));
    }
    MessageBody body = record.body();
    long size = body.size();
    if (size > limits.maxDocumentBytes()) {
      return ReadResult.rejected(new Rejection(id, location, Reason.TOO_LARGE,
          "record of " + size + " bytes exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    byte[] bytes = body.stream().readNBytes((int) size);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return ReadResult.rejected(new Rejection(id, location, Reason.INVALID_UTF8, "the record body is not valid UTF-8"));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    if (record instanceof WarcTargetRecord t) meta.put("url", t.target());
    meta.put("date", record.date().toString());
    record.headers().first("Content-Type").ifPresent(ct -> meta.put("content_type", ct));
    return ReadResult.of(new Document(id, text, meta, Provenance.offset(source, offset)));
  }

}
