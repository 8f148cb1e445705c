package io.winnow.code.provenance;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Looks a text's fingerprints up in a {@link ProvenanceIndex} and measures the overlap: the covered fraction
 * (fingerprints found in the index over all of the text's fingerprints) and, per source file, the shared
 * fingerprints and the longest run — consecutive fingerprints of the text all found in that one file,
 * measured in the text's tokens from the first k-gram's start to the last one's end. Not thread-safe: one per
 * worker (it owns the lexing buffers and the per-file tallies); the index is shared.
 */
public final class ProvenanceMatcher {
  /** One source file the text shares fingerprints with. */
  public record SourceMatch(int file, String path, String license, int shared, double covered, int longestRunTokens,
      int textFirstLine, int textLastLine, int sourceFirstLine, int sourceLastLine) {}

  /** The overlap of one text with the index; {@code sources} best first (most shared fingerprints). */
  public record Result(int tokens, int fingerprints, int matched, double covered, int longestRunTokens,
      List<SourceMatch> sources) {}

  private final ProvenanceIndex index;
  private final CodeFingerprinter fingerprinter;
  private final int k;
  private final Int2IntOpenHashMap slotOfFile = new Int2IntOpenHashMap();
  private int[] files = new int[64];
  private int[] shared = new int[64];
  private int[] lastFp = new int[64];
  private int[] runStart = new int[64];
  private int[] bestRun = new int[64];
  private int[] bestRunFrom = new int[64];
  private int[] bestRunTo = new int[64];
  private int[] srcMin = new int[64];
  private int[] srcMax = new int[64];
  private int slots;

  public ProvenanceMatcher(ProvenanceIndex index) {
    this.index = index;
    this.fingerprinter = new CodeFingerprinter(index.parameters());
    this.k = index.parameters().k();
    slotOfFile.defaultReturnValue(-1);
  }

  /** Measures {@code text}, keeping the {@code maxSources} best source files. */
  public Result match(CharSequence text, CodeLanguage language, int maxSources) {
    Fingerprints fp = fingerprinter.fingerprint(text, language);
    long[] hashes = fp.hashes();
    int[] pos = fp.positions();
    int n = fp.size();
    slotOfFile.clear();
    slots = 0;
    int matched = 0;
    for (int i = 0; i < n; i++) {
      long h = hashes[i];
      long e = index.find(h);
      if (e < 0) continue;
      matched++;
      for (; index.holds(e, h); e++) tally(index.fileAt(e), index.lineAt(e), i, pos);
    }
    return result(n, matched, maxSources);
  }

  private void tally(int file, int sourceLine, int i, int[] pos) {
    int s = slotOfFile.get(file);
    if (s < 0) {
      s = newSlot(file);
      runStart[s] = i;
      srcMin[s] = sourceLine;
      srcMax[s] = sourceLine;
    } else {
      if (lastFp[s] == i) return; // the same hash twice in this file's postings cannot happen; guard anyway
      if (lastFp[s] != i - 1) runStart[s] = i;
      srcMin[s] = Math.min(srcMin[s], sourceLine);
      srcMax[s] = Math.max(srcMax[s], sourceLine);
    }
    shared[s]++;
    lastFp[s] = i;
    int run = pos[i] + k - pos[runStart[s]];
    if (run > bestRun[s]) {
      bestRun[s] = run;
      bestRunFrom[s] = pos[runStart[s]];
      bestRunTo[s] = pos[i] + k - 1;
    }
  }

  private int newSlot(int file) {
    if (slots == files.length) {
      int cap = slots * 2;
      files = Arrays.copyOf(files, cap);
      shared = Arrays.copyOf(shared, cap);
      lastFp = Arrays.copyOf(lastFp, cap);
      runStart = Arrays.copyOf(runStart, cap);
      bestRun = Arrays.copyOf(bestRun, cap);
      bestRunFrom = Arrays.copyOf(bestRunFrom, cap);
      bestRunTo = Arrays.copyOf(bestRunTo, cap);
      srcMin = Arrays.copyOf(srcMin, cap);
      srcMax = Arrays.copyOf(srcMax, cap);
    }
    int s = slots++;
    files[s] = file;
    shared[s] = 0;
    lastFp[s] = -2;
    bestRun[s] = 0;
    slotOfFile.put(file, s);
    return s;
  }

  private Result result(int n, int matched, int maxSources) {
    int tokens = fingerprinter.tokens().size();
    int[] lines = fingerprinter.tokens().lines();
    Integer[] order = new Integer[slots];
    for (int s = 0; s < slots; s++) order[s] = s;
    Arrays.sort(order, (a, b) -> shared[a] != shared[b] ? Integer.compare(shared[b], shared[a])
        : bestRun[a] != bestRun[b] ? Integer.compare(bestRun[b], bestRun[a]) : Integer.compare(files[a], files[b]));
    int longest = 0;
    int longestSlot = -1;
    for (int s = 0; s < slots; s++) {
      if (bestRun[s] > longest) {
        longest = bestRun[s];
        longestSlot = s;
      }
    }
    int count = Math.min(maxSources, slots);
    // the file of the longest run is always reported: a rule on the run must be able to name its source
    boolean hasLongest = false;
    for (int j = 0; j < count; j++) hasLongest |= order[j] == longestSlot;
    if (!hasLongest && count > 0) order[count - 1] = longestSlot;
    List<SourceMatch> top = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      int s = order[j];
      int f = files[s];
      top.add(new SourceMatch(f, index.path(f), index.license(f), shared[s], n == 0 ? 0 : (double) shared[s] / n,
          bestRun[s], lines[bestRunFrom[s]], lines[Math.min(tokens - 1, bestRunTo[s])], srcMin[s], srcMax[s]));
    }
    return new Result(tokens, n, matched, n == 0 ? 0 : (double) matched / n, longest, List.copyOf(top));
  }
}
