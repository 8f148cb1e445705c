package io.winnow.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a local run may write. A remote URI would otherwise become a local folder named {@code s3:} and the run
 * would report success; an output inside a folder the input walks would be read back in by the next run or
 * resume, and an input inside the output folder could be overwritten or deleted by shard cleaning.
 */
final class OutputPlacement {
  /** A URI scheme of two or more characters ({@code s3:}, {@code hdfs:}, {@code file:}); one letter is a drive. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]+:.*", Pattern.DOTALL);

  private OutputPlacement() {}

  static void refuseRemote(String outputPath) {
    if (SCHEME.matcher(outputPath).matches()) {
      throw new RunFailedException("output path " + outputPath + ": the local engine writes to local paths only; "
          + "give a local folder, or run on Spark (./winnow spark-run, docs/SPARK.md) to write to remote storage");
    }
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
