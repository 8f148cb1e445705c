package io.winnow.io;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Stream compression, chosen by file extension on read and by configuration on write. */
public enum Compression {
  NONE(""), GZIP(".gz"), ZSTD(".zst");

  private final String extension;

  Compression(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The compression a file name announces ({@code .gz}, {@code .zst}/{@code .zstd}, else none). */
  public static Compression forName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz") || n.endsWith(".gzip")) return GZIP;
    if (n.endsWith(".zst") || n.endsWith(".zstd")) return ZSTD;
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

  public InputStream decompress(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, 1 << 16);
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(raw), 1 << 16);
    };
  }

  public OutputStream compress(OutputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPOutputStream(raw, 1 << 16);
      case ZSTD -> new ZstdOutputStream(raw, 3);
    };
  }
}
