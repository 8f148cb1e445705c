package io.winnow.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Outputs are written under a temporary name and renamed when complete, so a crash never leaves half a file.
 * A commit forces the file's data to disk before the rename and the folder's entry after it: without the
 * first, a crash soon after can leave the final name on an empty or partial file (the rename reaches the
 * disk before the data on common file systems); without the second, the rename itself may be lost.
 */
public final class AtomicFiles {
  public static final String TMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  public static Path tmp(Path target) {
    return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
  }

  /** Renames the finished temporary file onto its final name, durably. */
  public static void commit(Path tmp, Path target) throws IOException {
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      c.force(true);
    } catch (IOException e) {
      throw named(tmp, e);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncFolder(target.toAbsolutePath().getParent());
  }

  public static void write(Path target, byte[] content) throws IOException {
    Path tmp = tmp(target);
    try {
      Files.write(tmp, content);
    } catch (IOException e) {
      throw named(tmp, e);
    }
    commit(tmp, target);
  }

  /**
   * A new output file whose write errors name it: the JDK's "No space left on device" says nothing of which
   * file of which run was being written.
   */
  public static OutputStream create(Path file) throws IOException {
    OutputStream raw;
    try {
      raw = Files.newOutputStream(file);
    } catch (IOException e) {
      throw named(file, e);
    }
    return new FilterOutputStream(raw) {
      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (IOException e) {
          throw named(file, e);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw named(file, e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw named(file, e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } catch (IOException e) {
          throw named(file, e);
        }
      }
    };
  }

  private static IOException named(Path file, IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains(file.toString())) return e;
    return new IOException("writing " + file + ": " + m, e);
  }

  /** Folders cannot be opened for sync on every platform (Windows); there the rename is as durable as it gets. */
  private static void syncFolder(Path dir) {
    if (dir == null) return;
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // not supported here: nothing more can be done
    }
  }
}
