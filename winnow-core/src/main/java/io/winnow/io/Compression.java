package io.winnow.io;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * Stream compression. On read it is recognised by the file's first bytes ({@link #detect}), never by its name: a
 * gzip file named {@code .jsonl} is still gzip. The name is only a hint ({@link #forName}), used by writers and by
 * callers that know what they wrote. Every decompressor reports damage as a {@link DamagedStreamException} naming
 * the compressed byte offset, after returning all the data decoded before it.
 */
public enum Compression {
  NONE(""), GZIP(".gz"), ZSTD(".zst"), BZIP2(".bz2"), XZ(".xz"), LZ4(".lz4");

  private static final int MAGIC_BYTES = 6;
  /** zstd's fast levels go on much further, but below this the output is barely smaller than the input. */
  private static final int ZSTD_FASTEST = -7;
  private final String extension;

  Compression(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The compression a file name announces; a hint only, the bytes decide on read (see {@link #detect}). */
  public static Compression forName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz") || n.endsWith(".gzip")) return GZIP;
    if (n.endsWith(".zst") || n.endsWith(".zstd")) return ZSTD;
    if (n.endsWith(".bz2")) return BZIP2;
    if (n.endsWith(".xz")) return XZ;
    if (n.endsWith(".lz4")) return LZ4;
    return NONE;
  }

  /** Parses a configuration value: gzip, zstd or none. */
  public static Compression parse(String value) {
    return switch (value) {
      case "gzip", "gz" -> GZIP;
      case "zstd", "zst" -> ZSTD;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("compression must be gzip, zstd or none, got " + value);
    };
  }

  /** The compression of a stream by its magic bytes; the stream must support mark/reset and is left unmoved. */
  public static Compression detect(InputStream in) throws IOException {
    in.mark(MAGIC_BYTES);
    byte[] m = in.readNBytes(MAGIC_BYTES);
    in.reset();
    return detect(m, m.length);
  }

  static Compression detect(byte[] m, int n) {
    if (n >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) return GZIP;
    if (n >= 4 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f && (m[3] & 0xff) == 0xfd && (m[0] & 0xff) == 0x28) return ZSTD;
    // a zstd skippable frame (0x184D2A50..5F, little endian), as written before a dictionary or index
    if (n >= 4 && (m[0] & 0xf0) == 0x50 && (m[1] & 0xff) == 0x2a && (m[2] & 0xff) == 0x4d && (m[3] & 0xff) == 0x18) return ZSTD;
    if (n >= 4 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h' && m[3] >= '1' && m[3] <= '9') return BZIP2;
    if (n >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z' && m[5] == 0) return XZ;
    if (n >= 4 && m[0] == 0x04 && m[1] == 0x22 && m[2] == 0x4d && m[3] == 0x18) return LZ4;
    return NONE;
  }

  /** Decompresses a stream whatever its name says: the compression is detected from its first bytes. */
  public static InputStream open(InputStream raw) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
    return detect(in).decompress(in);
  }

  public InputStream decompress(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new BufferedInputStream(new GzipMembers(raw), 1 << 16);
      case ZSTD -> new BufferedInputStream(new ZstdFrames(raw), 1 << 16);
      case BZIP2, XZ, LZ4 -> new BufferedInputStream(new OffsetOnError(raw, this), 1 << 16);
    };
  }

  /** Compresses at the codec's usual level ({@link #defaultLevel()}). */
  public OutputStream compress(OutputStream raw) throws IOException {
    return compress(raw, defaultLevel());
  }

  /**
   * The level a writer uses unless told otherwise: zstd 3 and gzip 6, the levels of the {@code zstd} and
   * {@code gzip} tools; the other codecs have one level here.
   */
  public int defaultLevel() {
    return switch (this) {
      case ZSTD -> 3;
      case GZIP -> 6;
      default -> 0;
    };
  }

  /** The levels {@link #compress(OutputStream, int)} takes: zstd's negative (fast) levels to 22, gzip 1 to 9. */
  public int minLevel() {
    return switch (this) {
      case ZSTD -> ZSTD_FASTEST;
      case GZIP -> 1;
      default -> 0;
    };
  }

  public int maxLevel() {
    return switch (this) {
      case ZSTD -> 22;
      case GZIP -> 9;
      default -> 0;
    };
  }

  /** Refuses a level this codec does not have. */
  public void checkLevel(int level) {
    if (level < minLevel() || level > maxLevel()) {
      throw new IllegalArgumentException(name().toLowerCase(Locale.ROOT) + " levels are " + minLevel() + " to " + maxLevel() + ", got " + level);
    }
  }

  /** Compresses at {@code level}, one of {@link #minLevel()} to {@link #maxLevel()}; gzip and zstd only use it. */
  public OutputStream compress(OutputStream raw, int level) throws IOException {
    checkLevel(level);
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new LeveledGzipOutputStream(raw, level);
      case ZSTD -> new ZstdOutputStream(raw, level);
      case BZIP2 -> new BZip2CompressorOutputStream(raw);
      case XZ -> new XZCompressorOutputStream(raw);
      case LZ4 -> new FramedLZ4CompressorOutputStream(raw);
    };
  }

  /** The JDK's gzip stream takes no level; its deflater does. */
  private static final class LeveledGzipOutputStream extends GZIPOutputStream {
    LeveledGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out, 1 << 16);
      def.setLevel(level);
    }
  }

  /**
   * A commons-compress decompressor (all members or streams concatenated) whose errors become
   * {@link DamagedStreamException}s. These decoders work in blocks and do not say where a block began, so the
   * offset is the count of compressed bytes read when the damage was found: everything before it that could be
   * decoded has been returned.
   */
  private static final class OffsetOnError extends InputStream {
    private final CountingInputStream counted;
    private final Compression compression;
    private final String name;
    private InputStream decoder;

    OffsetOnError(InputStream raw, Compression c) {
      this.counted = new CountingInputStream(raw, n -> {});
      this.compression = c;
      this.name = c.name().toLowerCase(Locale.ROOT);
    }

    /** Opened on first read: these decoders read (and may fail on) the first block when constructed. */
    private InputStream decoder() throws IOException {
      if (decoder == null) {
        decoder = switch (compression) {
          case BZIP2 -> new BZip2CompressorInputStream(counted, true);
          case XZ -> new XZCompressorInputStream(counted, true);
          case LZ4 -> new FramedLZ4CompressorInputStream(counted, true);
          default -> throw new IllegalArgumentException(compression.name());
        };
      }
      return decoder;
    }

    @Override
    public int read() throws IOException {
      try {
        return decoder().read();
      } catch (IOException e) {
        throw damage(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return decoder().read(b, off, len);
      } catch (IOException e) {
        throw damage(e);
      }
    }

    private DamagedStreamException damage(IOException e) {
      if (e instanceof DamagedStreamException d) return d;
      String msg = String.valueOf(e.getMessage());
      String lower = msg.toLowerCase(Locale.ROOT);
      boolean truncated = e instanceof EOFException || lower.contains("end of") || lower.contains("truncat");
      return new DamagedStreamException(counted.count(), name + " data " + (truncated ? "truncated" : "damaged")
          + " (found after reading " + counted.count() + " compressed bytes): " + msg, truncated);
    }

    @Override
    public void close() throws IOException {
      if (decoder != null) decoder.close();
      else counted.close();
    }
  }
}
