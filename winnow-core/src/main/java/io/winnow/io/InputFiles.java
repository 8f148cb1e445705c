package io.winnow.io;

import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Expands the input paths of a pipeline (files, directories, globs) into a sorted list of files.
 *
 * <p>Folders are walked following symbolic links to folders (a link back to a folder already walked, a loop,
 * is not walked twice), and a file reached by two paths is read once (under the first path in sorted order).
 * Nothing that could hold records is skipped silently: a FIFO, socket or device, a broken symbolic link and a
 * folder that cannot be listed are each one {@code input.unreadable} rejection naming the path
 * ({@link #scan}); {@link #expand} fails on them with a message naming every such path.
 */
public final class InputFiles {
  private InputFiles() {}

  /** The files to read, and one rejection for each path found that could hold records but cannot be read. */
  public record Expansion(List<Path> files, List<Rejection> unreadable) {}

  /**
   * The files to read. Fails when something under the inputs cannot be read (see {@link #scan} to have those
   * as rejections instead), or when a pattern matches nothing at all.
   */
  public static List<Path> expand(List<String> patterns) throws IOException {
    return expand(patterns, false);
  }

  /**
   * As {@link #expand(List)}; with {@code foldersAsInputs} (a format that {@link FormatProvider#readsFolders()}),
   * a folder named or matched is one input, not walked.
   */
  public static List<Path> expand(List<String> patterns, boolean foldersAsInputs) throws IOException {
    Expansion e = scan(patterns, foldersAsInputs);
    if (!e.unreadable().isEmpty()) {
      StringBuilder sb = new StringBuilder(e.unreadable().size() == 1 ? "an input path cannot be read:" : "input paths cannot be read:");
      for (Rejection r : e.unreadable()) sb.append("\n  ").append(r.location()).append(": ").append(r.detail());
      sb.append("\nremove them from the input folders or name the input files explicitly");
      throw new IOException(sb.toString());
    }
    return e.files();
  }

  /** Expands the patterns; fails only when a pattern matches nothing, readable or not. */
  public static Expansion scan(List<String> patterns) throws IOException {
    return scan(patterns, false);
  }

  private static Expansion scan(List<String> patterns, boolean foldersAsInputs) throws IOException {
    Set<Path> found = new LinkedHashSet<>();
    Map<Path, Rejection> unreadableByPath = new LinkedHashMap<>();
    for (String pattern : patterns) {
      Walk walk = new Walk(foldersAsInputs);
      expandOne(pattern, walk);
      if (walk.found.isEmpty() && walk.unreadable.isEmpty()) throw new IOException("input path '" + pattern + "' matches no file");
      found.addAll(walk.found);
      walk.unreadable.forEach(unreadableByPath::putIfAbsent);
    }
    List<Path> sorted = new ArrayList<>(found);
    sorted.sort(null);
    // the same file under two names (a symbolic link, "./x" and "x") would be read twice
    Set<Path> real = new HashSet<>();
    List<Path> files = new ArrayList<>(sorted.size());
    for (Path p : sorted) if (real.add(realPath(p))) files.add(p);
    List<Rejection> unreadable = new ArrayList<>(unreadableByPath.values());
    unreadable.sort((x, y) -> x.location().compareTo(y.location()));
    return new Expansion(List.copyOf(files), List.copyOf(unreadable));
  }

  /** What the walk of one pattern found: files, and the unreadable paths by path (each reported once). */
  private static final class Walk {
    final Set<Path> found = new LinkedHashSet<>();
    final Map<Path, Rejection> unreadable = new LinkedHashMap<>();
    /** Real paths of the folders walked, so a link loop (or two links to one folder) is walked once. */
    final Set<Path> walked = new HashSet<>();
    /** A folder is an input itself (see {@link FormatProvider#readsFolders()}). */
    final boolean foldersAsInputs;

    Walk(boolean foldersAsInputs) {
      this.foldersAsInputs = foldersAsInputs;
    }

    void unreadable(Path p, String why) {
      unreadable.putIfAbsent(p, new Rejection(null, p.toString(), Reason.UNREADABLE, why));
    }
  }

  private static void expandOne(String pattern, Walk walk) throws IOException {
    if (!hasGlob(pattern)) {
      Path p = Path.of(pattern);
      if (Files.isDirectory(p) && walk.foldersAsInputs) walk.found.add(p);
      else if (Files.isDirectory(p)) descend(p, f -> true, walk);
      else if (Files.exists(p) || Files.isSymbolicLink(p)) visitFile(p, walk);
      return;
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
    if (!Files.isDirectory(root)) return;
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    descend(root, f -> m.matches(relative ? root.relativize(f) : f), walk);
  }

  /** Walks one folder and those below it, unless it was walked already (a loop of links). */
  private static void descend(Path dir, Predicate<Path> keep, Walk walk) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      walk.unreadable(dir, "the folder cannot be resolved: " + describe(e));
      return;
    }
    if (!walk.walked.add(real)) return;
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) entries.add(p);
    } catch (IOException | RuntimeException e) {
      walk.unreadable(dir, "the folder cannot be read: " + describe(e));
      return;
    }
    entries.sort(null);
    for (Path p : entries) {
      if (Files.isDirectory(p) && walk.foldersAsInputs && keep.test(p)) walk.found.add(p);
      else if (Files.isDirectory(p)) descend(p, keep, walk); // follows a link to a folder
      else if (keep.test(p)) visitFile(p, walk);
    }
  }

  /** A path that is not a folder: a file to read, or a rejection saying why it cannot be. */
  private static void visitFile(Path p, Walk walk) {
    if (Files.isRegularFile(p)) {
      walk.found.add(p);
    } else if (!Files.exists(p)) {
      String target;
      try {
        target = String.valueOf(Files.readSymbolicLink(p));
      } catch (IOException e) {
        target = "?";
      }
      walk.unreadable(p, "broken symbolic link (to " + target + ")");
    } else {
      walk.unreadable(p, "not a regular file (" + kind(p) + "): its records cannot be read");
    }
  }

  private static String kind(Path p) {
    try {
      Object mode = Files.getAttribute(p, "unix:mode");
      int type = ((Integer) mode) & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | RuntimeException e) {
      return "a FIFO, socket or device";
    }
  }

  /** The bytes of an input: a file's size, or the sum of the regular files under a folder input. */
  public static long bytes(Path input) throws IOException {
    if (!Files.isDirectory(input)) return Files.size(input);
    try (java.util.stream.Stream<Path> s = Files.walk(input)) {
      long total = 0;
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) total += Files.size(f);
      return total;
    }
  }

  /** The latest modification time under an input (the file's own, or the newest file or folder under a folder). */
  public static long lastModifiedMillis(Path input) throws IOException {
    if (!Files.isDirectory(input)) return Files.getLastModifiedTime(input).toMillis();
    try (java.util.stream.Stream<Path> s = Files.walk(input)) {
      long latest = 0;
      for (Path f : (Iterable<Path>) s::iterator) latest = Math.max(latest, Files.getLastModifiedTime(f).toMillis());
      return latest;
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  /**
   * The format an input is read in: the configured one, or for {@code auto} the one its name implies. Run and
   * plan both ask here, so that plan refuses exactly what run would.
   */
  public static String resolveFormat(Path file, String configured) throws IOException {
    if (!configured.equals("auto")) return configured;
    String f = formatOf(file);
    if (f == null) {
      java.util.List<String> all = new java.util.ArrayList<>(List.of("jsonl", "wet", "warc"));
      all.addAll(Formats.names());
      throw new IOException(file + ": cannot tell the input format from the file name; set input.format to one of "
          + String.join(", ", all));
    }
    return f;
  }

  /** The reader format a file name implies: {@code wet}, {@code warc} or {@code jsonl}; null when unknown. */
  public static String formatOf(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    n = n.replaceAll("\\.(gz|gzip|zst|zstd|bz2|xz|lz4)$", "");
    if (n.endsWith(".wet") || n.endsWith(".warc.wet")) return "wet";
    if (n.endsWith(".warc") || n.endsWith(".arc")) return "warc";
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) return "jsonl";
    FormatProvider p = Formats.forFile(file.getFileName().toString());
    return p == null ? null : p.name();
  }
}
