package io.winnow.report.diversity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Popularity in code: for each ecosystem, how many projects (manifests) there are and the share of them that
 * depend on each library, with the concentration of the dependency distribution — the Herfindahl–Hirschman
 * index (Σ s², s the share of all declared dependencies that name one library: 1 when every dependency is the
 * same library) and its entropy in bits. Generated projects tend to reach for the same few libraries; a corpus
 * of them shows it here long before it shows in text statistics. Vendored and build folders
 * ({@code node_modules}, {@code vendor}, {@code target}, {@code .git}, {@code build}, {@code dist}) are not
 * walked: their manifests are other projects' copies.
 */
public final class DependencyProfile {
  private static final Set<String> SKIPPED = Set.of("node_modules", "vendor", "target", ".git", "build", "dist", "third_party");
  static final int TOP = 10;

  /** One ecosystem's counts: projects, and per dependency the projects that declare it. */
  static final class Ecosystem {
    long projects;
    long withDependencies;
    final Map<String, Long> projectsPerDependency = new TreeMap<>();

    long declared() {
      long n = 0;
      for (long c : projectsPerDependency.values()) n += c;
      return n;
    }

    double hhi() {
      double total = declared();
      if (total == 0) return 0;
      double h = 0;
      for (long c : projectsPerDependency.values()) h += (c / total) * (c / total);
      return h;
    }

    double entropyBits() {
      double total = declared();
      double h = 0;
      for (long c : projectsPerDependency.values()) {
        double p = c / total;
        h -= p * Math.log(p) / Math.log(2);
      }
      return h;
    }

    double share(String dependency) {
      return projects == 0 ? 0 : projectsPerDependency.getOrDefault(dependency, 0L) / (double) projects;
    }

    List<Map.Entry<String, Long>> top(int k) {
      return projectsPerDependency.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(k).toList();
    }
  }

  private final String name;
  final Map<String, Ecosystem> ecosystems = new TreeMap<>();
  private long unparsable;
  private String firstError;

  public DependencyProfile(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Every manifest under the roots (files or folders). */
  public static DependencyProfile scan(String name, List<Path> roots) throws IOException {
    DependencyProfile p = new DependencyProfile(name);
    for (Path root : roots) {
      if (!Files.exists(root)) throw new IOException(root + ": no such file or folder");
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          String fileName = file.getFileName().toString();
          if (attrs.isRegularFile() && Manifests.ecosystem(fileName) != null && attrs.size() < (16 << 20)) {
            p.add(file.toString(), fileName, Files.readString(file, StandardCharsets.UTF_8));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    }
    return p;
  }

  /** Whether a folder of this name holds other projects' copies (vendored, built), whose manifests are not counted. */
  public static boolean isVendoredFolder(String folderName) {
    return SKIPPED.contains(folderName);
  }

  /** One manifest: a project of its ecosystem. */
  public void add(String where, String fileName, String content) {
    add(where, Manifests.parse(fileName, content));
  }

  /** One project's declared dependencies (parsed already, or several manifests of one project merged). */
  public void add(String where, Manifests.Declared d) {
    if (d.ecosystem() == null) return;
    if (d.error() != null) {
      unparsable++;
      if (firstError == null) firstError = where + ": " + d.error();
      return;
    }
    Ecosystem e = ecosystems.computeIfAbsent(d.ecosystem(), k -> new Ecosystem());
    e.projects++;
    if (!d.dependencies().isEmpty()) e.withDependencies++;
    for (String dep : d.dependencies()) e.projectsPerDependency.merge(dep, 1L, Long::sum);
  }

  public long projects() {
    return ecosystems.values().stream().mapToLong(e -> e.projects).sum();
  }

  public void print(PrintWriter out) {
    out.printf(Locale.ROOT, "dependencies of %s: %,d projects%s%n", name, projects(),
        unparsable == 0 ? "" : String.format(Locale.ROOT, ", %,d manifests unparsable (first: %s)", unparsable, firstError));
    ecosystems.forEach((eco, e) -> {
      out.printf(Locale.ROOT, "  %-6s %,6d projects (%,d with dependencies), %,d distinct dependencies, HHI %.4f, entropy %.2f bits%n",
          eco, e.projects, e.withDependencies, e.projectsPerDependency.size(), e.hhi(), e.entropyBits());
      for (Map.Entry<String, Long> t : e.top(TOP)) {
        out.printf(Locale.ROOT, "         %5.1f %%  %s%n", 100.0 * t.getValue() / e.projects, t.getKey());
      }
    });
    out.flush();
  }

  public ObjectNode toJson(ObjectMapper m) {
    ObjectNode n = m.createObjectNode();
    n.put("name", name);
    n.put("projects", projects());
    n.put("unparsable", unparsable);
    ObjectNode es = n.putObject("ecosystems");
    ecosystems.forEach((eco, e) -> {
      ObjectNode o = es.putObject(eco);
      o.put("projects", e.projects);
      o.put("with_dependencies", e.withDependencies);
      o.put("distinct_dependencies", e.projectsPerDependency.size());
      o.put("hhi", e.hhi());
      o.put("entropy_bits", e.entropyBits());
      ObjectNode top = o.putObject("top_share");
      for (Map.Entry<String, Long> t : e.top(TOP)) top.put(t.getKey(), (double) t.getValue() / e.projects);
    });
    return n;
  }

  /**
   * Where a later generation concentrates on fewer libraries than the first: a library in {@code sharePoints}
   * more percentage points of an ecosystem's projects (with its lift, the ratio of the two shares), or the
   * dependency HHI up by {@code hhiPercent} per cent.
   */
  public static List<String> verdicts(List<DependencyProfile> generations, double sharePoints, double hhiPercent) {
    List<String> out = new ArrayList<>();
    DependencyProfile base = generations.get(0);
    for (int g = 1; g < generations.size(); g++) {
      DependencyProfile later = generations.get(g);
      for (Map.Entry<String, Ecosystem> en : later.ecosystems.entrySet()) {
        Ecosystem was = base.ecosystems.get(en.getKey());
        Ecosystem now = en.getValue();
        if (was == null || was.projects == 0 || now.projects == 0) continue;
        for (Map.Entry<String, Long> t : now.top(TOP)) {
          double s = now.share(t.getKey());
          double before = was.share(t.getKey());
          if (100 * (s - before) >= sharePoints) {
            out.add(String.format(Locale.ROOT, "[%d] %s: %s in %.0f %% of projects (was %.0f %%, lift %s)", g + 1, en.getKey(), t.getKey(),
                100 * s, 100 * before, before == 0 ? "new" : String.format(Locale.ROOT, "%.1f×", s / before)));
          }
        }
        if (was.hhi() > 0 && 100 * (now.hhi() / was.hhi() - 1) >= hhiPercent) {
          out.add(String.format(Locale.ROOT, "[%d] %s: dependency concentration (HHI) %.4f, was %.4f (+%.0f %%)", g + 1, en.getKey(),
              now.hhi(), was.hhi(), 100 * (now.hhi() / was.hhi() - 1)));
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
