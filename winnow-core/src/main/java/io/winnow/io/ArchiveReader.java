package io.winnow.io;

import io.winnow.io.Rejection.Reason;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The record loop shared by the WARC-family readers (WARC, WET, ARC). It finds the records itself and hands each
 * one, whole, to jwarc to parse, so that one bad record costs only that record: a record whose header or body
 * jwarc cannot read is rejected and the next one is read; a wrong Content-Length, garbage between records or a
 * damaged gzip member is skipped by looking for the next record ("WARC/1." or an ARC header line at a line start)
 * or the next gzip member, and the skipped bytes are one rejection naming where they start. When nothing can be
 * found after the damage, one rejection says the rest of the file is unreadable from that byte.
 *
 * <p>Offsets are those of the file: for gzip and zstd the offset of the member (frame) a record starts in, which
 * is the record's own offset in a record-at-a-time compressed WARC; for uncompressed files the byte offset. For
 * bzip2, xz and lz4, which have no usable member boundaries, they are offsets in the decompressed data.
 *
 * <p>A record is held in memory whole (up to max_document_bytes plus 1 MiB); a larger one is skipped unread
 * and, if it is of a kind that would have been a document, rejected as too large.
 */
abstract class ArchiveReader implements DocumentReader {
  private static final int MAX_HEADER = 1 << 20;
  private static final int ARC_LINE_MAX = 8192;
  private static final long SLACK = 1 << 20; // room for the WARC and HTTP headers around a max-size document

  private enum Kind { WARC, ARC }

  protected final String source;
  protected final ReaderLimits limits;
  private final boolean lenient;
  private final InputStream in;
  private final MemberStream members;
  /** Decompressed position of the first byte of each member read → that member's file offset. */
  private final TreeMap<Long, Long> memberStarts = new TreeMap<>();
  private final long bufferCap;
  private final ArrayDeque<ReadResult> out = new ArrayDeque<>();
  private long lastMember = -1;
  private long inPos;
  private byte[] buf = new byte[1 << 16];
  private long bufBase;
  private int pos;
  private int end;
  private int mark;
  private boolean inputEnded;
  private DamagedStreamException inputDamage;
  private boolean done;
  private boolean anyRecord;
  private Boolean arc;
  private long damageFrom = -1;
  private String damageWhy;
  private boolean damageTruncated;

  ArchiveReader(String source, InputStream raw, ReaderLimits limits, boolean lenient) throws IOException {
    this.source = source;
    this.limits = limits;
    this.lenient = lenient;
    this.bufferCap = Math.min(limits.maxDocumentBytes() + SLACK, Integer.MAX_VALUE - (1 << 20));
    InputStream b = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
    Compression c = Compression.detect(b);
    if (c == Compression.GZIP) {
      GzipMembers g = new GzipMembers(b);
      in = g;
      members = g;
    } else if (c == Compression.ZSTD) {
      ZstdFrames z = new ZstdFrames(b); // jwarc's own zstd detection spins at the end of the file
      in = z;
      members = z;
    } else {
      in = c.decompress(b);
      members = null;
    }
  }

  /** The document or rejection for a record, or null when the record is not a document (warcinfo, request…). */
  abstract ReadResult read(WarcRecord record, long offset) throws IOException;

  /** Whether a record of this kind would be read as a document (so a too-large one must be counted). */
  abstract boolean isDocument(WarcRecord record);

  @Override
  public final ReadResult next() {
    while (out.isEmpty() && !done) {
      try {
        step();
      } catch (IOException | RuntimeException e) {
        openDamage(offsetOf(bufBase + pos), e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        finishAtEnd();
      }
    }
    return out.poll();
  }

  /** Reads one record (or skips one damaged stretch), queueing what it yields. */
  private void step() throws IOException {
    skipLineBreaks();
    long start = abs(pos);
    mark = pos;
    pruneMembers(start);
    if (!ensure(start + 1)) {
      endOfData(start, null, false);
      return;
    }
    Kind kind = kindAt(start);
    if (kind == null) {
      openDamage(offsetOf(start), "bytes that do not begin a " + (arc == null ? "WARC or ARC" : arc ? "ARC" : "WARC") + " record", false);
      if (!skipToRecordStart(start)) endOfData(start, null, false);
      return;
    }
    long headerEnd = headerEnd(kind, start);
    if (headerEnd < 0) {
      if (inputEnded) {
        endOfData(start, "the archive ends inside a record header", true);
      } else {
        openDamage(offsetOf(start), "a record header with no end", false);
        if (!skipToRecordStart(start)) endOfData(start, null, false);
      }
      return;
    }
    closeDamage(start);
    if (arc == null) arc = kind == Kind.ARC;
    long offset = offsetOf(start);
    long length = contentLength(kind, start, headerEnd);
    if (length < 0) {
      out.add(rejected(null, offset, Reason.CORRUPT, "the record header has no valid Content-Length; skipped to the next record"));
      if (!skipToRecordStart(start)) endOfData(start, null, false);
      return;
    }
    if (length > bufferCap) {
      skipLarge(kind, start, headerEnd, length, offset);
      return;
    }
    long bodyEnd = headerEnd + length;
    if (!ensure(bodyEnd)) {
      // the data ends inside the body: a Content-Length too long (a record starts inside it) or a cut archive
      if (skipToRecordStart(headerEnd - 1)) {
        out.add(rejected(null, offset, Reason.CORRUPT, "Content-Length " + length + " runs past the next record; record skipped"));
      } else {
        endOfData(start, "the archive ends inside a record (Content-Length " + length + ")", true);
      }
      return;
    }
    if (!boundaryAt(bodyEnd, kind)) {
      out.add(rejected(null, offset, Reason.CORRUPT, "Content-Length " + length + " does not end at a record boundary; record skipped"));
      if (!skipToRecordStart(start)) endOfData(start, null, false);
      return;
    }
    if (members != null) ensure(bodyEnd + 5); // a byte past the trailer: the member's CRC check comes with it
    if (inputDamage != null && members != null && inputDamage.offset() == offset) {
      // the member holding this record failed its CRC or length check after yielding it: not to be trusted
      endOfData(start, null, false);
      return;
    }
    anyRecord = true;
    deliver(kind, start, bodyEnd, offset);
    pos = idx(bodyEnd);
  }

  private void deliver(Kind kind, long start, long bodyEnd, long offset) {
    try {
      Optional<WarcRecord> r = parse(start, bodyEnd);
      if (r.isEmpty()) {
        out.add(rejected(null, offset, Reason.CORRUPT, "unparsable record header"));
        return;
      }
      ReadResult result = read(r.get(), offset);
      if (result != null) out.add(result);
    } catch (IOException | RuntimeException e) {
      out.add(rejected(null, offset, Reason.CORRUPT, "unreadable " + kind + " record: " + e.getMessage()));
    }
  }

  /** jwarc parses one framed record held in the buffer; it never reads past it. */
  private Optional<WarcRecord> parse(long start, long stop) throws IOException {
    org.netpreserve.jwarc.WarcReader r =
        new org.netpreserve.jwarc.WarcReader(new ByteArrayInputStream(buf, idx(start), (int) (stop - start)));
    if (lenient) r.setLenient(true);
    return r.next();
  }

  /** A record too large to hold: its header says whether it counts; its body is skipped unread. */
  private void skipLarge(Kind kind, long start, long headerEnd, long length, long offset) throws IOException {
    anyRecord = true;
    try {
      Optional<WarcRecord> r = parse(start, headerEnd);
      if (r.isPresent() && isDocument(r.get())) {
        out.add(rejected(r.get().headers().first("WARC-Record-ID").orElse(null), offset, Reason.TOO_LARGE,
            "record of " + length + " bytes exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
      }
    } catch (IOException | RuntimeException e) {
      out.add(rejected(null, offset, Reason.CORRUPT, "unreadable " + kind + " record header: " + e.getMessage()));
    }
    long bodyEnd = headerEnd + length;
    while (abs(end) < bodyEnd) {
      pos = end;
      mark = end;
      if (!fill()) {
        endOfData(start, "the archive ends inside a record of " + length + " bytes", true);
        return;
      }
    }
    pos = idx(bodyEnd);
    mark = pos;
    if (!boundaryAt(bodyEnd, kind)) {
      out.add(rejected(null, offset, Reason.CORRUPT, "Content-Length " + length + " does not end at a record boundary"));
      if (!skipToRecordStart(bodyEnd)) endOfData(bodyEnd, null, false);
    }
  }

  // ---- damage: stretches that could not be read, reported once each ----

  private void openDamage(long offset, String why, boolean truncated) {
    if (damageFrom >= 0) return; // the stretch began earlier; keep its first cause
    damageFrom = offset;
    damageWhy = why;
    damageTruncated = truncated;
  }

  /** A record begins at {@code start}: report the stretch skipped before it. */
  private void closeDamage(long start) {
    if (damageFrom < 0) return;
    long to = offsetOf(start);
    out.add(rejected(null, damageFrom, damageTruncated ? Reason.TRUNCATED : Reason.CORRUPT,
        "bytes " + damageFrom + " to " + to + " unreadable (" + damageWhy + "); reading resumed at the next record, byte " + to));
    damageFrom = -1;
  }

  /**
   * The data ended: really, or because the compressed input is damaged, in which case reading resumes at the
   * next member when there is one.
   */
  private void endOfData(long from, String why, boolean truncated) throws IOException {
    if (inputDamage != null) {
      DamagedStreamException e = inputDamage;
      inputDamage = null;
      // a record that began in data already read began in the member holding it; otherwise the damage is new
      openDamage(from < abs(end) ? Math.min(offsetOf(from), e.offset()) : e.offset(), e.what(), e.truncated());
      if (members != null && members.resync()) {
        inputEnded = false;
        pos = 0;
        end = 0;
        mark = 0;
        bufBase = inPos;
        return;
      }
    } else if (why != null) {
      openDamage(offsetOf(from), why, truncated);
    }
    finishAtEnd();
  }

  private void finishAtEnd() {
    done = true;
    if (damageFrom >= 0) {
      out.add(rejected(null, damageFrom, damageTruncated ? Reason.TRUNCATED : Reason.CORRUPT,
          "rest of file unreadable from byte " + damageFrom + ": " + damageWhy));
      damageFrom = -1;
    } else if (!anyRecord) {
      out.add(ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE, "the file holds no WARC records")));
    }
  }

  private ReadResult rejected(String id, long offset, Reason reason, String detail) {
    return ReadResult.rejected(new Rejection(id, source + "@" + offset, reason, detail));
  }

  // ---- framing ----

  private void skipLineBreaks() throws IOException {
    while (true) {
      mark = pos;
      if (!ensure(abs(pos) + 1)) return;
      byte b = buf[pos];
      if (b != '\r' && b != '\n') return;
      pos++;
    }
  }

  /** What record begins at p: a WARC header ("WARC/1.0"), an ARC header line, or none. */
  private Kind kindAt(long p) throws IOException {
    ensure(p + 7);
    int i = idx(p);
    int avail = end - i;
    if (avail >= 7 && buf[i] == 'W' && buf[i + 1] == 'A' && buf[i + 2] == 'R' && buf[i + 3] == 'C' && buf[i + 4] == '/'
        && buf[i + 5] >= '0' && buf[i + 5] <= '9' && buf[i + 6] == '.') return Kind.WARC;
    if (!Boolean.FALSE.equals(arc) && isArcHeaderLine(p)) return Kind.ARC;
    return null;
  }

  /** "url ip date content-type length" (ARC v1; v2 adds fields before the length), a URL with a scheme first. */
  private boolean isArcHeaderLine(long p) throws IOException {
    ensure(p + ARC_LINE_MAX);
    int i = idx(p);
    int nl = indexOf((byte) '\n', i, Math.min(end, i + ARC_LINE_MAX));
    if (nl < 0) return false;
    String[] t = arcTokens(i, nl);
    if (t.length < 5 || !t[0].matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+") || !t[t.length - 1].matches("\\d{1,18}")) return false;
    for (int k = 1; k < t.length - 1; k++) if (t[k].matches("\\d{8,28}")) return true; // the capture date
    return false;
  }

  private String[] arcTokens(int from, int nl) {
    int stop = nl > from && buf[nl - 1] == '\r' ? nl - 1 : nl;
    return new String(buf, from, stop - from, StandardCharsets.ISO_8859_1).split(" ");
  }

  /** The position after the record header (the blank line for WARC, the first line for ARC), or -1. */
  private long headerEnd(Kind kind, long start) throws IOException {
    for (long p = start; p - start <= (kind == Kind.ARC ? ARC_LINE_MAX : MAX_HEADER); p++) {
      if (!ensure(p + 1)) return -1;
      int i = idx(p);
      if (buf[i] != '\n') continue;
      if (kind == Kind.ARC) return p + 1;
      if (p - start >= 1 && buf[i - 1] == '\n') return p + 1; // LF LF, as lenient writers have it
      if (p - start >= 2 && buf[i - 1] == '\r' && buf[i - 2] == '\n') return p + 1;
    }
    return -1;
  }

  private long contentLength(Kind kind, long start, long headerEnd) {
    int from = idx(start);
    int to = idx(headerEnd);
    if (kind == Kind.ARC) {
      String[] t = arcTokens(from, to - 1);
      return Long.parseLong(t[t.length - 1]);
    }
    String header = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    for (String line : header.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        String v = line.substring(colon + 1).trim();
        return v.matches("\\d{1,18}") ? Long.parseLong(v) : -1;
      }
    }
    return -1;
  }

  /**
   * Whether a record's body ending at p is followed by a record boundary: the exact trailer (CRLF CRLF for WARC,
   * LF for ARC), or any run of line breaks followed by the next record or the end of the data.
   */
  private boolean boundaryAt(long p, Kind kind) throws IOException {
    ensure(p + 4);
    int i = idx(p);
    if (kind == Kind.WARC && end - i >= 4 && buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') return true;
    if (kind == Kind.ARC && end - i >= 1 && buf[i] == '\n') return true;
    long q = p;
    while (ensure(q + 1) && (buf[idx(q)] == '\r' || buf[idx(q)] == '\n')) q++;
    if (!ensure(q + 1)) return true;
    return kindAt(q) != null;
  }

  /**
   * Moves pos to the next place after {@code from} where a record begins: "WARC/1." anywhere (damaged data need
   * not end with a line break) or an ARC header line at a line start. False when the data ends first.
   */
  private boolean skipToRecordStart(long from) throws IOException {
    for (long p = from + 1; ; p++) {
      mark = Math.max(0, Math.min(idx(p) - 1, end));
      if (!ensure(p + 1)) {
        pos = end;
        mark = end;
        return false;
      }
      int i = idx(p);
      byte b = buf[i];
      boolean lineStart = i > 0 && buf[i - 1] == '\n';
      if ((b == 'W' || (lineStart && !Boolean.FALSE.equals(arc))) && kindAt(p) != null) {
        pos = idx(p);
        return true;
      }
    }
  }

  private int indexOf(byte b, int from, int to) {
    for (int j = from; j < to; j++) if (buf[j] == b) return j;
    return -1;
  }

  // ---- the buffer over the decompressed data ----

  private long abs(int index) {
    return bufBase + index;
  }

  private int idx(long absolute) {
    return (int) (absolute - bufBase);
  }

  private long offsetOf(long absolute) {
    if (members == null) return absolute;
    Map.Entry<Long, Long> e = memberStarts.floorEntry(absolute);
    return e == null ? (lastMember < 0 ? 0 : lastMember) : e.getValue();
  }

  private void pruneMembers(long absolute) {
    Long k = memberStarts.floorKey(absolute);
    if (k != null) memberStarts.headMap(k).clear();
  }

  /** Makes the data up to (not including) {@code absoluteEnd} available; false when it ends first. */
  private boolean ensure(long absoluteEnd) throws IOException {
    while (abs(end) < absoluteEnd) {
      if (!fill()) return false;
    }
    return true;
  }

  /** Reads more data, dropping what lies before mark. A damaged compressed input reads as the end of the data. */
  private boolean fill() throws IOException {
    if (inputEnded) return false;
    if (end == buf.length) {
      if (mark > 0) {
        System.arraycopy(buf, mark, buf, 0, end - mark);
        bufBase += mark;
        pos -= mark;
        end -= mark;
        mark = 0;
      }
      if (end == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, Integer.MAX_VALUE - 16));
    }
    int n;
    try {
      do {
        n = in.read(buf, end, buf.length - end);
      } while (n == 0);
    } catch (DamagedStreamException e) {
      inputDamage = e;
      inputEnded = true;
      return false;
    }
    if (n < 0) {
      inputEnded = true;
      return false;
    }
    if (members != null && members.memberOffset() != lastMember) {
      lastMember = members.memberOffset();
      memberStarts.put(inPos, lastMember);
    }
    inPos += n;
    end += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
