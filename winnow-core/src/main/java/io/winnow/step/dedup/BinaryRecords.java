package io.winnow.step.dedup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fitted files of the dedup family ({@code removed.bin}, {@code unsigned.bin}, {@code capped.bin},
 * {@code clustered.bin}): records that start with a document key, read until the file ends.
 */
final class BinaryRecords {
  /** Reads the rest of one record, whose key was just read. */
  interface Reader {
    void read(long key, DataInputStream in) throws IOException;
  }

  private BinaryRecords() {}

  static void forEach(Path file, Reader reader) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      while (true) {
        long key;
        try {
          key = in.readLong();
        } catch (EOFException e) {
          return;
        }
        reader.read(key, in);
      }
    }
  }

  /** A length-prefixed UTF-8 string, as the fit writes ids. */
  static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
