package io.winnow.code.license.match;

import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxLicenseList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the SPDX reference texts in a document, in the manner of askalono and licensee: both sides are
 * normalised ({@link LicenseNormalizer}) and compared as sets of word pairs by the Dice coefficient
 * {@code 2|A∩B| / (|A|+|B|)}, each pair weighted by how rare it is among the references ({@link LicenseIndex#weight}):
 * the words that tell the GPL's versions, or the LGPL from the GPL, apart count more than "of the". Unlike a whole-file comparison it finds each license inside a larger text (a
 * header above code, several licenses in one file): for each candidate reference it finds the span of the text
 * with the highest Dice against it, keeps the best span at or above the threshold (by matched weight and Dice),
 * removes it from the text and looks again.
 *
 * <p>Candidates come from the inverted index: a reference can reach a Dice of {@code t} only if the text holds at
 * least {@code t/(2-t)} of its pairs, so most references are never looked at. Thread-safe; nothing is kept
 * between calls.
 */
public final class LicenseMatcher {
  private static final int MAX_MATCHES = 16;
  /** How much more a point of confidence counts than a matched word pair when two references compete. */
  static final int CONFIDENCE_POWER = 8;
  /** Candidates need this share of the pairs an unweighted Dice at the threshold would need. */
  private static final double CANDIDATE_SHARE = 0.8;
  /**
   * A full-text match with this many consecutive word pairs of its own (about a sentence and a half) is a modified
   * license. Set from the SPDX list's own texts, whose longest such run against their best reference is far
   * shorter (see docs/BENCHMARKS.md), and kept well above the few words a project puts in a BSD clause.
   */
  public static final int MODIFIED_RUN = 15;

  /** How many word pairs either side of a span are read for the version it names. */
  static final int VERSION_REACH = 3;
  /** "2.1 of the License, or (at your option) any later version": the pairs from a grant's end to its option's last. */
  private static final int LATER_REACH = 12;
  private static final long LATER_VERSION = WordPairs.pairOf("later", "version");

  private final LicenseIndex index;
  private final double minConfidence;

  public LicenseMatcher(LicenseIndex index, double minConfidence) {
    if (!(minConfidence > 0 && minConfidence <= 1)) throw new IllegalArgumentException("min confidence must be in (0, 1], got " + minConfidence);
    this.index = index;
    this.minConfidence = minConfidence;
  }

  /** Every reference text found, most confident first; each license once. */
  public List<LicenseMatch> find(String text) {
    String normalized = LicenseNormalizer.normalize(text);
    long[] seq = WordPairs.of(normalized);
    int[] versions = WordPairs.versions(normalized);
    List<LicenseMatch> found = new ArrayList<>();
    if (seq.length < LicenseIndex.MIN_PATTERN_PAIRS) return found;
    List<LicensePattern> patterns = index.patterns();
    int[] counts = new int[patterns.size()];
    for (long pair : WordPairs.distinct(seq)) index.count(pair, counts);
    // a candidate needs enough pairs in common; with weights the bound is not exact, so it is loosened
    List<Integer> candidates = new ArrayList<>();
    for (int p = 0; p < counts.length; p++) {
      if (counts[p] >= CANDIDATE_SHARE * minConfidence / (2 - minConfidence) * patterns.get(p).requiredSize()) candidates.add(p);
    }
    double[] weights = new double[seq.length];
    for (int i = 0; i < seq.length; i++) weights[i] = index.weight(seq[i]);
    boolean[] consumed = new boolean[seq.length];
    while (found.size() < MAX_MATCHES && !candidates.isEmpty()) {
      Span best = null;
      LicensePattern bestPattern = null;
      for (int c = candidates.size() - 1; c >= 0; c--) {
        LicensePattern pattern = patterns.get(candidates.get(c));
        Span s = bestSpan(seq, weights, consumed, pattern, index.patternWeight(candidates.get(c)), index.requiredWeight(candidates.get(c)));
        // removing text only lowers a reference's best Dice: one below the threshold now never comes back
        if (s == null || s.dice < minConfidence || !versionsAgree(versions, s, pattern) || !grantAgrees(seq, s, pattern) || !GnuNames.agree(seq, s.start, s.end, pattern)) {
          candidates.remove(c);
          continue;
        }
        if (best == null || s.betterThan(best)) {
          best = s;
          bestPattern = pattern;
        }
      }
      if (best == null) break;
      // a license is reported once, whichever of its references (with or without optional parts) won
      String wonId = bestPattern.id();
      candidates.removeIf(p -> patterns.get(p).id().equals(wonId));
      for (int i = best.start; i < best.end; i++) consumed[i] = true;
      String added = null;
      int[] run = {best.start, best.start, 0};
      if (bestPattern.kind() == LicensePattern.Kind.TEXT) {
        boolean[] numeric = WordPairs.numeric(normalized);
        List<LicensePattern> references = index.referencesOf(bestPattern.id(), bestPattern.kind());
        run = longestAddedRun(seq, numeric, best, references, null);
        // rare: look again with the list's printed text as well before calling it modified
        if (run[2] >= MODIFIED_RUN) run = longestAddedRun(seq, numeric, best, references, index.listTextPairs(bestPattern.id()));
        if (run[2] >= MODIFIED_RUN) added = WordPairs.words(normalized, run[0], run[1]);
      }
      found.add(new LicenseMatch(bestPattern.id(), equivalents(bestPattern), bestPattern.kind(), best.dice, best.start, best.end,
          run[2], added));
    }
    return found;
  }

  /**
   * The other ids a match stands for: those with the same reference text and, for a full text, the other grant
   * of it ({@code -only} / {@code -or-later}), which only a notice decides.
   */
  private List<String> equivalents(LicensePattern p) {
    List<String> ids = new ArrayList<>(p.ids().subList(1, p.ids().size()));
    if (p.kind() == LicensePattern.Kind.TEXT) {
      for (String id : p.ids()) {
        String sibling = LicenseKinds.sibling(id, SpdxLicenseList.get());
        if (sibling != null && !ids.contains(sibling) && !sibling.equals(p.id())) ids.add(sibling);
      }
    }
    return List.copyOf(ids);
  }

  /**
   * The passage {@code [from, to)} of the span that is most the text's own: the segment maximising (pairs the
   * reference does not hold) − (pairs it holds), a maximum-sum segment. An inserted clause reuses the license's
   * common pairs ("of the", "covered software"), so a run of only new pairs would be cut short; a copyright line
   * or a name the template leaves variable is a gap, not pairs, and counts nothing; so does a pair with a number
   * (the years of a copyright notice inside a sentence). A pair any reference of the license holds (an optional
   * part the winning reference leaves out) is not added text. Returns {from, to, excess}.
   */
  private static int[] longestAddedRun(long[] seq, boolean[] numeric, Span s, List<LicensePattern> references, long[] listText) {
    int bestFrom = s.start;
    int bestTo = s.start;
    int best = 0;
    int run = 0;
    int from = s.start;
    for (int i = s.start; i < s.end; i++) {
      boolean held = heldByAny(references, seq[i]) || listText != null && java.util.Arrays.binarySearch(listText, seq[i]) >= 0;
      int v = numeric[i] ? 0 : held ? -1 : 1;
      if (run <= 0) {
        run = v;
        from = i;
      } else {
        run += v;
      }
      if (run > best) {
        best = run;
        bestFrom = from;
        bestTo = i + 1;
      }
    }
    return new int[] {bestFrom, bestTo, best};
  }

  private static boolean heldByAny(List<LicensePattern> references, long pair) {
    for (LicensePattern p : references) if (p.contains(pair)) return true;
    return false;
  }

  /**
   * A span that names versions ("version 2 of the License") must name one its reference names: the GPL-2.0 and
   * GPL-3.0 headers differ in little but that number, and Dice over word pairs weighs it too lightly on its own.
   * For a reference that names versions, the best span can stop just short of a version it does not name ("...
   * Foundation; version 3." against the LGPL-2.1's "... Foundation; version 2.1."), so the words next to the span
   * count as the span's; for one that names none (a BSD text), only the span's own words do, or a title such as
   * "Eclipse Distribution License - v1.0" above it would reject it.
   */
  private static boolean versionsAgree(int[] versions, Span s, LicensePattern pattern) {
    int reach = pattern.versions().isEmpty() ? 0 : VERSION_REACH;
    boolean any = false;
    for (int i = Math.max(0, s.start - reach), end = Math.min(versions.length, s.end + reach); i < end; i++) {
      if (versions[i] < 0) continue;
      any = true;
      for (int v : pattern.versions()) if (WordPairs.sameVersion(v, versions[i])) return true;
    }
    return !any;
  }

  /**
   * A reference that grants one version ({@code -only}) is a prefix of the grant of later versions ("version 3 of
   * the License" / "..., or (at your option) any later version"), so its best span can stop before the option and
   * score 1. The option just after the span makes it the other grant.
   */
  private static boolean grantAgrees(long[] seq, Span s, LicensePattern pattern) {
    if (!pattern.id().endsWith("-only")) return true;
    for (int i = s.end, end = Math.min(seq.length, s.end + LATER_REACH); i < end; i++) if (seq[i] == LATER_VERSION) return false;
    return true;
  }

  private record Span(int start, int end, double dice, double common) {
    /**
     * The reference that explains more of the text at a higher confidence: matched weight times Dice to the power
     * {@value #CONFIDENCE_POWER}. Confidence alone would let a short license quoted inside a longer one (a
     * paragraph of SSH-OpenSSH is SSH-short, the GPL's appendix is its header) win over the longer one; matched
     * weight alone would let a reference that shares more words but differs in the words that matter (the LGPL's
     * header, whose FSF address the GPL's template leaves variable) win over the right one.
     */
    boolean betterThan(Span o) {
      return common * Math.pow(dice, CONFIDENCE_POWER) > o.common * Math.pow(o.dice, CONFIDENCE_POWER);
    }
  }

  /**
   * The span of unconsumed pairs with the highest weighted Dice against the pattern,
   * {@code 2·Σ_matched w / (Σ_span w + W_P)} (weights from {@link LicenseIndex#weight}). The ratio is maximised
   * by Dinkelbach's method: for a ratio λ, the best span of {@code Σ(2·w_i·m_i − λ·w_i)} is a maximum-sum segment
   * (Kadane); λ is raised to that span's ratio until it stops rising. A pair counts only at its first unconsumed
   * occurrence, so a repeated paragraph does not inflate the match; the span's exact Dice is then computed on its
   * distinct pairs. The span is chosen against the whole reference, so that a copy's optional parts (a title, the
   * GPL's appendix) belong to its span; the Dice then counts on the reference's side only the optional pairs the
   * span holds ({@code requiredWeight} plus those), so a copy that leaves an optional part out loses nothing by it,
   * as the SPDX matching guidelines read optional text.
   */
  private static Span bestSpan(long[] seq, double[] weights, boolean[] consumed, LicensePattern pattern, double patternWeight,
      double requiredWeight) {
    int n = seq.length;
    boolean[] hit = new boolean[n];
    LongOpenHashSet seen = new LongOpenHashSet();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (!consumed[i] && pattern.contains(seq[i]) && seen.add(seq[i])) {
        hit[i] = true;
        any = true;
      }
    }
    if (!any) return null;
    double lambda = 0;
    int bestStart = -1;
    int bestEnd = -1;
    for (int iter = 0; iter < 30; iter++) {
      double bestSum = Double.NEGATIVE_INFINITY;
      int s = -1;
      int e = -1;
      double run = 0;
      int runStart = 0;
      for (int i = 0; i < n; i++) {
        if (consumed[i]) {
          run = 0;
          runStart = i + 1;
          continue;
        }
        double v = (hit[i] ? 2 * weights[i] : 0) - lambda * weights[i];
        if (run <= 0) {
          run = v;
          runStart = i;
        } else {
          run += v;
        }
        if (run > bestSum) {
          bestSum = run;
          s = runStart;
          e = i + 1;
        }
      }
      if (s < 0) return null;
      double matched = 0;
      double span = 0;
      for (int i = s; i < e; i++) {
        span += weights[i];
        if (hit[i]) matched += weights[i];
      }
      double ratio = 2 * matched / (span + patternWeight);
      bestStart = s;
      bestEnd = e;
      if (ratio <= lambda + 1e-9) break;
      lambda = ratio;
    }
    // exact: each distinct pair of the span once
    LongOpenHashSet distinct = new LongOpenHashSet();
    double spanWeight = 0;
    double common = 0;
    double optionalHeld = 0;
    for (int i = bestStart; i < bestEnd; i++) {
      if (!distinct.add(seq[i])) continue;
      spanWeight += weights[i];
      if (pattern.contains(seq[i])) {
        common += weights[i];
        if (pattern.isOptional(seq[i])) optionalHeld += weights[i];
      }
    }
    return new Span(bestStart, bestEnd, 2 * common / (spanWeight + requiredWeight + optionalHeld), common);
  }
}
