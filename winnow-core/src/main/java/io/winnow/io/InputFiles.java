package io.winnow.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands the input paths of a pipeline (files, directories, globs) into a sorted list of files. */
public final class InputFiles {
  private InputFiles() {}

  public static List<Path> expand(List<String> patterns) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (String pattern : patterns) {
      List<Path> matched = expandOne(pattern);
      if (matched.isEmpty()) throw new IOException("input path '" + pattern + "' matches no file");
      files.addAll(matched);
    }
    List<Path> sorted = new ArrayList<>(files);
    sorted.sort(null);
    return sorted;
  }

  private static List<Path> expandOne(String pattern) throws IOException {
    if (!hasGlob(pattern)) {
      Path p = Path.of(pattern);
      if (Files.isRegularFile(p)) return List.of(p);
      if (Files.isDirectory(p)) return walk(p, f -> true);
      return List.of();
    }
    // the longest leading part without glob characters is the directory to walk
    String[] parts = pattern.replace('\\', '/').split("/");
    StringBuilder base = new StringBuilder();
    for (String part : parts) {
      if (hasGlob(part)) break;
      base.append(part).append('/');
    }
    boolean relative = base.length() == 0;
    Path root = relative ? Path.of(".") : Path.of(base.toString());
    if (!Files.isDirectory(root)) return List.of();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    return walk(root, f -> m.matches(relative ? root.relativize(f) : f));
  }

  private static List<Path> walk(Path root, java.util.function.Predicate<Path> keep) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
    }
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  /** The reader format a file name implies: {@code wet}, {@code warc} or {@code jsonl}; null when unknown. */
  public static String formatOf(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    n = n.replaceAll("\\.(gz|gzip|zst|zstd)$", "");
    if (n.endsWith(".wet") || n.endsWith(".warc.wet")) return "wet";
    if (n.endsWith(".warc") || n.endsWith(".arc")) return "warc";
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) return "jsonl";
    FormatProvider p = Formats.forFile(file.getFileName().toString());
    return p == null ? null : p.name();
  }
}
