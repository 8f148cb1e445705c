package io.winnow.step.decontam;

import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.step.chat.TurnScope;
import io.winnow.text.NormalizedWords;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of each benchmark a training set holds, by the Tülu 3 rule: for every (training file, benchmark), the
 * share of the benchmark's items that some training document matches, and how many training documents match.
 * Tülu 3 drops a training set whose share passes 2 % for any benchmark; the decontaminate step with
 * {@code min_coverage} drops the matching documents instead.
 */
public final class ContaminationReport {
  /** One row: a training file against one benchmark. */
  public record Row(String trainingFile, String benchmark, int items, int itemsHit, long documents, long documentsHit) {
    public double share() {
      return items == 0 ? 0 : (double) itemsHit / items;
    }
  }

  private ContaminationReport() {}

  /** Reads each training file (format as in {@code input.format}) and matches the addressed turns. */
  public static List<Row> measure(CoverageIndex index, List<Path> trainingFiles, String format, TurnScope turns) {
    List<Row> rows = new ArrayList<>();
    NormalizedWords words = new NormalizedWords();
    Int2ObjectOpenHashMap<BitSet> scratch = new Int2ObjectOpenHashMap<>();
    for (Path file : trainingFiles) {
      Map<String, IntOpenHashSet> hit = new LinkedHashMap<>();
      Map<String, Long> docsHit = new LinkedHashMap<>();
      long docs = 0;
      try (DocumentReader r = DocumentReaders.open(file, format, "id", "text", ReaderLimits.defaults(), n -> {})) {
        for (ReadResult res; (res = r.next()) != null;) {
          Document d = res.document();
          if (d == null) continue;
          docs++;
          List<CoverageIndex.Match> m = index.matches(words.scan(turns.text(d)), scratch);
          java.util.Set<String> benchmarks = new java.util.HashSet<>();
          for (CoverageIndex.Match x : m) {
            hit.computeIfAbsent(index.benchmark(x.item()), k -> new IntOpenHashSet()).add(x.item());
            benchmarks.add(index.benchmark(x.item()));
          }
          for (String b : benchmarks) docsHit.merge(b, 1L, Long::sum);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (Map.Entry<String, Integer> b : index.itemsPerBenchmark().entrySet()) {
        IntOpenHashSet h = hit.get(b.getKey());
        rows.add(new Row(file.toString(), b.getKey(), b.getValue(), h == null ? 0 : h.size(), docs, docsHit.getOrDefault(b.getKey(), 0L)));
      }
    }
    return rows;
  }
}
