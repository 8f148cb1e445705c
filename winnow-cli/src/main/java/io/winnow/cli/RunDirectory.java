package io.winnow.cli;

import io.winnow.engine.RunFailedException;
import io.winnow.engine.RunLayout;
import io.winnow.engine.RunLock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code run --overwrite}: empties a run directory, and only a run directory no run is writing. */
final class RunDirectory {
  private RunDirectory() {}

  static void delete(Path root) throws IOException {
    if (!Files.isDirectory(root)) return;
    if (!Files.exists(new RunLayout(root).runJson())) {
      try (Stream<Path> s = Files.list(root)) {
        if (s.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE_NAME))) {
          throw new RunFailedException(root + " exists and is not a Winnow run (no run.json); --overwrite deletes only runs");
        }
      }
    }
    // holding the lock while deleting: a run that is writing here makes acquire fail, naming it
    try (RunLock lock = RunLock.acquire(root); DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path p : entries) {
        if (p.getFileName().toString().equals(RunLock.FILE_NAME)) continue;
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
      }
    }
  }
}
