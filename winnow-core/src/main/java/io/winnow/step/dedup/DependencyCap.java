package io.winnow.step.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.diversity.DependencyProfile;
import io.winnow.report.diversity.Manifests;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The decide phase of the {@code diversity} step capped by dependency ({@code by: dependency}): no library may
 * be declared by more than {@code max_share} of an ecosystem's projects ("at most 5 % of Rust projects depend on
 * tokio"), and never by fewer than one. A dependency over its cap loses its lowest-ranked projects by the keeper rule (lowest score first, then
 * the latest in input order), one at a time: each removal lowers the share of every library the project
 * declares and the ecosystem's project count, so the dependency most over its cap (most projects; ties to the
 * ecosystem, then the library, first by name) is cut next, until every capped dependency is within its cap. A
 * project declaring several capped libraries is removed once, for the library whose cap it was cut for, and its
 * removal counts towards all of them.
 *
 * <p>The input is every manifest the step observed, in any order (projects are merged order-independently), so
 * the local fit and a distributed one decide the same. Memory: the manifest projects and their declared
 * dependencies, on the heap (about 100 bytes per project and 40 per declared dependency): bounded by the
 * manifests of the corpus, not by its documents.
 */
public final class DependencyCap {
  /**
   * @param ecosystem the ecosystem whose projects are capped, or null for each ecosystem within itself
   * @param dependencies the libraries capped; empty: every library of the ecosystem(s)
   * @param projectField metadata field naming a document's project (repository), or null: each document is one
   */
  public record Config(double maxShare, String ecosystem, List<String> dependencies, String pathField, String projectField,
      KeeperRule keeper) {
    boolean capped(String dependency) {
      return dependencies.isEmpty() || dependencies.contains(dependency);
    }
  }

  /** One manifest document as the observe phase saw it (a plain class: distributed engines ship it). */
  public static final class Manifest implements Serializable {
    private static final long serialVersionUID = 1L;
    final long project;
    final int shard;
    final long position;
    final double score;
    final String id;
    final String projectName;
    final String ecosystem;
    final String error;
    final String[] dependencies;

    /**
     * @param projectName the project-field value, or null (the project is the document)
     * @param error why the manifest gave no dependencies (unparsable), or null
     */
    public Manifest(long project, int shard, long position, double score, String id, String projectName, String ecosystem,
        String error, String[] dependencies) {
      this.project = project;
      this.shard = shard;
      this.position = position;
      this.score = score;
      this.id = id;
      this.projectName = projectName;
      this.ecosystem = ecosystem;
      this.error = error;
      this.dependencies = dependencies;
    }

    boolean before(Manifest o) {
      return shard != o.shard ? shard < o.shard : position < o.position;
    }
  }

  /** A project the cap removes, with every document of it: why, and the dependency's figures. */
  public static final class Capped implements Serializable {
    private static final long serialVersionUID = 1L;
    final long project;
    final String projectName;
    final String ecosystem;
    final String dependency;
    final long projectsBefore;
    final long projectsAfter;
    final double shareBefore;
    final double shareAfter;
    final String[] alsoOverCap;

    Capped(long project, String projectName, String ecosystem, String dependency, long projectsBefore, long projectsAfter,
        double shareBefore, double shareAfter, String[] alsoOverCap) {
      this.project = project;
      this.projectName = projectName;
      this.ecosystem = ecosystem;
      this.dependency = dependency;
      this.projectsBefore = projectsBefore;
      this.projectsAfter = projectsAfter;
      this.shareBefore = shareBefore;
      this.shareAfter = shareAfter;
      this.alsoOverCap = alsoOverCap;
    }

    public long project() {
      return project;
    }
  }

  public record Result(List<Capped> capped, Map<String, Object> stats) {}

  /** A project: its manifests merged (dependencies by ecosystem, best score, first manifest). */
  private static final class Project {
    final long key;
    Manifest first;
    double score = Double.NEGATIVE_INFINITY;
    final TreeMap<String, TreeSet<String>> declared = new TreeMap<>();
    final List<Dep> deps = new ArrayList<>();

    Project(long key) {
      this.key = key;
    }
  }

  private static final class Dep {
    final Eco eco;
    final String name;
    final boolean capped;
    final IntArrayList members = new IntArrayList(); // project ranks, best first
    int count;
    int cursor;

    Dep(Eco eco, String name, boolean capped) {
      this.eco = eco;
      this.name = name;
      this.capped = capped;
    }
  }

  private record Entry(int count, Dep dep) {}

  private static final class Eco {
    final String name;
    final TreeMap<String, Dep> deps = new TreeMap<>();
    final PriorityQueue<Entry> queue = new PriorityQueue<>(
        Comparator.comparingInt((Entry e) -> -e.count()).thenComparing(e -> e.dep().name));
    int projectsBefore;
    int kept;

    Eco(String name) {
      this.name = name;
    }

    /** The capped dependency with the most kept projects, or null. */
    Dep top() {
      for (Entry e; (e = queue.peek()) != null; queue.poll()) if (e.count() == e.dep().count && e.count() > 0) return e.dep();
      return null;
    }
  }

  private DependencyCap() {}

  public static Result decide(Config config, Iterable<Manifest> manifests) {
    Long2ObjectOpenHashMap<Project> byKey = new Long2ObjectOpenHashMap<>();
    long manifestCount = 0;
    long unparsable = 0;
    Manifest firstError = null;
    for (Manifest m : manifests) {
      manifestCount++;
      if (m.error != null) {
        unparsable++;
        if (firstError == null || m.before(firstError)) firstError = m;
        continue;
      }
      Project p = byKey.computeIfAbsent(m.project, Project::new);
      if (p.first == null || m.before(p.first)) p.first = m;
      p.score = Math.max(p.score, m.score);
      p.declared.computeIfAbsent(m.ecosystem, k -> new TreeSet<>()).addAll(Arrays.asList(m.dependencies));
    }
    // ranks: the keeper rule's best first (highest score, then first in input order)
    Project[] ranked = byKey.values().toArray(new Project[0]);
    Arrays.sort(ranked, (a, b) -> {
      int c = Double.compare(b.score, a.score);
      if (c != 0) return c;
      return a.first.before(b.first) ? -1 : b.first.before(a.first) ? 1 : 0;
    });
    TreeMap<String, Eco> ecos = new TreeMap<>();
    for (int r = 0; r < ranked.length; r++) {
      Project p = ranked[r];
      for (Map.Entry<String, TreeSet<String>> e : p.declared.entrySet()) {
        Eco eco = ecos.computeIfAbsent(e.getKey(), Eco::new);
        eco.projectsBefore++;
        for (String name : e.getValue()) {
          Dep d = eco.deps.computeIfAbsent(name, n -> new Dep(eco, n, config.capped(n)));
          d.members.add(r);
          p.deps.add(d);
        }
      }
    }
    Map<Dep, Integer> before = new java.util.IdentityHashMap<>();
    for (Eco eco : ecos.values()) {
      eco.kept = eco.projectsBefore;
      for (Dep d : eco.deps.values()) {
        d.count = d.members.size();
        d.cursor = d.count - 1;
        before.put(d, d.count);
        if (d.capped) eco.queue.add(new Entry(d.count, d));
      }
    }

    Dep[] cappedBy = new Dep[ranked.length];
    while (true) {
      Dep pick = null;
      int pickExcess = 0;
      for (Eco eco : ecos.values()) {
        Dep top = eco.top();
        if (top == null) continue;
        int excess = top.count - allowed(config.maxShare(), eco.kept);
        if (excess > pickExcess) {
          pick = top;
          pickExcess = excess;
        }
      }
      if (pick == null) break;
      while (cappedBy[pick.members.getInt(pick.cursor)] != null) pick.cursor--;
      int r = pick.members.getInt(pick.cursor);
      cappedBy[r] = pick;
      for (String eco : ranked[r].declared.keySet()) ecos.get(eco).kept--;
      for (Dep d : ranked[r].deps) {
        d.count--;
        if (d.capped) d.eco.queue.add(new Entry(d.count, d));
      }
    }

    List<Capped> capped = new ArrayList<>();
    for (int r = 0; r < ranked.length; r++) {
      Dep d = cappedBy[r];
      if (d == null) continue;
      Project p = ranked[r];
      List<String> also = new ArrayList<>();
      for (Dep o : p.deps) {
        if (o != d && o.capped && before.get(o) > config.maxShare() * o.eco.projectsBefore) also.add(o.eco.name + ":" + o.name);
      }
      capped.add(new Capped(p.key, p.first.projectName != null ? p.first.projectName : p.first.id, d.eco.name, d.name,
          before.get(d), d.count, share(before.get(d), d.eco.projectsBefore), share(d.count, d.eco.kept), also.toArray(new String[0])));
    }
    return new Result(capped, stats(config, ecos, before, ranked, cappedBy, manifestCount, unparsable, firstError, capped.size()));
  }

  /**
   * Projects a dependency may keep: {@code max_share} of the ecosystem's kept projects, rounded down, and at least
   * one — a library one project declares is not a popular one, and without that floor a small ecosystem would
   * lose every project that declares anything once max_share × projects falls below one.
   */
  static int allowed(double maxShare, int projects) {
    return Math.max(1, (int) Math.floor(maxShare * projects + 1e-9));
  }

  private static double share(long count, long projects) {
    return projects == 0 ? 0 : Math.round(1e6 * count / (double) projects) / 1e6;
  }

  private static Map<String, Object> stats(Config config, TreeMap<String, Eco> ecos, Map<Dep, Integer> before, Project[] ranked,
      Dep[] cappedBy, long manifests, long unparsable, Manifest firstError, int removed) {
    DependencyProfile was = new DependencyProfile("before");
    DependencyProfile now = new DependencyProfile("after");
    for (int r = 0; r < ranked.length; r++) {
      for (Map.Entry<String, TreeSet<String>> e : ranked[r].declared.entrySet()) {
        Manifests.Declared d = new Manifests.Declared(e.getKey(), Set.copyOf(e.getValue()), null);
        was.add(ranked[r].first.id, d);
        if (cappedBy[r] == null) now.add(ranked[r].first.id, d);
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode wasJson = was.toJson(json).path("ecosystems");
    JsonNode nowJson = now.toJson(json).path("ecosystems");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("by", "dependency");
    s.put("max_share", config.maxShare());
    s.put("ecosystem", config.ecosystem() == null ? "all" : config.ecosystem());
    s.put("dependencies", config.dependencies().isEmpty() ? "all" : config.dependencies());
    s.put("manifests", manifests);
    s.put("unparsable_manifests", unparsable);
    if (firstError != null) s.put("first_unparsable", firstError.id + ": " + firstError.error);
    s.put("projects", ranked.length);
    s.put("removed_projects", removed);
    Map<String, Object> byEco = new LinkedHashMap<>();
    for (Eco eco : ecos.values()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("projects_before", eco.projectsBefore);
      e.put("projects_after", eco.kept);
      Map<String, Object> cappedDeps = new LinkedHashMap<>();
      for (Dep d : eco.deps.values()) {
        int b = before.get(d);
        long cut = 0;
        for (int i = 0; i < d.members.size(); i++) if (cappedBy[d.members.getInt(i)] == d) cut++;
        if (!d.capped || (cut == 0 && b <= config.maxShare() * eco.projectsBefore)) continue;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("projects_before", b);
        f.put("projects_after", d.count);
        f.put("share_before", share(b, eco.projectsBefore));
        f.put("share_after", share(d.count, eco.kept));
        f.put("removed_for_it", cut);
        cappedDeps.put(d.name, f);
      }
      e.put("capped", cappedDeps);
      e.put("distribution_before", wasJson.get(eco.name));
      e.put("distribution_after", nowJson.has(eco.name) ? nowJson.get(eco.name) : null);
      byEco.put(eco.name, e);
    }
    s.put("ecosystems", byEco);
    return s;
  }
}
