package io.winnow.step.select;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.PipelineException;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import io.winnow.step.chat.TurnScope;
import io.winnow.step.dedup.DocKey;
import io.winnow.step.dedup.MinHashParams;
import io.winnow.step.dedup.MinHasher;
import io.winnow.text.PyText;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the best {@code keep} documents (or a {@code share} of them) by a score expression, with diversity:
 * candidates are taken in score order, and one whose MinHash signature (of the {@code diversity_turns}, the
 * prompt by default) is at least {@code max_similarity} similar to an already chosen document is skipped, as
 * DEITA's greedy selection does with embeddings. With {@code balance_by} (a metadata field, or {@code file} for
 * the input file) the target is split across its values as evenly as their sizes allow, and any slots left by
 * small or repetitive groups are filled in score order afterwards. Ties go to input order: the selection is
 * deterministic whatever the number of workers.
 *
 * <p>Phases: <b>observe</b> writes, per shard, one fixed-width record per document (identity, score, group,
 * length, signature) and a line of id, group and prompt excerpt; <b>fit</b> sorts (score, index) pairs with a
 * bounded external sort, walks them once (twice when balancing) reading records by position, and writes the
 * chosen documents and the skipped near-copies; <b>apply</b> drops every other document with a reason.
 *
 * <p>Memory: observe is constant; fit holds the sort buffers ({@code memory_mb}), the chosen documents'
 * indexes and band keys in primitive arrays (about {@code 8 + 30 × bands} bytes each, {@link ChosenBands}) and
 * one counter per group: signatures are read back from the observation records, the walked marks of a balanced
 * pass go to a file merged by the next pass, and ids go to {@link ChosenIds}. Apply holds a key and a packed int
 * or long per chosen and too-similar document in open hash tables (16 to 43 bytes each) and reads the kept id of
 * a near-copy from {@link ChosenIds}.
 */
public final class SelectStep implements CorpusStep {
  public static final String TYPE = "select";
  static final String OBS = "obs";
  static final String SELECTED = "selected.bin";
  static final String SIMILAR = "similar.bin";
  static final String FIT_JSON = "fit.json";

  public record Config(long keep, double share, ScoreExpression score, String balanceBy, TurnScope diversityTurns,
      double maxSimilarity, int ngramSize, int permutations, int bands, int memoryMb, int examples) {
    public static Config from(Params p) {
      long keep = p.getLong("keep", 0, 0, Long.MAX_VALUE);
      Double share = p.optDouble("share", null, 0, 1);
      if ((keep > 0) == (share != null)) throw new PipelineException(p.where() + ": give either 'keep' (a count) or 'share' (a fraction in [0, 1])");
      ScoreExpression score;
      try {
        score = ScoreExpression.parse(p.getString("score", "response_words"));
      } catch (IllegalArgumentException e) {
        throw new PipelineException(p.where() + ": " + e.getMessage());
      }
      String balance = p.getString("balance_by", null);
      Params d = p;
      TurnScope turns = TurnScope.valueOf(d.getChoice("diversity_turns", "prompt", "prompt", "response", "all").toUpperCase(java.util.Locale.ROOT));
      double maxSim = d.getDouble("max_similarity", 0.6, 0, 1);
      int n = d.getInt("ngram_size", 3, 1, 100);
      int perms = d.getInt("permutations", 64, 4, 1024);
      int bands = d.getInt("bands", 16, 1, 1024);
      if (perms % bands != 0) throw new PipelineException(p.where() + ": 'permutations' (" + perms + ") must be a multiple of 'bands' (" + bands + ")");
      Config c = new Config(keep, share == null ? -1 : share, score, balance, turns, maxSim, n, perms, bands,
          p.getInt("memory_mb", 256, 1, 1 << 20), p.getInt("examples", 3, 0, 100));
      p.finish();
      return c;
    }

    int rows() {
      return permutations / bands;
    }

    /** Longs per observation record: key, score, group hash, response words, flags, then the signature. */
    int recordLongs() {
      return 5 + permutations;
    }
  }

  private final Config config;
  private final long memoryBytes;

  public SelectStep(Config config) {
    this(config, (long) config.memoryMb() << 20);
  }

  /** With the sort buffers in bytes rather than {@code memory_mb}, so a test can force them to spill. */
  SelectStep(Config config, long memoryBytes) {
    this.config = config;
    this.memoryBytes = memoryBytes;
  }

  static Path records(Path dir, int shard) {
    return dir.resolve(OBS).resolve(String.format("records-%05d.bin", shard));
  }

  static Path lines(Path dir, int shard) {
    return dir.resolve(OBS).resolve(String.format("lines-%05d.tsv", shard));
  }

  @Override
  public Observer observer(Path dir, int shard) throws IOException {
    Files.createDirectories(dir.resolve(OBS));
    Path rec = records(dir, shard);
    Path txt = lines(dir, shard);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(rec)), 1 << 16));
    Writer lineOut = new OutputStreamWriter(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(txt)), 1 << 16), StandardCharsets.UTF_8);
    MinHasher hasher = new MinHasher(config.ngramSize(), MinHasher.Shingles.WORDS, MinHashParams.of(config.permutations(), MinHashParams.REFERENCE_SEED));
    return new Observer() {
      @Override
      public void observe(Document doc) throws IOException {
        String group = group(doc);
        String diversityText = config.diversityTurns().text(doc);
        long[] sig = hasher.signature(diversityText);
        out.writeLong(DocKey.of(doc));
        out.writeLong(Double.doubleToLongBits(config.score().score(doc)));
        out.writeLong(group.hashCode());
        out.writeLong(PyText.countWhitespaceWords(TurnScope.RESPONSE.text(doc)));
        out.writeLong(sig == null ? 0 : 1);
        for (int i = 0; i < config.permutations(); i++) out.writeLong(sig == null ? 0 : sig[i]);
        String prompt = TurnScope.PROMPT.text(doc);
        lineOut.write(clean(doc.id()) + "\t" + clean(group) + "\t" + clean(prompt.length() > 100 ? prompt.substring(0, 100) + "…" : prompt) + "\n");
      }

      @Override
      public void commit() throws IOException {
        out.close();
        lineOut.close();
        AtomicFiles.commit(AtomicFiles.tmp(rec), rec);
        AtomicFiles.commit(AtomicFiles.tmp(txt), txt);
      }

      @Override
      public void close() throws IOException {
        out.close();
        lineOut.close();
      }
    };
  }

  /**
   * The document's group: a metadata field's value, or the input file ({@code balance_by: file}, and for the
   * report's shares when nothing is balanced).
   */
  String group(Document doc) {
    if (config.balanceBy() == null || config.balanceBy().equals("file")) return doc.provenance().source();
    Object v = io.winnow.doc.FieldPath.get(doc.metadata(), config.balanceBy());
    return v == null ? "" : v.toString();
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    new SelectionFit(config, dir, shards, memoryBytes).run();
  }

  @Override
  public Supplier<Step> load(Path dir) throws IOException {
    SelectionFilter.State state = SelectionFilter.load(dir);
    return () -> new SelectionFilter(state, config.score());
  }

  @Override
  public Map<String, Object> fitStats(Path dir) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = new ObjectMapper().readValue(dir.resolve(FIT_JSON).toFile(), Map.class);
    return m;
  }
}
