package io.winnow.step.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * after. Runs on the local engine.
 */
public final class ClusterRebalance implements CorpusStep {
  public static final String TYPE = "diversity";

  public enum Reason implements ReasonCode {
    /** The document's cluster already keeps as many members as the cap allows. */
    OVER_CLUSTER_CAP
  }

  public enum Action { CAP, WEIGHT }

  /**
   * @param maxPerCluster members a cluster keeps at most (0: no such cap)
   * @param maxShare share of a cluster's members it keeps at most, rounded up (0: no such cap)
   */
  public record Config(int ngramSize, int bands, int rows, long seed, Action action, int maxPerCluster, double maxShare,
      double alpha, String weightField, KeeperRule keeper, int memoryMb) {
    public static Config from(Params p) {
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
          p.getInt("memory_mb", 256, 0, 1 << 20));
      if (c.action == Action.CAP && c.maxPerCluster == 0 && c.maxShare == 0) {
        throw p.invalid("max_per_cluster", "action: cap needs max_per_cluster (at least 1) or max_share (above 0)");
      }
      p.finish();
      return c;
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

  @Override
  public Observer observer(Path dir, int shard) throws IOException {
    return clustering.observer(dir, shard);
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    int h = Observations.HEADER_LONGS;
    int width = config.bands() * config.rows();
    Map<String, Object> params = new LinkedHashMap<>(clustering.config().signatureParams());
    params.put("type", TYPE);
    new DedupFit(dir, width, clustering.grouper(), (x, y) -> clustering.similarity(x, y, h), config.keeper(),
        (long) config.memoryMb() << 20, params).capWith(config::keep).fit(shards, null);
  }

  @Override
  public Supplier<Step> load(Path dir) throws IOException {
    State state = State.load(dir);
    return () -> new Filter(state, config);
  }

  @Override
  public Map<String, Object> fitStats(Path dir) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = new ObjectMapper().readValue(dir.resolve(DedupFit.FIT_JSON).toFile(), Map.class);
    return m;
  }

  record Capped(long cluster, int size, int keep, double similarity, String keptId) {}

  /** The fit's decisions: the capped members, and every clustered member's cluster and size (packed). */
  static final class State {
    final Long2ObjectOpenHashMap<Capped> capped = new Long2ObjectOpenHashMap<>();
    final Long2LongOpenHashMap clustered = new Long2LongOpenHashMap();

    static State load(Path dir) throws IOException {
      State s = new State();
      s.clustered.defaultReturnValue(-1);
      BinaryRecords.forEach(dir.resolve(DedupFit.CAPPED), (key, in) -> {
        long cluster = in.readLong();
        int size = in.readInt();
        int keep = in.readInt();
        double sim = in.readDouble();
        s.capped.put(key, new Capped(cluster, size, keep, sim, BinaryRecords.readString(in)));
      });
      BinaryRecords.forEach(dir.resolve(DedupFit.CLUSTERED), (key, in) -> {
        long cluster = in.readLong();
        int size = in.readInt();
        s.clustered.put(key, (cluster << 32) | size);
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
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cluster", c.cluster());
        v.put("size", c.size());
        v.put("keep", c.keep());
        v.put("top", c.keptId());
        v.put("similarity", Math.round(c.similarity() * 1e4) / 1e4);
        return Verdict.drop(Reason.OVER_CLUSTER_CAP, v);
      }
      long packed = state.clustered.get(key);
      int size = packed < 0 ? 1 : (int) packed;
      if (config.action() == Action.WEIGHT) {
        double w = Math.round(Math.pow(size, -config.alpha()) * 1e6) / 1e6;
        doc.metadata().put(config.weightField(), w);
        if (packed < 0) return Verdict.keep(Map.of("size", 1, "weight", w));
        return Verdict.keep(Map.of("cluster", packed >>> 32, "size", size, "weight", w));
      }
      if (packed < 0) return Verdict.keep();
      return Verdict.keep(Map.of("cluster", packed >>> 32, "size", size));
    }
  }
}
