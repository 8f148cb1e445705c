package io.winnow.step.decontam;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import io.winnow.text.NormalizedWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds benchmark test items inside training documents: any normalised n-gram (13 words by default) shared
 * with an item, or a whole short item, is a match. The document is dropped ({@code action: drop}), or the
 * matched regions are cut out with a margin, GPT-3 style ({@code action: cut}): 200 characters each side,
 * pieces under 200 characters removed, and the document dropped if it splits into more than 10 pieces or less
 * than 200 characters remain. Every decision names the benchmark, the item, the matched text and the overlap.
 */
public final class Decontaminator implements Step {
  public static final String TYPE = "decontaminate";

  public enum Reason implements ReasonCode {
    /** Shares n-grams with a benchmark item (drop action, or nothing useful left after cutting). */
    CONTAMINATED,
    /** Cutting the matches would split the document into too many pieces. */
    TOO_MANY_PIECES,
    /** Matched regions were cut out (a MODIFY). */
    CUT;
  }

  /**
   * @param coverage with {@code min_coverage}: the Tülu 3 rule (a match needs the item's n-grams to cover more
   *     than that share of its words) in place of the any-n-gram rule; null otherwise
   * @param turns for conversations, the turns to search ({@code prompt} for SFT data); null: the whole text
   */
  public record Config(DecontamIndex index, String action, int marginChars, int maxPieces, int minRemainingChars,
      int minPieceChars, CoverageIndex coverage, io.winnow.step.chat.TurnScope turns) {

    /** The any-n-gram rule on the whole text. */
    public Config(DecontamIndex index, String action, int marginChars, int maxPieces, int minRemainingChars, int minPieceChars) {
      this(index, action, marginChars, maxPieces, minRemainingChars, minPieceChars, null, null);
    }

    /** Builds (or loads) the index once; the step instances of all workers share it. */
    public static Config from(Params p) {
      int n = p.getInt("ngram_size", 13, 1, 1000);
      int minWords = p.getInt("min_item_words", 4, 1, 1000);
      String action = p.getChoice("action", "drop", "drop", "cut");
      int margin = p.getInt("margin_chars", 200, 0, Integer.MAX_VALUE);
      int maxPieces = p.getInt("max_pieces", 10, 1, Integer.MAX_VALUE);
      int minRemaining = p.getInt("min_remaining_chars", 200, 0, Integer.MAX_VALUE);
      int minPiece = p.getInt("min_piece_chars", 200, 0, Integer.MAX_VALUE);
      String indexFile = p.getString("index", null);
      Double minCoverage = p.optDouble("min_coverage", null, 0, 1);
      io.winnow.step.chat.TurnScope turns = p.getString("turns", null) == null ? null : io.winnow.step.chat.TurnScope.from(p, "all");
      List<Object> entries = p.getEntries("benchmarks");
      if (minCoverage != null && (indexFile != null || action.equals("cut"))) {
        throw new IllegalArgumentException("min_coverage (the Tülu rule) builds its index from 'benchmarks' and drops; it takes no 'index' and no action: cut");
      }
      if ((indexFile == null) == entries.isEmpty()) {
        throw new IllegalArgumentException("give either 'benchmarks' (files to index) or 'index' (a file built by `winnow decontam-index`)");
      }
      List<BenchmarkSource> sources = new ArrayList<>();
      for (Object e : entries) sources.add(BenchmarkSource.from(e));
      p.finish();
      DecontamIndex index;
      try {
        if (minCoverage != null) {
          List<BenchmarkItem> items = new ArrayList<>();
          for (BenchmarkSource s : sources) items.addAll(s.read());
          return new Config(null, action, margin, maxPieces, minRemaining, minPiece, CoverageIndex.build(items, n, minCoverage), turns);
        }
        if (indexFile != null) {
          index = DecontamIndex.load(Path.of(indexFile)); // its own n-gram size and item-length floor apply
        } else {
          List<BenchmarkItem> items = new ArrayList<>();
          for (BenchmarkSource s : sources) items.addAll(s.read());
          index = DecontamIndex.build(items, n, minWords);
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return new Config(index, action, margin, maxPieces, minRemaining, minPiece, null, turns);
    }
  }

  /** One entry of 'benchmarks': a path (file or directory), or {path, name, format, fields}. */
  public record BenchmarkSource(String path, String name, String format, List<String> fields) {
    static BenchmarkSource from(Object entry) {
      if (entry instanceof String s) return new BenchmarkSource(s, null, "auto", List.of());
      Params p = (Params) entry;
      BenchmarkSource s = new BenchmarkSource(p.getString("path", null), p.getString("name", null),
          p.getChoice("format", "auto", BenchmarkFiles.FORMATS.toArray(String[]::new)), p.getStrings("fields", List.of()));
      if (s.path == null) throw new io.winnow.pipeline.PipelineException(p.where() + ": 'path' is required");
      p.finish();
      return s;
    }

    public List<BenchmarkItem> read() throws IOException {
      return BenchmarkFiles.read(Path.of(path), name, format, fields);
    }
  }

  private final Config config;
  private final DecontamIndex index;
  private final NormalizedWords words = new NormalizedWords();
  private final List<int[]> matches = new ArrayList<>();
  private final it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<java.util.BitSet> coverageScratch = new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();

  public Decontaminator(Config config) {
    this.config = config;
    this.index = config.index();
  }

  @Override
  public Verdict apply(Document doc) {
    String text = config.turns() == null ? doc.text() : config.turns().text(doc);
    if (config.coverage() != null) return applyCoverage(text);
    matches.clear();
    index.findMatches(words.scan(text), (from, to, item) -> matches.add(new int[] {from, to, item}));
    if (matches.isEmpty()) return Verdict.keep();
    int[] first = matches.get(0);
    TreeSet<String> benchmarks = new TreeSet<>();
    for (int[] m : matches) benchmarks.add(index.benchmark(m[2]));
    String matched = text.substring(words.start(first[0]), words.end(first[1] - 1));
    if (matched.length() > 300) matched = matched.substring(0, 300) + "…";
    Map<String, Object> values = values("benchmark", index.benchmark(first[2]), "item", index.id(first[2]),
        "ngram", matched, "overlap", matches.size(), "benchmarks", String.join(",", benchmarks));
    List<String> counters = benchmarks.stream().map(b -> "benchmark:" + b).toList();
    if (config.action().equals("drop")) return Verdict.drop(Reason.CONTAMINATED, values).withCounters(counters);
    return cut(text, values, counters);
  }

  /** The Tülu 3 rule: drop when the text covers more than min_coverage of some item's words with its n-grams. */
  private Verdict applyCoverage(String text) {
    CoverageIndex cov = config.coverage();
    List<CoverageIndex.Match> found = cov.matches(words.scan(text), coverageScratch);
    if (found.isEmpty()) return Verdict.keep();
    CoverageIndex.Match best = found.get(0);
    TreeSet<String> benchmarks = new TreeSet<>();
    List<String> counters = new ArrayList<>();
    for (CoverageIndex.Match m : found) {
      if (benchmarks.add(cov.benchmark(m.item()))) counters.add("benchmark:" + cov.benchmark(m.item()));
    }
    Map<String, Object> values = values("benchmark", cov.benchmark(best.item()), "item", cov.id(best.item()),
        "coverage", Math.round(best.coverage() * 1000) / 1000.0, "items", found.size(), "benchmarks", String.join(",", benchmarks));
    return Verdict.drop(Reason.CONTAMINATED, values).withCounters(counters);
  }

  /** GPT-3 style: remove each match with a margin, keep pieces of at least min_piece_chars. */
  private Verdict cut(String text, Map<String, Object> values, List<String> counters) {
    List<int[]> spans = new ArrayList<>();
    for (int[] m : matches) {
      int from = Math.max(0, words.start(m[0]) - config.marginChars());
      int to = Math.min(text.length(), words.end(m[1] - 1) + config.marginChars());
      spans.add(new int[] {from, to});
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] s : spans) {
      if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
        merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], s[1]);
      } else {
        merged.add(s);
      }
    }
    List<String> pieces = new ArrayList<>();
    int pos = 0;
    for (int[] s : merged) {
      if (s[0] > pos) pieces.add(text.substring(pos, s[0]));
      pos = s[1];
    }
    if (pos < text.length()) pieces.add(text.substring(pos));
    if (pieces.size() > config.maxPieces()) return Verdict.drop(Reason.TOO_MANY_PIECES, with(values, "pieces", pieces.size())).withCounters(counters);
    StringBuilder kept = new StringBuilder();
    for (String piece : pieces) {
      String t = piece.strip();
      if (t.length() < config.minPieceChars()) continue;
      if (kept.length() > 0) kept.append('\n');
      kept.append(t);
    }
    if (kept.length() < config.minRemainingChars()) {
      return Verdict.drop(Reason.CONTAMINATED, with(values, "remaining_chars", kept.length())).withCounters(counters);
    }
    return Verdict.modify(kept.toString(), Reason.CUT, with(values, "removed_chars", text.length() - kept.length())).withCounters(counters);
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(values);
    m.put(key, value);
    return m;
  }
}
