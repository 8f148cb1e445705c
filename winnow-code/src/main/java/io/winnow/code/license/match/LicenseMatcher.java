package io.winnow.code.license.match;

import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxLicenseList;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
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

  /**
   * Every reference text found, most confident first, then the grants read by rule outside them ({@link GnuGrants},
   * {@link NamedGrants}; confidence 1) and the license of an exception found alone ({@link #exceptionBase}); each license once.
   */
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
      List<Span> passed = new ArrayList<>();
      List<LicensePattern> passedPatterns = new ArrayList<>();
      List<Integer> passedIndex = new ArrayList<>();
      for (int c = candidates.size() - 1; c >= 0; c--) {
        LicensePattern pattern = patterns.get(candidates.get(c));
        Span s = bestSpan(seq, weights, consumed, pattern, index.patternWeight(candidates.get(c)), index.requiredWeight(candidates.get(c)));
        // removing text only lowers a reference's best Dice: one below the threshold now never comes back
        if (!passes(seq, versions, s, pattern)) {
          candidates.remove(c);
          continue;
        }
        passed.add(s);
        passedPatterns.add(pattern);
        passedIndex.add(candidates.get(c));
        if (best == null || s.betterThan(best)) {
          best = s;
          bestPattern = pattern;
        }
      }
      if (best == null) break;
      // a reference a whole passage of which the text lacks is a worse name than one of nothing missing over the
      // same text, however much more of the text it explains
      if (longestMissingRun(heldPairs(seq, consumed, best), bestPattern) >= MISSING_RUN) {
        int complete = bestCovering(best, passed, passedPatterns,
            (s, p) -> longestMissingRun(heldPairs(seq, consumed, s), p) < MISSING_RUN);
        if (complete >= 0) {
          best = passed.get(complete);
          bestPattern = passedPatterns.get(complete);
        }
      }
      // a reference the text shows less of what sets it apart from another than it lacks is a worse name than
      // that other over the same text
      if (!apartShown(heldPairs(seq, consumed, best), best, bestPattern, passed, passedPatterns)) {
        String bestId = bestPattern.id();
        LicensePattern wanting = bestPattern;
        int plainer = bestCovering(best, passed, passedPatterns,
            (s, p) -> !p.id().equals(bestId) && apartFrom(heldPairs(seq, consumed, s), p, wanting) >= 0);
        if (plainer >= 0) {
          best = passed.get(plainer);
          bestPattern = passedPatterns.get(plainer);
        }
      }
      // a span is one copy: a longer license must not take a shorter sibling's copy beside its own
      if (bestPattern.kind() == LicensePattern.Kind.TEXT) {
        int p = passedIndex.get(passedPatterns.indexOf(bestPattern));
        best = oneCopy(seq, weights, consumed, versions, best, bestPattern, p);
      }
      // a license is reported once, whichever of its references (with or without optional parts) won
      String wonId = bestPattern.id();
      List<Integer> won = new ArrayList<>();
      for (int p : candidates) if (patterns.get(p).id().equals(wonId)) won.add(p);
      candidates.removeIf(p -> patterns.get(p).id().equals(wonId));
      for (int i = best.start; i < best.end; i++) consumed[i] = true;
      consumeRepeats(seq, weights, consumed, versions, won);
      String added = null;
      int[] run = {best.start, best.start, 0};
      if (bestPattern.kind() == LicensePattern.Kind.TEXT) {
        boolean[] numeric = WordPairs.numeric(normalized);
        List<LicensePattern> references = index.referencesOf(bestPattern.id(), bestPattern.kind());
        run = longestAddedRun(seq, numeric, best, references, null);
        // rare: look again with the list's printed text as well before calling it modified
        if (run[2] >= MODIFIED_RUN) run = longestAddedRun(seq, numeric, best, references, bestPattern.id());
        if (run[2] >= MODIFIED_RUN) added = WordPairs.words(normalized, run[0], run[1]);
      }
      String unversioned = unversionedGnu(versions, best, bestPattern);
      found.add(new LicenseMatch(unversioned != null ? unversioned : bestPattern.id(),
          unversioned != null ? List.of() : equivalents(bestPattern), bestPattern.kind(), best.dice, best.start, best.end, run[2], added));
    }
    List<GnuGrants.Grant> grants = new ArrayList<>(GnuGrants.find(normalized));
    grants.addAll(NamedGrants.find(normalized));
    for (GnuGrants.Grant g : grants) {
      if (found.size() >= MAX_MATCHES) break;
      if (!explained(found, g)) found.add(new LicenseMatch(g.id(), List.of(), LicensePattern.Kind.HEADER, 1.0, g.startWord(), g.endWord(), 0, null));
    }
    LicenseMatch base = exceptionBase(found, seq, versions);
    if (base != null) found.add(base);
    return found;
  }

  /**
   * Whether a grant read by rule ({@link GnuGrants}) adds nothing: its license is found already, or its words lie in
   * the span of a match (a notice or text found by Dice names its license and version itself; the Autoconf
   * exception's "distributed under the terms of the GNU General Public License" is read by {@link #exceptionBase}).
   */
  private static boolean explained(List<LicenseMatch> found, GnuGrants.Grant g) {
    for (LicenseMatch m : found) {
      if (m.id().equals(g.id()) || !g.alternative() && g.startWord() < m.endPair() && m.startPair() < g.endWord()) return true;
    }
    return false;
  }

  /** The GNU versions a notice can be given under, earliest first (for a name with no version, the earliest the list has). */
  private static final String[] GNU_VERSIONS = {"1.0", "2.0", "2.1", "3.0"};

  /**
   * The GNU license an exception excepts from, when the text names it but in words too few to
   * match a notice ("This file is free software, distributed under the terms of the GNU General Public License. As a
   * special exception to the GNU General Public License, this file may be distributed as part of a program that
   * contains a configuration script generated by Autoconf, ..."): an exception is no license by itself, and without
   * this the file would claim none. The version is the first named within {@link #UNVERSIONED_REACH} pairs after
   * the name that the license has (the version the distributor gives it under, or the one the exception's own text
   * names: the Autoconf exception 3.0 speaks of the GPL version 3), with later versions, as for an unversioned
   * notice; with none named, the earliest version. Null when no exception was found, a GNU license was found as
   * text or notice, or the text names no GNU license before its first exception, nor grants one inside it ("under the
   * terms of the GNU General Public License", which the span of a short exception takes in; {@link GnuNames#grantedAt}).
   */
  private static LicenseMatch exceptionBase(List<LicenseMatch> found, long[] seq, int[] versions) {
    LicenseMatch exception = null;
    for (LicenseMatch m : found) {
      if (m.kind() == LicensePattern.Kind.EXCEPTION) {
        if (exception == null || m.startPair() < exception.startPair()) exception = m;
      } else if (GNU_ID.matcher(m.id()).matches()) {
        return null;
      }
    }
    if (exception == null) return null;
    int at = -1;
    String name = null;
    for (int i = 0; i < exception.endPair() && name == null; i++) {
      name = i < exception.startPair() || GnuNames.grantedAt(seq, i) ? GnuNames.licenseNamed(seq[i]) : null;
      at = i;
    }
    if (name == null) return null;
    SpdxLicenseList list = SpdxLicenseList.get();
    SpdxLicenseList.Entry chosen = null;
    for (int i = at, end = Math.min(versions.length, at + UNVERSIONED_REACH); i < end && chosen == null; i++) {
      if (versions[i] >= 0) chosen = orLater(list, name, versions[i]);
    }
    for (int k = 0; k < GNU_VERSIONS.length && chosen == null; k++) chosen = list.find(name + "-" + GNU_VERSIONS[k] + "-or-later");
    if (chosen == null) return null;
    return new LicenseMatch(chosen.id(), List.of(), LicensePattern.Kind.HEADER, exception.confidence(), at, at + 1, 0, null);
  }

  /** The list's {@code NAME-N.M-or-later} for a value of {@link WordPairs#versions} ("version 2" is 2.0), or null. */
  private static SpdxLicenseList.Entry orLater(SpdxLicenseList list, String name, int version) {
    int minor = version % 100 == WordPairs.ANY_MINOR ? 0 : version % 100;
    return list.find(name + "-" + version / 100 + "." + minor + "-or-later");
  }

  /** How many word pairs after an unversioned GNU notice are read for the version it is given under. */
  static final int UNVERSIONED_REACH = 80;
  private static final java.util.regex.Pattern GNU_ID = java.util.regex.Pattern.compile("(A?GPL|LGPL)-\\d\\.\\d-(only|or-later)");

  /**
   * The license of a GNU notice that names no version ("under the terms of the GNU General Public License as
   * published by the Free Software Foundation."), or null when the notice names one. Such a notice matches the
   * one-version notice less its number best, yet the GPL's own terms read it as any version ever published: the
   * earliest version of the reference's name with later ones. When a version of the license is named right after
   * the notice, the version the distributor gives it under ("On Debian systems, the complete text of the GNU
   * General Public License version 2 can be found in ..."; "Some files are licensed under version 2 only"), that
   * version or later.
   */
  private String unversionedGnu(int[] versions, Span s, LicensePattern pattern) {
    if (pattern.kind() != LicensePattern.Kind.HEADER || !GNU_ID.matcher(pattern.id()).matches()) return null;
    for (int i = Math.max(0, s.start - VERSION_REACH), end = Math.min(versions.length, s.end + VERSION_REACH); i < end; i++) {
      if (versions[i] >= 0) return null;
    }
    SpdxLicenseList list = SpdxLicenseList.get();
    String name = pattern.id().substring(0, pattern.id().indexOf('-'));
    for (int i = s.end, end = Math.min(versions.length, s.end + UNVERSIONED_REACH); i < end; i++) {
      if (versions[i] < 0) continue;
      SpdxLicenseList.Entry named = orLater(list, name, versions[i]);
      if (named != null) return named.id();
      break;
    }
    String later = pattern.id().endsWith("-only") ? LicenseKinds.sibling(pattern.id(), list) : pattern.id();
    return later == null ? pattern.id() : later;
  }

  /**
   * A span is tried as two copies ({@link #oneCopy}) when it can be cut so that each side holds this share of the
   * reference's required weight. One copy of a text cut anywhere mostly leaves less on one side (the rare pairs
   * that carry the weight occur once): among the SPDX list's own texts the best cut reaches a median of 0.52 and a
   * 99th percentile of 0.60 (see docs/BENCHMARKS.md). Only a gate for the costlier test that decides.
   */
  static final double COPY_SHARE = 0.6;

  /**
   * The span cut to one copy of the reference when it holds two: a further occurrence of a pair counts nothing
   * either way, so a span can run on over a second copy for free and take in a copy of a shorter license that the
   * reference contains (an MIT text before an X11-style one, a BSD-2-Clause text before a BSD-3-Clause one), which
   * is then never found. When the span can be cut leaving each side {@link #COPY_SHARE} of the reference's required
   * weight, it is cut where the most weight is held on both sides (the boundary of two copies) and the best span on
   * either side of that cut is found again; the better of the two replaces the span if it
   * passes as the span did and at no lower a confidence: a side that is one whole copy loses nothing by the other's
   * words, while a side of a single copy lacks the other part and scores lower (OpenSSL's two halves, Sleepycat's
   * three notices stay whole).
   */
  private Span oneCopy(long[] seq, double[] weights, boolean[] consumed, int[] versions, Span s, LicensePattern pattern, int p) {
    int len = s.end - s.start;
    // each required pair of the reference the span holds, by its first and last occurrence in the span
    Long2IntOpenHashMap first = new Long2IntOpenHashMap();
    Long2IntOpenHashMap last = new Long2IntOpenHashMap();
    for (int i = s.start; i < s.end; i++) {
      if (consumed[i] || !pattern.contains(seq[i]) || pattern.isOptional(seq[i])) continue;
      first.putIfAbsent(seq[i], i - s.start);
      last.put(seq[i], i - s.start);
    }
    // for a cut at k: the weight held before it (first < k), after it (last >= k), and on both sides (first < k <= last)
    double[] before = new double[len + 1];
    double[] after = new double[len + 2];
    double[] change = new double[len + 2];
    for (Long2IntMap.Entry e : first.long2IntEntrySet()) {
      int f = e.getIntValue();
      int l = last.get(e.getLongKey());
      double w = index.weight(e.getLongKey());
      before[f + 1] += w;
      after[l] += w;
      if (l == f) continue;
      change[f + 1] += w;
      change[l + 1] -= w;
    }
    for (int k = 1; k <= len; k++) before[k] += before[k - 1];
    for (int k = len - 1; k >= 0; k--) after[k] += after[k + 1];
    boolean twoCopies = false;
    for (int k = 1; k < len && !twoCopies; k++) twoCopies = Math.min(before[k], after[k]) >= COPY_SHARE * index.requiredWeight(p);
    if (!twoCopies) return s;
    // the cut between the copies: where the most weight is held on both sides
    int cut = -1;
    double most = 0;
    double shared = 0;
    for (int k = 1; k < len; k++) {
      shared += change[k];
      if (shared > most) {
        most = shared;
        cut = s.start + k;
      }
    }
    if (cut < 0) return s;
    Span chosen = s;
    for (int side = 0; side < 2; side++) {
      boolean[] mask = consumed.clone();
      for (int i = side == 0 ? cut : s.start, end = side == 0 ? s.end : cut; i < end; i++) mask[i] = true;
      Span t = bestSpan(seq, weights, mask, pattern, index.patternWeight(p), index.requiredWeight(p));
      if (passes(seq, versions, t, pattern) && t.dice >= chosen.dice) chosen = t;
    }
    return chosen;
  }

  /** Whether a reference's best span is a match: at the threshold, and naming the reference's versions, grant and GNU name. */
  private boolean passes(long[] seq, int[] versions, Span s, LicensePattern pattern) {
    return s != null && s.dice >= minConfidence && versionsAgree(versions, s, pattern) && grantAgrees(seq, s, pattern)
        && GnuNames.agree(seq, s.start, s.end, pattern);
  }

  /** How many further copies of a license found are looked for in the text (a bundle repeats MIT for each part). */
  private static final int MAX_REPEATS = 64;

  /**
   * Consumes the further copies of a license just found: a bundle of notices (a LICENSE file listing its vendored
   * parts, urllib3's with MIT three times) repeats a license, and once the license is reported each further copy
   * was matched to the next-nearest license (Xnet, MIT-0 for an MIT copy) as a license of its own.
   */
  private void consumeRepeats(long[] seq, double[] weights, boolean[] consumed, int[] versions, List<Integer> won) {
    List<LicensePattern> patterns = index.patterns();
    for (int round = 0; round < MAX_REPEATS; round++) {
      Span best = null;
      for (int p : won) {
        LicensePattern pattern = patterns.get(p);
        Span s = bestSpan(seq, weights, consumed, pattern, index.patternWeight(p), index.requiredWeight(p));
        if (!passes(seq, versions, s, pattern)) continue;
        // a copy lacking a passage of the license is another license it contains (MIT beside an X11-style text)
        if (longestMissingRun(heldPairs(seq, consumed, s), pattern) >= MISSING_RUN) continue;
        if (best == null || s.betterThan(best)) best = s;
      }
      if (best == null) return;
      for (int i = best.start; i < best.end; i++) consumed[i] = true;
    }
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
   * part the winning reference leaves out) is not added text, as long as it stands where a reference has it: next to
   * a pair it follows or precedes there (a word triple of the reference). A clause written in the license's own
   * words ("the Work", "in Source or Object form", "copyright, patent, trademark, and attribution notices"), added
   * to Apache-2.0, holds few of its triples. With {@code listText}, the license text the SPDX list prints counts as
   * a reference too. Returns {from, to, excess}.
   */
  private int[] longestAddedRun(long[] seq, boolean[] numeric, Span s, List<LicensePattern> references, String listText) {
    List<long[]> successions = new ArrayList<>();
    for (LicensePattern p : references) successions.add(index.successions(p));
    long[] listPairs = listText == null ? null : index.listTextPairs(listText);
    if (listText != null) successions.add(index.listTextSuccessions(listText));
    int bestFrom = s.start;
    int bestTo = s.start;
    int best = 0;
    int run = 0;
    int from = s.start;
    for (int i = s.start; i < s.end; i++) {
      boolean held = heldByAny(references, seq[i]) || listPairs != null && java.util.Arrays.binarySearch(listPairs, seq[i]) >= 0;
      if (held) {
        held = i > s.start && anyHolds(successions, WordPairs.succession(seq[i - 1], seq[i]))
            || i + 1 < s.end && anyHolds(successions, WordPairs.succession(seq[i], seq[i + 1]));
      }
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

  private static boolean anyHolds(List<long[]> sets, long key) {
    for (long[] set : sets) if (java.util.Arrays.binarySearch(set, key) >= 0) return true;
    return false;
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

  /**
   * A reference whose own pairs, in its order, have a segment this much more missing than held in a span lacks a
   * passage of it (a clause: BSD-4-Clause-UC's advertising clause scores 15 over a copy without it, the
   * BSD-3-Clause references 2–3 over the same copy). Used only to choose between references over the same text,
   * never to refuse a match, so it is set lower than {@link #MODIFIED_RUN}.
   */
  static final int MISSING_RUN = 10;

  /** The distinct pairs of the text a span holds, those consumed by an earlier match left out. */
  private static LongOpenHashSet heldPairs(long[] seq, boolean[] consumed, Span s) {
    LongOpenHashSet held = new LongOpenHashSet(Math.max(16, s.end - s.start));
    for (int i = s.start; i < s.end; i++) if (!consumed[i]) held.add(seq[i]);
    return held;
  }

  /**
   * Among the references that passed, the one whose span covers {@code best}'s, is not it, and {@code fits}, with
   * the best span of those: its index in {@code passed}, or -1 when none fits.
   */
  private static int bestCovering(Span best, List<Span> passed, List<LicensePattern> patterns,
      java.util.function.BiPredicate<Span, LicensePattern> fits) {
    int chosen = -1;
    for (int k = 0; k < passed.size(); k++) {
      Span s = passed.get(k);
      if (s == best || !s.covers(best) || chosen >= 0 && !s.betterThan(passed.get(chosen))) continue;
      if (fits.test(s, patterns.get(k))) chosen = k;
    }
    return chosen;
  }

  /**
   * The passage of the reference, in its own order, that the span most lacks (its optional parts skipped): the
   * maximum-sum segment of +1 for each pair the span does not hold and −1 for each it does, as
   * {@link #longestAddedRun} reads the text's side; a clause the text lacks. BSD-4-Clause-UC over a copy of the Berkeley text with the
   * advertising clause struck out (dash's man page) explains more of the text than BSD-3-Clause, whose template
   * leaves "the Regents" variable, and scored higher; it lacks the one clause that makes it BSD-4-Clause-UC.
   */
  private static int longestMissingRun(LongOpenHashSet held, LicensePattern pattern) {
    int best = 0;
    int run = 0;
    for (long pair : pattern.order()) {
      if (pattern.isOptional(pair)) continue;
      run = Math.max(0, run + (held.contains(pair) ? -1 : 1));
      best = Math.max(best, run);
    }
    return best;
  }

  /**
   * Whether the span shows at least as much as it lacks of what sets the reference apart from each other reference
   * that passed over it ({@link #apartFrom}). The NetBSD Foundation's four-clause text matches BSD-4-Clause-UC as
   * well as BSD-4-Clause (0.932 and 0.933): the UC template spells out as fixed text the words BSD-4-Clause leaves
   * variable ("and its contributors", "AND CONTRIBUTORS"), so it explains more of the text and won, though its
   * own words, the Regents and the University of California, are all missing. The SPDX matching guidelines
   * require a template's fixed text; Dice forgives a little of it missing, but not the part that makes the license.
   */
  private boolean apartShown(LongOpenHashSet held, Span s, LicensePattern pattern, List<Span> spans, List<LicensePattern> others) {
    for (int k = 0; k < others.size(); k++) {
      LicensePattern other = others.get(k);
      if (other.id().equals(pattern.id()) || !spans.get(k).covers(s)) continue;
      if (apartFrom(held, pattern, other) < 0) return false;
    }
    return true;
  }

  /**
   * The weight of the reference's own required pairs that the other reference lacks and the span holds, less the
   * weight of those it lacks too: positive when the text shows what makes it this license rather than the other.
   * Zero when the other holds every pair of the reference (a plainer reference of nothing more).
   */
  private double apartFrom(LongOpenHashSet held, LicensePattern pattern, LicensePattern other) {
    double balance = 0;
    for (long pair : pattern.pairs()) {
      if (pattern.isOptional(pair) || other.contains(pair)) continue;
      balance += held.contains(pair) ? index.weight(pair) : -index.weight(pair);
    }
    return balance;
  }

  /**
   * How much of its weight a variable's filler counts in a span: the reference allows the words but does not spell
   * them, so they count less than the text's own words and more than nothing. At nothing, a template whose
   * variable also admits the distinguishing words of a finer license (GFDL-1.3-invariants's "with &lt;&lt;var&gt;&gt;,"
   * admits "no Invariant Sections") outscored that license, which spells them out.
   */
  static final double FILLER_SHARE = 0.25;

  /** The most word pairs a variable's filler may span (a holder's name, a clause the template leaves variable). */
  static final int MAX_FILLER = 12;

  /**
   * The pairs of the text that fill a variable of the reference, which the SPDX matching guidelines let any text
   * fill: a run of at most {@value #MAX_FILLER} pairs the reference does not hold, between a pair that ends right
   * before one of its variables and a pair that starts right after it (BSD-3-Clause's "THIS SOFTWARE IS PROVIDED
   * &lt;&lt;var&gt;&gt; "AS IS"" filled with "BY THE AUTHOR"). Such pairs count {@link #FILLER_SHARE} of their weight in
   * the span: counted whole as the text's own words, they lowered a reference with the variable below a finer one
   * that spells the filler out as fixed text (BSD-3-Clause-HP's "THE AUTHOR", whose "PATENT INFRINGEMENT" the text
   * lacks). Null when the reference has no variable.
   */
  private static boolean[] fillers(long[] seq, boolean[] consumed, LicensePattern pattern) {
    if (pattern.beforeGap().length == 0 || pattern.afterGap().length == 0) return null;
    boolean[] filler = null;
    int n = seq.length;
    for (int i = 0; i < n - 1; i++) {
      if (consumed[i] || !pattern.endsBeforeGap(seq[i])) continue;
      for (int j = i + 1, end = Math.min(n, i + 2 + MAX_FILLER); j < end && !consumed[j]; j++) {
        if (pattern.startsAfterGap(seq[j])) {
          for (int k = i + 1; k < j; k++) {
            if (pattern.contains(seq[k])) continue;
            if (filler == null) filler = new boolean[n];
            filler[k] = true;
          }
          break;
        }
        if (pattern.contains(seq[j])) break; // the reference's own words go on: no variable here
      }
    }
    return filler;
  }

  private record Span(int start, int end, double dice, double common) {
    /**
     * The reference that explains more of the text at a higher confidence: matched weight times Dice to the power
     * {@value #CONFIDENCE_POWER}. Confidence alone would let a short license quoted inside a longer one (a
     * paragraph of SSH-OpenSSH is SSH-short, the GPL's appendix is its header) win over the longer one; matched
     * weight alone would let a reference that shares more words but differs in the words that matter (the LGPL's
     * header, whose FSF address the GPL's template leaves variable) win over the right one.
     */
    /** Whether this span holds nine tenths or more of the other's pairs. */
    boolean covers(Span o) {
      int overlap = Math.min(end, o.end) - Math.max(start, o.start);
      return overlap >= 0.9 * (o.end - o.start);
    }

    boolean betterThan(Span o) {
      return common * Math.pow(dice, CONFIDENCE_POWER) > o.common * Math.pow(o.dice, CONFIDENCE_POWER);
    }
  }

  /** Marks of {@link #bestSpan}: a reference pair's first unconsumed occurrence in the text, and a further one. */
  private static final byte HIT = 1;
  private static final byte REPEAT = 2;

  /**
   * The span of unconsumed pairs with the highest weighted Dice against the pattern,
   * {@code 2·Σ_matched w / (Σ_span w + W_P)} (weights from {@link LicenseIndex#weight}). The ratio is maximised
   * by Dinkelbach's method: for a ratio λ, the best span of {@code Σ(2·w_i·m_i − λ·w_i)} is a maximum-sum segment
   * (Kadane); λ is raised to that span's ratio until it stops rising. A pair counts only at its first unconsumed
   * occurrence, so a repeated paragraph does not inflate the match, and a further occurrence of a reference's pair
   * counts nothing either way, as in the span's exact Dice, which is then computed on its distinct pairs: counted
   * as a pair of the text's own, a passage that repeats another's words (the SSLeay half of OpenSSL's text, whose
   * disclaimer is the OpenSSL half's) cut the span short of the rest of the reference. The span is chosen against the whole reference, so that a copy's optional parts (a title, the
   * GPL's appendix) belong to its span; the Dice then counts on the reference's side only the optional pairs the
   * span holds ({@code requiredWeight} plus those), so a copy that leaves an optional part out loses nothing by it,
   * as the SPDX matching guidelines read optional text.
   */
  private static Span bestSpan(long[] seq, double[] weights, boolean[] consumed, LicensePattern pattern, double patternWeight,
      double requiredWeight) {
    int n = seq.length;
    // per pair of the text: HIT at a reference pair's first unconsumed occurrence, REPEAT at a further one
    byte[] mark = new byte[n];
    LongOpenHashSet seen = new LongOpenHashSet();
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (consumed[i] || !pattern.contains(seq[i])) continue;
      if (seen.add(seq[i])) {
        mark[i] = HIT;
        any = true;
      } else {
        mark[i] = REPEAT;
      }
    }
    if (!any) return null;
    boolean[] filler = fillers(seq, consumed, pattern);
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
        double v = mark[i] == REPEAT ? 0
            : filler != null && filler[i] ? -lambda * FILLER_SHARE * weights[i] : (mark[i] == HIT ? 2 * weights[i] : 0) - lambda * weights[i];
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
        if (mark[i] == REPEAT) continue;
        if (filler != null && filler[i]) {
          span += FILLER_SHARE * weights[i];
          continue;
        }
        span += weights[i];
        if (mark[i] == HIT) matched += weights[i];
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
      if (filler != null && filler[i]) {
        spanWeight += FILLER_SHARE * weights[i];
        continue;
      }
      spanWeight += weights[i];
      if (pattern.contains(seq[i])) {
        common += weights[i];
        if (pattern.isOptional(seq[i])) optionalHeld += weights[i];
      }
    }
    return new Span(bestStart, bestEnd, 2 * common / (spanWeight + requiredWeight + optionalHeld), common);
  }
}
