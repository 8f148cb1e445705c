package io.winnow.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Outputs are written under a temporary name and renamed when complete, so a crash never leaves half a file. */
public final class AtomicFiles {
  public static final String TMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  public static Path tmp(Path target) {
    return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
  }

  /** Renames the finished temporary file onto its final name. */
  public static void commit(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static void write(Path target, byte[] content) throws IOException {
    Path tmp = tmp(target);
    Files.write(tmp, content);
    commit(tmp, target);
  }
}
