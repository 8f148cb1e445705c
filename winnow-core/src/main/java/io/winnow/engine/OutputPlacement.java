package io.winnow.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a local run may write. An output inside a folder the input walks would be read back in by the next run or
 * resume, and an input inside the output folder could be overwritten or deleted by shard cleaning.
 */
final class OutputPlacement {
  private OutputPlacement() {}

  /** A {@code file:} URI names a local folder: the path it stands for, not a folder named {@code file:}. */
  static String localPath(String outputPath) {
    return outputPath.startsWith("file:") ? Path.of(java.net.URI.create(outputPath)).toString() : outputPath;
  }

  /**
   * @param patterns the input paths as the pipeline gives them (files, folders, globs)
   * @param inputs what they expanded to
   */
  static void check(Path outputRoot, List<String> patterns, List<Path> inputs) throws IOException {
    Path out = canonical(outputRoot);
    for (Path in : inputs) {
      if (canonical(in).startsWith(out)) {
        throw new RunFailedException("input " + in + " lies inside the output folder " + outputRoot + "; choose an output path outside the inputs");
      }
    }
    for (String pattern : patterns) {
      Path walked = walkedFolder(pattern);
      if (walked != null && out.startsWith(canonical(walked))) {
        throw new RunFailedException("output folder " + outputRoot + " is inside the input folder " + walked + " (from '" + pattern
            + "'): a later run or a resume would read this run's output as input; choose an output path outside it");
      }
    }
  }

  /** The folder a pattern walks recursively: a folder itself, or the fixed part of a glob with {@code **}. */
  private static Path walkedFolder(String pattern) {
    if (pattern.contains("**")) {
      String fixed = pattern.substring(0, pattern.indexOf("**"));
      int glob = indexOfGlob(fixed);
      if (glob >= 0) fixed = fixed.substring(0, glob);
      int slash = fixed.lastIndexOf('/');
      return Path.of(slash < 0 ? "." : slash == 0 ? "/" : fixed.substring(0, slash));
    }
    if (indexOfGlob(pattern) >= 0) return null;
    Path p = Path.of(pattern);
    return Files.isDirectory(p) ? p : null;
  }

  private static int indexOfGlob(String s) {
    for (int i = 0; i < s.length(); i++) if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  /** The real path of the longest existing prefix, with the rest appended: symlinks resolved where they exist. */
  private static Path canonical(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return abs;
    return existing.toRealPath().resolve(existing.relativize(abs));
  }
}
