package io.winnow.io;

import io.winnow.io.Rejection.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The record loop shared by the WARC-family readers (jwarc): walks the records, lets the subclass turn the
 * ones it wants into documents, and ends a damaged archive with one rejection naming the byte offset.
 */
abstract class ArchiveReader implements DocumentReader {
  protected final String source;
  protected final ReaderLimits limits;
  private final org.netpreserve.jwarc.WarcReader warc;
  private boolean done;
  private boolean anyRecord;

  ArchiveReader(String source, InputStream in, ReaderLimits limits, boolean lenient) throws IOException {
    this.source = source;
    this.limits = limits;
    this.warc = new org.netpreserve.jwarc.WarcReader(in);
    if (lenient) warc.setLenient(true);
  }

  /** The document or rejection for a record, or null when the record is not a document (warcinfo, request…). */
  abstract ReadResult read(WarcRecord record, long offset) throws IOException;

  @Override
  public final ReadResult next() {
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
        ReadResult result = read(r.get(), offset);
        if (result != null) return result;
      } catch (IOException | RuntimeException e) {
        done = true;
        boolean truncated = e instanceof EOFException || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("end of");
        return ReadResult.rejected(new Rejection(null, source + "@" + offset, truncated ? Reason.TRUNCATED : Reason.CORRUPT,
            (truncated ? "archive ends early: " : "unreadable WARC record: ") + e.getMessage()));
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    warc.close();
  }
}
