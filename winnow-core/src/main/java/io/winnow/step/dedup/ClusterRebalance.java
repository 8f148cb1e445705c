package io.winnow.step.dedup;

import static io.winnow.doc.Verdict.values;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.io.AtomicFiles;
import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code diversity} corpus step: rebalances over-represented modes. Documents are clustered as near-duplicates
 * are, but at a looser similarity (MinHash over word 5-grams, 16 bands × 4 rows by default: pairs at Jaccard 0.5
 * join with probability 0.64, at 0.3 with 0.12, where dedup's 14 × 8 joins at about 0.75), so a cluster is a
 * family of variations on one text — one template, one answer phrased a hundred ways. Then each cluster is
 * capped ({@code action: cap}: at most {@code max_per_cluster} members, or {@code max_share} of them, the best by
 * the keeper rule stay) or down-weighted ({@code action: weight}: every document gets {@code 1 / size^alpha} in
 * {@code weight_field}, 1 for a document alone in its cluster). Same observe / fit / apply phases and memory
 * bounds as {@code minhash_dedup}; the fit records the cluster-size distribution and its entropy before and
 * after.
 *
 * <p>With {@code by: dependency} the step caps by a dependency key instead ({@link DependencyCap}): in a code
 * corpus no library may be declared by more than {@code max_share} of an ecosystem's projects; projects over the
 * cap are dropped with all their documents ({@link ProjectManifests} says which documents are manifests and
 * which project a document belongs to).
 *
 * <p>Runs on the local engine and, through the parts it exposes ({@link #clustering()}, {@link #kept},
 * {@link #newState}, {@link #manifests}), as stages of a distributed engine that decide the same.
 */
public final class ClusterRebalance implements CorpusStep {
  public static final String TYPE = "diversity";

  public enum Reason implements ReasonCode {
    /** The document's cluster already keeps as many members as the cap allows. */
    OVER_CLUSTER_CAP,
    /** The document's project declares a library already declared by as many projects as the cap allows. */
    OVER_DEPENDENCY_CAP
  }

  public enum Action { CAP, WEIGHT }

  public enum By { CLUSTER, DEPENDENCY }

  private static final String[] ECOSYSTEMS = {"all", "npm", "cargo", "maven", "go", "pypi"};

  /**
   * @param maxPerCluster members a cluster keeps at most (0: no such cap)
   * @param maxShare share of a cluster's members it keeps at most, rounded up (0: no such cap)
   */
  public record Config(int ngramSize, int bands, int rows, long seed, Action action, int maxPerCluster, double maxShare,
      double alpha, String weightField, KeeperRule keeper, int memoryMb, By by, DependencyCap.Config dependency) {
    public static Config from(Params p) {
      By by = By.valueOf(p.getChoice("by", "cluster", "cluster", "dependency").toUpperCase(Locale.ROOT));
      if (by == By.DEPENDENCY) return dependencyCap(p);
      Config c = new Config(
          p.getInt("ngram_size", 5, 1, 1000),
          p.getInt("bands", 16, 1, 1024),
          p.getInt("rows", 4, 1, 1024),
          p.getLong("seed", MinHashParams.REFERENCE_SEED, 0, Long.MAX_VALUE),
          Action.valueOf(p.getChoice("action", "cap", "cap", "weight").toUpperCase(Locale.ROOT)),
          p.getInt("max_per_cluster", 0, 0, Integer.MAX_VALUE),
          p.getDouble("max_share", 0, 0, 1),
          p.getDouble("alpha", 0.5, 0, 10),
          p.getString("weight_field", "weight"),
          KeeperRule.parse(p.getString("keeper", "first")),
          p.getInt("memory_mb", 256, 0, 1 << 20), by, null);
      if (c.action == Action.CAP && c.maxPerCluster == 0 && c.maxShare == 0) {
        throw p.invalid("max_per_cluster", "action: cap needs max_per_cluster (at least 1) or max_share (above 0)");
      }
      p.finish();
      return c;
    }

    /** {@code by: dependency}: max_share (required), ecosystem, dependencies, path_field, project_field, keeper. */
    private static Config dependencyCap(Params p) {
      double maxShare = p.getDouble("max_share", 0, 0, 1);
      if (maxShare <= 0 || maxShare >= 1) throw p.invalid("max_share", "by: dependency needs max_share above 0 and below 1");
      String eco = p.getChoice("ecosystem", "all", ECOSYSTEMS);
      List<String> deps = p.getStrings("dependencies", List.of());
      String pathField = p.getString("path_field", "path");
      String projectField = p.getString("project_field", null);
      KeeperRule keeper = KeeperRule.parse(p.getString("keeper", "first"));
      p.finish();
      DependencyCap.Config d = new DependencyCap.Config(maxShare, eco.equals("all") ? null : eco, deps, pathField, projectField, keeper);
      return new Config(5, 16, 4, MinHashParams.REFERENCE_SEED, Action.CAP, 0, maxShare, 0.5, "weight", keeper, 256, By.DEPENDENCY, d);
    }

    /** Members a cluster of {@code size} keeps. */
    int keep(int size) {
      if (action == Action.WEIGHT) return size;
      int k = size;
      if (maxPerCluster > 0) k = Math.min(k, maxPerCluster);
      if (maxShare > 0) k = Math.min(k, (int) Math.ceil(maxShare * size));
      return Math.max(1, k);
    }
  }

  private static final String DEPENDENCY_CAPPED = "dependency-capped.bin";

  private final Config config;
  private final MinHashDedup clustering;

  public ClusterRebalance(Config config) {
    this.config = config;
    this.clustering = new MinHashDedup(new MinHashDedup.Config(config.ngramSize(), config.bands(), config.rows(),
        MinHasher.Shingles.WORDS, MinHasher.ShingleHash.XXH64, config.seed(), config.keeper(), config.memoryMb(), null, false, 0));
  }

  public Config config() {
    return config;
  }

  public boolean byDependency() {
    return config.by() == By.DEPENDENCY;
  }

  /** The clustering, as a dedup step's parts (signatures, band keys, similarity, keeper rule). */
  public GroupedDedup clustering() {
    return clustering;
  }

  /** Members a cluster of {@code size} keeps: the first by the keeper rule (at least one, at most all). */
  public int kept(int size) {
    return Math.max(1, Math.min(size, config.keep(size)));
  }

  /** A new per-worker function from an observed document (and its place) to its manifest, or null. */
  public ManifestFunction manifests() {
    DependencyCap.Config d = config.dependency();
    ProjectManifests projects = new ProjectManifests(d.pathField(), d.projectField(), d.ecosystem());
    return (doc, shard, position) -> ManifestObservations.of(projects, config.keeper(), doc, shard, position);
  }

  /** See {@link #manifests()}. */
  public interface ManifestFunction {
    DependencyCap.Manifest apply(io.winnow.doc.Document doc, int shard, long position);
  }

  @Override
  public Observer observer(Path dir, int shard) throws IOException {
    if (byDependency()) {
      DependencyCap.Config d = config.dependency();
      return ManifestObservations.observer(dir, shard, new ProjectManifests(d.pathField(), d.projectField(), d.ecosystem()), config.keeper());
    }
    return clustering.observer(dir, shard);
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    if (byDependency()) {
      fitDependencyCap(dir, shards);
      return;
    }
    int h = Observations.HEADER_LONGS;
    int width = config.bands() * config.rows();
    Map<String, Object> params = new LinkedHashMap<>(clustering.config().signatureParams());
    params.put("type", TYPE);
    new DedupFit(dir, width, clustering.grouper(), (x, y) -> clustering.similarity(x, y, h), config.keeper(),
        (long) config.memoryMb() << 20, params).capWith(config::keep).fit(shards, null);
  }

  private void fitDependencyCap(Path dir, int shards) throws IOException {
    DependencyCap.Result r = DependencyCap.decide(config.dependency(), ManifestObservations.readAll(dir, shards));
    Path file = dir.resolve(DEPENDENCY_CAPPED);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(file)), 1 << 16))) {
      for (DependencyCap.Capped c : r.capped()) {
        out.writeLong(c.project);
        ManifestObservations.writeString(out, c.projectName);
        ManifestObservations.writeString(out, c.ecosystem);
        ManifestObservations.writeString(out, c.dependency);
        out.writeLong(c.projectsBefore);
        out.writeLong(c.projectsAfter);
        out.writeDouble(c.shareBefore);
        out.writeDouble(c.shareAfter);
        out.writeInt(c.alsoOverCap.length);
        for (String a : c.alsoOverCap) ManifestObservations.writeString(out, a);
      }
    }
    AtomicFiles.commit(AtomicFiles.tmp(file), file);
    AtomicFiles.write(dir.resolve(DedupFit.FIT_JSON), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(r.stats()));
  }

  @Override
  public Supplier<Step> load(Path dir) throws IOException {
    if (byDependency()) {
      List<DependencyCap.Capped> capped = new ArrayList<>();
      BinaryRecords.forEach(dir.resolve(DEPENDENCY_CAPPED), (key, in) -> {
        String name = ManifestObservations.readString(in);
        String eco = ManifestObservations.readString(in);
        String dep = ManifestObservations.readString(in);
        long before = in.readLong();
        long after = in.readLong();
        double shareBefore = in.readDouble();
        double shareAfter = in.readDouble();
        String[] also = new String[in.readInt()];
        for (int i = 0; i < also.length; i++) also[i] = ManifestObservations.readString(in);
        capped.add(new DependencyCap.Capped(key, name, eco, dep, before, after, shareBefore, shareAfter, also));
      });
      return dependencyFilter(capped);
    }
    State state = State.load(dir);
    return () -> new Filter(state, config);
  }

  /** The apply phase of the dependency cap from the fit's capped projects. */
  public Supplier<Step> dependencyFilter(List<DependencyCap.Capped> capped) {
    DependencyCap.Config d = config.dependency();
    ProjectManifests projects = new ProjectManifests(d.pathField(), d.projectField(), d.ecosystem());
    Long2ObjectOpenHashMap<DependencyCap.Capped> byProject = new Long2ObjectOpenHashMap<>();
    for (DependencyCap.Capped c : capped) byProject.put(c.project, c);
    return () -> new DependencyFilter(byProject, projects, d);
  }

  @Override
  public Map<String, Object> fitStats(Path dir) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = new ObjectMapper().readValue(dir.resolve(DedupFit.FIT_JSON).toFile(), Map.class);
    return m;
  }

  /** An empty fitted state, for a distributed engine to fill with one shard's decisions. */
  public State newState() {
    State s = new State();
    s.clustered.defaultReturnValue(-1);
    return s;
  }

  /** The apply phase of the cluster cap or weight from a fitted state. */
  public Step filter(State state) {
    return new Filter(state, config);
  }

  record Capped(long cluster, int size, int keep, double similarity, String keptId) {}

  /** The fit's decisions: the capped members, and every clustered member's cluster and size (packed). */
  public static final class State {
    final Long2ObjectOpenHashMap<Capped> capped = new Long2ObjectOpenHashMap<>();
    final Long2LongOpenHashMap clustered = new Long2LongOpenHashMap();

    /** A member of a cluster of two or more (by {@link DocKey}), with its cluster's first document's number. */
    public void clustered(long key, long cluster, int size) {
      clustered.put(key, (cluster << 32) | size);
    }

    /** A member beyond its cluster's cap, with its similarity to the cluster's top member and that one's id. */
    public void capped(long key, long cluster, int size, int keep, double similarity, String topId) {
      capped.put(key, new Capped(cluster, size, keep, similarity, topId));
    }

    static State load(Path dir) throws IOException {
      State s = new State();
      s.clustered.defaultReturnValue(-1);
      BinaryRecords.forEach(dir.resolve(DedupFit.CAPPED), (key, in) -> {
        long cluster = in.readLong();
        int size = in.readInt();
        int keep = in.readInt();
        double sim = in.readDouble();
        s.capped(key, cluster, size, keep, sim, BinaryRecords.readString(in));
      });
      BinaryRecords.forEach(dir.resolve(DedupFit.CLUSTERED), (key, in) -> {
        long cluster = in.readLong();
        int size = in.readInt();
        s.clustered(key, cluster, size);
      });
      return s;
    }
  }

  /** The apply phase: drops capped members, or writes weights; every clustered document names its cluster. */
  static final class Filter implements Step {
    private final State state;
    private final Config config;

    Filter(State state, Config config) {
      this.state = state;
      this.config = config;
    }

    @Override
    public Verdict apply(Document doc) {
      long key = DocKey.of(doc);
      Capped c = state.capped.get(key);
      if (c != null) {
        return Verdict.drop(Reason.OVER_CLUSTER_CAP, values("cluster", c.cluster(), "size", c.size(), "keep", c.keep(),
            "top", c.keptId(), "similarity", Math.round(c.similarity() * 1e4) / 1e4));
      }
      long packed = state.clustered.get(key);
      int size = packed < 0 ? 1 : (int) packed;
      // values in a fixed order (not Map.of, whose order changes from one JVM to the next)
      if (config.action() == Action.WEIGHT) {
        double w = Math.round(Math.pow(size, -config.alpha()) * 1e6) / 1e6;
        doc.metadata().put(config.weightField(), w);
        if (packed < 0) return Verdict.keep(values("size", 1, "weight", w));
        return Verdict.keep(values("cluster", packed >>> 32, "size", size, "weight", w));
      }
      if (packed < 0) return Verdict.keep();
      return Verdict.keep(values("cluster", packed >>> 32, "size", size));
    }
  }

  /** The apply phase of the dependency cap: every document of a capped project is dropped, naming why. */
  static final class DependencyFilter implements Step {
    private final Long2ObjectOpenHashMap<DependencyCap.Capped> byProject;
    private final ProjectManifests projects;
    private final DependencyCap.Config config;

    DependencyFilter(Long2ObjectOpenHashMap<DependencyCap.Capped> byProject, ProjectManifests projects, DependencyCap.Config config) {
      this.byProject = byProject;
      this.projects = projects;
      this.config = config;
    }

    @Override
    public Verdict apply(Document doc) {
      if (byProject.isEmpty()) return Verdict.keep();
      DependencyCap.Capped c = byProject.get(projects.projectKey(doc));
      if (c == null) return Verdict.keep();
      Map<String, Object> v = new LinkedHashMap<>(values("project", c.projectName, "ecosystem", c.ecosystem, "dependency", c.dependency,
          "share_before", c.shareBefore, "share_after", c.shareAfter, "projects_before", c.projectsBefore,
          "projects_after", c.projectsAfter, "max_share", config.maxShare(), "keeper", config.keeper().toString()));
      if (c.alsoOverCap.length > 0) v.put("also_over_cap", List.of(c.alsoOverCap));
      return Verdict.drop(Reason.OVER_DEPENDENCY_CAP, v);
    }
  }
}
