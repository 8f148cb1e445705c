package io.winnow.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file member after member, strictly. The JDK's GZIPInputStream stops without a word when the
 * bytes after a member are not a valid member header, losing the rest of a file; here anything after the last
 * member other than zero padding is a {@link DamagedStreamException} naming the byte offset, as are a truncated
 * member and a bad CRC or length trailer. Bytes decoded before the damage are always returned first; the error
 * comes on the following read.
 *
 * <p>The raw bytes of the current member are kept (up to {@value #RETAIN_MAX} bytes) so that {@link #resync()}
 * can look for the next member header right after the damaged member's start: a truncated member is followed by
 * the next one, whose header the inflater has already swallowed as data.
 */
final class GzipMembers extends MemberStream {
  private static final int RETAIN_MAX = 8 << 20;
  private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xE0;

  private final InputStream raw;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  /** Index in buf of the current member's first byte, or -1 when that member grew too large to keep. */
  private int keep = -1;
  /** Raw offset of buf[0]. */
  private long bufStart;
  private long memberOffset;
  private boolean inMember;
  private boolean anyMember;
  private boolean eof;
  private DamagedStreamException pending;

  GzipMembers(InputStream raw) {
    this.raw = raw;
  }

  @Override
  long memberOffset() {
    return memberOffset;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (pending != null) {
      DamagedStreamException e = pending;
      pending = null;
      throw e;
    }
    if (len == 0) return 0;
    while (true) {
      if (!inMember) {
        if (eof || !startMember()) {
          eof = true;
          return -1;
        }
      }
      int n;
      try {
        if (inflater.needsInput()) {
          if (pos == lim && !fill()) throw damage("gzip member truncated (the file ends inside it)", true);
          inflater.setInput(buf, pos, lim - pos);
        }
        n = inflater.inflate(b, off, len);
        pos = lim - inflater.getRemaining();
        if (inflater.needsDictionary()) throw damage("gzip member asks for a preset dictionary", false);
      } catch (DataFormatException e) {
        throw damage("bad deflate data in gzip member: " + e.getMessage(), false);
      }
      if (n > 0) crc.update(b, off, n);
      if (inflater.finished()) {
        try {
          endMember();
        } catch (DamagedStreamException e) {
          if (n == 0) throw e;
          pending = e;
        }
      }
      if (n > 0) return n; // never more than one member per read: the caller may want the member offset
    }
  }

  /** Reads and checks a member header. Returns false at a clean end of the file. */
  private boolean startMember() throws IOException {
    keep = pos;
    memberOffset = bufStart + pos;
    if (!ensure(1)) return false; // the end of the file (with no member at all, the reader reports it empty)
    if (anyMember && buf[pos] == 0 && onlyZerosRemain()) return false; // zero padding after the last member
    if (!ensure(10)) throw damage("gzip header truncated", true);
    if ((buf[pos] & 0xff) != 0x1f || (buf[pos + 1] & 0xff) != 0x8b) {
      throw damage(anyMember ? "bytes after a gzip member are not a gzip member header" : "not gzip data", false);
    }
    if (buf[pos + 2] != 8) throw damage("gzip member uses unknown compression method " + buf[pos + 2], false);
    int flags = buf[pos + 3] & 0xff;
    if ((flags & RESERVED) != 0) throw damage("gzip member header has reserved flags set", false);
    int r = 10; // header offsets are relative to pos: the buffer may be compacted while reading a long name
    if ((flags & FEXTRA) != 0) {
      if (!ensureRel(r, 2)) throw damage("gzip header truncated", true);
      r += 2 + ((buf[pos + r] & 0xff) | (buf[pos + r + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) r = skipZeroTerminated(r);
    if ((flags & FCOMMENT) != 0) r = skipZeroTerminated(r);
    if ((flags & FHCRC) != 0) r += 2;
    if (!ensureRel(r, 0)) throw damage("gzip header truncated", true);
    pos += r;
    inflater.reset();
    crc.reset();
    inMember = true;
    anyMember = true;
    return true;
  }

  private void endMember() throws IOException {
    inMember = false;
    if (!ensure(8)) throw damage("gzip member truncated (trailer cut short)", true);
    long expectedCrc = le32(pos);
    long expectedSize = le32(pos + 4);
    pos += 8;
    if (expectedCrc != crc.getValue()) throw damage("gzip member fails its CRC check", false);
    if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) throw damage("gzip member has the wrong length", false);
  }

  private int skipZeroTerminated(int r) throws IOException {
    while (true) {
      if (!ensureRel(r, 1)) throw damage("gzip header truncated", true);
      if (buf[pos + r++] == 0) return r;
    }
  }

  private boolean onlyZerosRemain() throws IOException {
    while (true) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] != 0) return false;
      }
      pos = lim;
      keep = -1;
      if (!fill()) return true;
    }
  }

  @Override
  boolean resync() throws IOException {
    pending = null;
    inMember = false;
    eof = false;
    pos = keep >= 0 ? keep + 1 : pos; // keep < 0: the member was too big to keep; search from where reading stopped
    keep = -1;
    while (true) {
      if (!ensure(3)) {
        pos = lim;
        eof = true;
        return false;
      }
      if ((buf[pos] & 0xff) == 0x1f && (buf[pos + 1] & 0xff) == 0x8b && buf[pos + 2] == 8) return true;
      pos++;
    }
  }

  private long le32(int p) {
    return (buf[p] & 0xffL) | (buf[p + 1] & 0xffL) << 8 | (buf[p + 2] & 0xffL) << 16 | (buf[p + 3] & 0xffL) << 24;
  }

  private DamagedStreamException damage(String what, boolean truncated) {
    inMember = false;
    return new DamagedStreamException(memberOffset, what, truncated);
  }

  private boolean ensure(int n) throws IOException {
    return ensureRel(0, n);
  }

  /** Makes buf[pos + r, pos + r + n) available (pos may move when the buffer is compacted). */
  private boolean ensureRel(int r, int n) throws IOException {
    while (lim - pos < r + n) {
      if (!fill()) return false;
    }
    return true;
  }

  /** Reads more raw bytes, compacting or growing the buffer. Returns false at the end of the file. */
  private boolean fill() throws IOException {
    if (lim == buf.length) {
      int from = keep >= 0 ? Math.min(keep, pos) : pos;
      if (from > 0) {
        System.arraycopy(buf, from, buf, 0, lim - from);
        bufStart += from;
        lim -= from;
        pos -= from;
        if (keep >= 0) keep -= from;
      }
      if (lim == buf.length) {
        if (keep >= 0 && buf.length >= RETAIN_MAX) {
          keep = -1; // too big to keep for a resync; give up on it and compact
          return fill();
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    int n;
    do {
      n = raw.read(buf, lim, buf.length - lim);
    } while (n == 0);
    if (n < 0) return false;
    lim += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    raw.close();
  }
}
