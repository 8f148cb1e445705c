package io.winnow.io;

import io.winnow.io.Rejection.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Opens the right reader for an input file. A file that cannot even be opened yields one rejection. */
public final class DocumentReaders {
  private DocumentReaders() {}

  /**
   * @param format {@code jsonl}, {@code wet} or {@code warc}
   * @param onRawBytes receives the count of raw bytes read, for progress
   */
  public static DocumentReader open(Path file, String format, String idField, String textField,
      ReaderLimits limits, LongConsumer onRawBytes) {
    return open(file, file.toString(), format, idField, textField, limits, onRawBytes);
  }

  /**
   * As above, with documents naming {@code source} as their origin (e.g. the remote path a local copy came
   * from). Only the records of {@code limits.selection()} come out.
   */
  public static DocumentReader open(Path file, String source, String format, String idField, String textField,
      ReaderLimits limits, LongConsumer onRawBytes) {
    return limits.selection().wrap(openAll(file, source, format, idField, textField, limits, onRawBytes), source);
  }

  private static DocumentReader openAll(Path file, String source, String format, String idField, String textField,
      ReaderLimits limits, LongConsumer onRawBytes) {
    InputStream raw = null;
    try {
      if (Files.isDirectory(file)) {
        FormatProvider p = Formats.get(format);
        if (p == null || !p.readsFolders()) throw new IllegalArgumentException(file + " is a folder; format " + format + " reads files");
        return p.openReader(file, idField, textField, limits);
      }
      if (Files.size(file) == 0) return single(new Rejection(null, source, Reason.EMPTY_FILE, "the file is empty"));
      raw = new CountingInputStream(Files.newInputStream(file), onRawBytes);
      return switch (format) {
        // compression is recognised by the file's first bytes, whatever its name says
        case "jsonl" -> new JsonlReader(source, Compression.open(raw), idField, textField, limits);
        // the archive readers recognise the compression themselves and resume at the next member after damage
        case "wet" -> new WetReader(source, raw, limits);
        case "warc" -> new WarcReader(source, raw, limits);
        default -> {
          FormatProvider p = Formats.get(format);
          if (p == null) throw new IllegalArgumentException("unknown input format " + format);
          raw.close();
          onRawBytes.accept(Files.size(file)); // columnar readers seek; progress counts the file at once
          yield p.openReader(file, idField, textField, limits);
        }
      };
    } catch (EOFException e) {
      close(raw);
      return single(new Rejection(null, source, Reason.TRUNCATED, "the compressed stream ends before its header: " + e.getMessage()));
    } catch (IOException e) {
      close(raw);
      return single(new Rejection(null, source, Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static void close(InputStream in) {
    if (in == null) return;
    try {
      in.close();
    } catch (IOException ignored) {
      // the open already failed; that error is the one reported
    }
  }

  private static DocumentReader single(Rejection r) {
    return new DocumentReader() {
      private boolean given;

      @Override
      public ReadResult next() {
        if (given) return null;
        given = true;
        return ReadResult.rejected(r);
      }

      @Override
      public void close() {}
    };
  }
}
