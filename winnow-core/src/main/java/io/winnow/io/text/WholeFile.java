package io.winnow.io.text;

import io.winnow.io.Compression;
import io.winnow.io.HtmlCharset;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input file read whole and decoded, for the formats whose unit is a file (plain text, HTML pages): decompressed
 * by its first bytes, refused unread past the memory bound, refused when it holds NUL bytes (not text), decoded by
 * byte-order mark, declared {@code <meta charset>}, UTF-8 validity, else the charset detector ({@link HtmlCharset}).
 */
record WholeFile(String text, String charset, Rejection rejection) {
  static WholeFile read(Path file, String source, ReaderLimits limits) {
    byte[] bytes;
    try (InputStream in = Compression.open(Files.newInputStream(file))) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxDocumentBytes() + 1));
    } catch (IOException e) {
      return refused(new Rejection(null, source, Rejection.Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    if (bytes.length > limits.maxDocumentBytes()) {
      return refused(new Rejection(null, source, Rejection.Reason.TOO_LARGE,
          "the file is larger than run.max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    if (bytes.length == 0) return refused(new Rejection(null, source, Rejection.Reason.EMPTY_FILE, "the file is empty"));
    if (!startsWithUtf16Bom(bytes)) {
      for (byte b : bytes) {
        if (b == 0) return refused(new Rejection(null, source, Rejection.Reason.BINARY, "the file holds NUL bytes: not text"));
      }
    }
    HtmlCharset.Decoded d = HtmlCharset.decode(bytes, null);
    return new WholeFile(d.text(), d.charset(), null);
  }

  private static boolean startsWithUtf16Bom(byte[] b) {
    return b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE);
  }

  private static WholeFile refused(Rejection r) {
    return new WholeFile(null, null, r);
  }
}
