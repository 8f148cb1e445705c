package io.winnow.step.dedup;

import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.text.FastDedupNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.openhft.hashing.LongHashFunction;

/**
 * Exact duplicate removal: documents with the same 64-bit hash (xxh64) of their normalised text — or of a
 * metadata field such as the URL — form a cluster, and one survives by the keeper rule. A document without the
 * chosen field has no key and is never removed (its decision says {@code no_key}).
 */
public final class ExactDedup extends DedupStep {
  public static final String TYPE = "exact_dedup";
  private static final LongHashFunction HASH = LongHashFunction.xx(0);

  /**
   * @param field a metadata field to compare instead of the text (null: the text)
   * @param turns for conversations, the turns to compare ({@code prompt}: deduplicate prompts only); null: the
   *     whole text
   */
  public record Config(String field, io.winnow.step.chat.TurnScope turns, boolean normalize, KeeperRule keeper, int memoryMb, String index) {
    public static Config from(Params p) {
      Config c = new Config(
          p.getString("field", null),
          p.getString("turns", null) == null ? null : io.winnow.step.chat.TurnScope.from(p, "all"),
          p.getBool("normalize", true),
          KeeperRule.parse(p.getString("keeper", "first")),
          p.getInt("memory_mb", 256, 0, 1 << 20),
          p.getString("index", null));
      p.finish();
      return c;
    }

    Map<String, Object> keyParams() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", TYPE);
      m.put("field", field);
      if (turns != null) m.put("turns", turns.code());
      m.put("normalize", normalize);
      return m;
    }
  }

  /** Workers call {@link #key} concurrently; the normaliser reuses buffers, so one per thread. */
  private static final ThreadLocal<FastDedupNormalizer> NORMALIZER = ThreadLocal.withInitial(FastDedupNormalizer::new);

  private final Config config;

  public ExactDedup(Config config) {
    super(config.keeper(), "no_key");
    this.config = config;
  }

  long[] key(Document doc) {
    String value;
    if (config.field() == null) value = config.turns() == null ? doc.text() : config.turns().text(doc);
    else {
      Object v = io.winnow.doc.FieldPath.get(doc.metadata(), config.field());
      if (v == null) return null;
      value = v.toString();
    }
    if (config.normalize()) value = NORMALIZER.get().normalize(value);
    return new long[] {HASH.hashBytes(value.getBytes(StandardCharsets.UTF_8))};
  }

  @Override
  int payloadWidth() {
    return 1;
  }

  @Override
  boolean storesSets() {
    return false;
  }

  @Override
  public String distributedUnsupported() {
    return config.index() == null ? null : "exact_dedup with an index (another corpus's observations) runs on the local engine only";
  }

  @Override
  public void groupKeys(long[] record, int offset, GroupKeys out) {
    out.add(0, record[offset]);
  }

  @Override
  public double similarity(long[] a, long[] b, int offset) {
    return 1.0;
  }

  @Override
  PayloadFunction payloads() {
    return this::key;
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    int h = Observations.HEADER_LONGS;
    new DedupFit(dir, 1, grouper(), (x, y) -> similarity(x, y, h), config.keeper(),
        (long) config.memoryMb() << 20, config.keyParams())
        .fit(shards, config.index() == null ? null : Path.of(config.index()));
  }
}
