package io.winnow.code.provenance;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Looks a text's fingerprints up in a {@link ProvenanceIndex} and measures the overlap. Only informative
 * fingerprints count: a hash repeated in the text counts once (tables and other periodic code repeat the same
 * few k-grams), and a hash the index marks as boilerplate counts not at all. Over those:
 *
 * <ul>
 *   <li>covered: the fraction found in the index (any source file), and per source file the fraction it shares;
 *   <li>longest run, per source file: consecutive informative fingerprints of the text all found in that file,
 *       in the text's tokens — k for the first, plus the distance to each next one capped at the window w
 *       (consecutive fingerprints are at most w apart unless repeats were skipped between them, and a skipped
 *       periodic stretch must not lengthen a run). Boilerplate fingerprints neither extend nor break a run; a
 *       fingerprint not in the file breaks it;
 *   <li>covered in order, per source file: the fingerprints that chain — each next one found in the file within
 *       {@value #CHAIN_GAP_TOKENS} tokens of the previous in the text and at most {@value #CHAIN_GAP_LINES} lines
 *       after it in the source — in chains of at least {@value #MIN_CHAIN}. A copy with lines edited all through
 *       it keeps its order between the edits; fingerprints that a text shares with a file only because both
 *       use common idioms fall anywhere in that file and seldom chain. Reordered functions each chain on
 *       their own, so reordering costs nothing; and the same weighted by how rare each fingerprint is in the
 *       index (one over the number of source files holding it, counted from its postings).
 * </ul>
 *
 * Not thread-safe: one per worker (it owns the lexing buffers and the per-file tallies); the index is shared.
 */
public final class ProvenanceMatcher {
  /**
   * One source file the text shares fingerprints with.
   *
   * @param shared informative fingerprints of the text found in the file
   * @param covered the fraction of the text's informative fingerprints found in the file in the same order
   *     (in chains of at least {@value #MIN_CHAIN})
   * @param sourceCovered the same count over the source file's own fingerprints: how much of the source the
   *     text holds in order (a copy of a small file holds most of it)
   * @param weightedCovered {@code covered} with each fingerprint weighted by one over the number of source files
   *     holding it: a fingerprint only this file has counts fully, one that fifty files share counts a
   *     fiftieth (idioms common to many drivers weigh little; a copy's own code weighs fully)
   */
  public record SourceMatch(int file, String path, String license, int shared, double covered, double sourceCovered,
      int longestRunTokens, int textFirstLine, int textLastLine, int sourceFirstLine, int sourceLastLine,
      double weightedCovered) {}

  /**
   * The overlap of one text with the index; {@code sources} best first (most shared fingerprints).
   *
   * @param fingerprints the text's informative fingerprints (distinct, not boilerplate)
   * @param boilerplate distinct fingerprints of the text the index marks as boilerplate
   */
  public record Result(int tokens, int fingerprints, int boilerplate, int matched, double covered,
      int longestRunTokens, List<SourceMatch> sources) {}

  static final int MIN_CHAIN = 3;
  static final int CHAIN_GAP_TOKENS = 200;
  static final int CHAIN_GAP_LINES = 40;

  private final ProvenanceIndex index;
  private final CodeFingerprinter fingerprinter;
  private final int k;
  private final int w;
  private final LongOpenHashSet seen = new LongOpenHashSet();
  private final Int2IntOpenHashMap slotOfFile = new Int2IntOpenHashMap();
  private int[] files = new int[64];
  private int[] shared = new int[64];
  private int[] lastFp = new int[64];
  private int[] lastPos = new int[64];
  private int[] runStartPos = new int[64];
  private int[] runTokens = new int[64];
  private int[] bestRun = new int[64];
  private int[] bestRunFrom = new int[64];
  private int[] bestRunTo = new int[64];
  private int[] srcMin = new int[64];
  private int[] srcMax = new int[64];
  private int[] chainLen = new int[64];
  private int[] chainPos = new int[64];
  private int[] chainLine = new int[64];
  private int[] aligned = new int[64];
  private int[] strays = new int[64];
  private double[] pendingWeight = new double[64];
  private double[] alignedWeight = new double[64];
  private int slots;

  public ProvenanceMatcher(ProvenanceIndex index) {
    this.index = index;
    this.fingerprinter = new CodeFingerprinter(index.parameters());
    this.k = index.parameters().k();
    this.w = index.parameters().w();
    slotOfFile.defaultReturnValue(-1);
  }

  /** Measures {@code text}, keeping the {@code maxSources} best source files. */
  public Result match(CharSequence text, CodeLanguage language, int maxSources) {
    Fingerprints fp = fingerprinter.fingerprint(text, language);
    long[] hashes = fp.hashes();
    int[] pos = fp.positions();
    int n = fp.size();
    seen.clear();
    slotOfFile.clear();
    slots = 0;
    int informative = 0;
    int boilerplate = 0;
    int matched = 0;
    for (int i = 0; i < n; i++) {
      long h = hashes[i];
      if (!seen.add(h)) continue;
      long e = index.find(h);
      if (e >= 0 && index.isBoilerplate(e)) {
        boilerplate++;
        continue;
      }
      int j = informative++;
      if (e < 0) continue;
      matched++;
      int df = 0;
      while (index.holds(e + df, h)) df++;
      double weight = 1.0 / df;
      for (; index.holds(e, h); e++) tally(index.fileAt(e), index.lineAt(e), j, pos[i], weight);
    }
    return result(informative, boilerplate, matched, maxSources);
  }

  /**
   * Counts informative fingerprint {@code j} (at token {@code pos}) as found in {@code file}; {@code weight} is
   * one over the number of source files holding it.
   */
  private void tally(int file, int sourceLine, int j, int pos, double weight) {
    int s = slotOfFile.get(file);
    if (s < 0) s = newSlot(file, sourceLine);
    if (lastFp[s] == j - 1) {
      runTokens[s] += Math.min(pos - lastPos[s], w);
    } else {
      runTokens[s] = k;
      runStartPos[s] = pos;
    }
    srcMin[s] = Math.min(srcMin[s], sourceLine);
    srcMax[s] = Math.max(srcMax[s], sourceLine);
    chain(s, sourceLine, pos, weight);
    shared[s]++;
    lastFp[s] = j;
    lastPos[s] = pos;
    if (runTokens[s] > bestRun[s]) {
      bestRun[s] = runTokens[s];
      bestRunFrom[s] = runStartPos[s];
      bestRunTo[s] = pos + k - 1;
    }
  }

  /**
   * Extends the file's current chain with this fingerprint if it falls in order, else starts a new one. The
   * first fingerprints of a chain count (and their weights add up) only once it reaches {@value #MIN_CHAIN}.
   */
  private void chain(int s, int sourceLine, int pos, double weight) {
    boolean alive = chainLen[s] > 0 && pos - chainPos[s] <= CHAIN_GAP_TOKENS;
    if (alive && sourceLine >= chainLine[s] && sourceLine - chainLine[s] <= CHAIN_GAP_LINES) {
      chainLen[s]++;
      strays[s] = 0;
      if (chainLen[s] < MIN_CHAIN) {
        pendingWeight[s] += weight;
      } else if (chainLen[s] == MIN_CHAIN) {
        aligned[s] += MIN_CHAIN;
        alignedWeight[s] += pendingWeight[s] + weight;
      } else {
        aligned[s]++;
        alignedWeight[s] += weight;
      }
    } else if (alive && chainLen[s] >= 2 && strays[s] == 0) {
      strays[s] = 1; // one stray match (an idiom found elsewhere in the file) does not end a chain in progress
      return;
    } else { // two out of order in a row: a new stretch (a reordered function) starts here
      chainLen[s] = 1;
      strays[s] = 0;
      pendingWeight[s] = weight;
    }
    chainPos[s] = pos;
    chainLine[s] = sourceLine;
  }

  private int newSlot(int file, int sourceLine) {
    if (slots == files.length) {
      int cap = slots * 2;
      files = Arrays.copyOf(files, cap);
      shared = Arrays.copyOf(shared, cap);
      lastFp = Arrays.copyOf(lastFp, cap);
      lastPos = Arrays.copyOf(lastPos, cap);
      runStartPos = Arrays.copyOf(runStartPos, cap);
      runTokens = Arrays.copyOf(runTokens, cap);
      bestRun = Arrays.copyOf(bestRun, cap);
      bestRunFrom = Arrays.copyOf(bestRunFrom, cap);
      bestRunTo = Arrays.copyOf(bestRunTo, cap);
      srcMin = Arrays.copyOf(srcMin, cap);
      srcMax = Arrays.copyOf(srcMax, cap);
      chainLen = Arrays.copyOf(chainLen, cap);
      chainPos = Arrays.copyOf(chainPos, cap);
      chainLine = Arrays.copyOf(chainLine, cap);
      aligned = Arrays.copyOf(aligned, cap);
      strays = Arrays.copyOf(strays, cap);
      pendingWeight = Arrays.copyOf(pendingWeight, cap);
      alignedWeight = Arrays.copyOf(alignedWeight, cap);
    }
    int s = slots++;
    files[s] = file;
    shared[s] = 0;
    lastFp[s] = -2;
    bestRun[s] = 0;
    chainLen[s] = 0;
    aligned[s] = 0;
    strays[s] = 0;
    pendingWeight[s] = 0;
    alignedWeight[s] = 0;
    srcMin[s] = sourceLine;
    srcMax[s] = sourceLine;
    slotOfFile.put(file, s);
    return s;
  }

  private Result result(int n, int boilerplate, int matched, int maxSources) {
    int tokens = fingerprinter.tokens().size();
    int[] lines = fingerprinter.tokens().lines();
    Integer[] order = new Integer[slots];
    for (int s = 0; s < slots; s++) order[s] = s;
    Arrays.sort(order, (a, b) -> aligned[a] != aligned[b] ? Integer.compare(aligned[b], aligned[a])
        : shared[a] != shared[b] ? Integer.compare(shared[b], shared[a])
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
      int own = Math.max(1, index.fingerprints(f));
      top.add(new SourceMatch(f, index.path(f), index.license(f), shared[s], n == 0 ? 0 : (double) aligned[s] / n,
          Math.min(1, (double) aligned[s] / own), bestRun[s], lines[bestRunFrom[s]], lines[Math.min(tokens - 1, bestRunTo[s])], srcMin[s], srcMax[s],
          n == 0 ? 0 : alignedWeight[s] / n));
    }
    return new Result(tokens, n, boilerplate, matched, n == 0 ? 0 : (double) matched / n, longest, List.copyOf(top));
  }
}
