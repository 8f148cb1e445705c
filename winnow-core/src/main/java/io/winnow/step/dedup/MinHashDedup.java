package io.winnow.step.dedup;

import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.openhft.hashing.LongHashFunction;

/**
 * Near-duplicate removal with MinHash and locality-sensitive hashing. Defaults reproduce the FineWeb
 * configuration (word 5-grams, xxh64, 112 permutations, 14 bands × 8 rows): two documents are candidates when
 * any band of their signatures is identical; candidates are joined transitively and one document per cluster
 * survives by the keeper rule. Documents with fewer words than the n-gram size get no signature and are never
 * removed (their decision says {@code no_signature}).
 */
public final class MinHashDedup extends DedupStep {
  public static final String TYPE = "minhash_dedup";
  private static final LongHashFunction BAND_HASH = LongHashFunction.xx(0);

  /**
   * @param verify join candidates only when the true Jaccard similarity of their shingle sets reaches
   *     {@code verifyThreshold} (drops LSH false positives; stores shingle sets during observe)
   */
  public record Config(int ngramSize, int bands, int rows, MinHasher.Shingles shingles, MinHasher.ShingleHash hash,
      long seed, KeeperRule keeper, int memoryMb, String index, boolean verify, double verifyThreshold,
      io.winnow.step.chat.TurnScope turns) {
    public Config {
      if ((long) bands * rows > 4096) throw new IllegalArgumentException("bands × rows must be at most 4096, got " + bands * rows);
    }

    /** Signing the whole text (as before conversations had turns). */
    public Config(int ngramSize, int bands, int rows, MinHasher.Shingles shingles, MinHasher.ShingleHash hash,
        long seed, KeeperRule keeper, int memoryMb, String index, boolean verify, double verifyThreshold) {
      this(ngramSize, bands, rows, shingles, hash, seed, keeper, memoryMb, index, verify, verifyThreshold, null);
    }

    public static Config from(Params p) {
      Config c = new Config(
          p.getInt("ngram_size", 5, 1, 1000),
          p.getInt("bands", 14, 1, 1024),
          p.getInt("rows", 8, 1, 1024),
          MinHasher.Shingles.valueOf(p.getChoice("shingles", "words", "words", "chars").toUpperCase(java.util.Locale.ROOT)),
          MinHasher.ShingleHash.valueOf(p.getChoice("hash", "xxh64", "xxh64", "xxh3", "murmur3", "wyhash").toUpperCase(java.util.Locale.ROOT)),
          p.getLong("seed", MinHashParams.REFERENCE_SEED, 0, Long.MAX_VALUE),
          KeeperRule.parse(p.getString("keeper", "first")),
          p.getInt("memory_mb", 256, 0, 1 << 20),
          p.getString("index", null),
          p.getBool("verify", false),
          p.getDouble("verify_threshold", 0.7, 0, 1),
          // for conversations: sign only these turns ("prompt" deduplicates prompts); absent: the whole text
          p.getString("turns", null) == null ? null : io.winnow.step.chat.TurnScope.from(p, "all"));
      p.finish();
      return c;
    }

    int permutations() {
      return bands * rows;
    }

    /** What must match for two corpora's signatures to be comparable (index mode). */
    Map<String, Object> signatureParams() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", TYPE);
      m.put("ngram_size", ngramSize);
      m.put("bands", bands);
      m.put("rows", rows);
      m.put("shingles", shingles.name().toLowerCase(java.util.Locale.ROOT));
      m.put("hash", hash.name().toLowerCase(java.util.Locale.ROOT));
      m.put("seed", seed);
      if (turns != null) m.put("turns", turns.code());
      return m;
    }
  }

  private final Config config;
  private final MinHashParams params;

  public MinHashDedup(Config config) {
    super(config.keeper(), "no_signature");
    this.config = config;
    this.params = MinHashParams.of(config.permutations(), config.seed());
  }

  public Config config() {
    return config;
  }

  @Override
  int payloadWidth() {
    return config.permutations();
  }

  @Override
  boolean storesSets() {
    return config.verify();
  }

  @Override
  public String distributedUnsupported() {
    if (config.index() != null) return "minhash_dedup with an index (another corpus's observations) runs on the local engine only";
    if (config.verify()) return "minhash_dedup with verify (true Jaccard of shingle sets) runs on the local engine only";
    return null;
  }

  /** One key per band: the hash of its rows. */
  @Override
  public void groupKeys(long[] record, int offset, GroupKeys out) {
    int rows = config.rows();
    for (int b = 0; b < config.bands(); b++) out.add(b, BAND_HASH.hashLongs(record, offset + b * rows, rows));
  }

  /** The share of equal signature values: the estimated Jaccard similarity. */
  @Override
  public double similarity(long[] a, long[] b, int offset) {
    int same = 0;
    for (int i = offset; i < a.length; i++) if (a[i] == b[i]) same++;
    return (double) same / (a.length - offset);
  }

  @Override
  PayloadFunction payloads() {
    MinHasher hasher = new MinHasher(config.ngramSize(), config.shingles(), config.hash(), params, config.verify());
    return new PayloadFunction() {
      @Override
      public long[] payload(Document doc) {
        return hasher.signature(config.turns() == null ? doc.text() : config.turns().text(doc));
      }

      @Override
      public long[] lastSet() {
        return config.verify() ? hasher.lastShingleSet() : null;
      }
    };
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    int h = Observations.HEADER_LONGS;
    DedupFit fit = new DedupFit(dir, config.permutations(), grouper(), (x, y) -> similarity(x, y, h), config.keeper(),
        (long) config.memoryMb() << 20, config.signatureParams());
    if (config.verify()) {
      long[] ra = new long[h + config.permutations()];
      long[] rb = new long[h + config.permutations()];
      fit.verifyWith((table, x, y) -> {
        var scratch = table.scratch();
        table.read(x, ra, scratch);
        table.read(y, rb, scratch);
        long[] sx = table.set(x, ra);
        long[] sy = table.set(y, rb);
        // documents observed without sets (an index built without verify) are trusted to the LSH
        return sx == null || sy == null || MinHasher.jaccard(sx, sy) >= config.verifyThreshold();
      });
    }
    fit.fit(shards, config.index() == null ? null : Path.of(config.index()));
  }
}
