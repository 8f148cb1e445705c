package io.winnow.code.license.match;

import io.winnow.code.license.spdx.GnuNotices;
import io.winnow.code.license.spdx.ProjectNotices;
import io.winnow.code.license.spdx.SpdxLicenseList;
import io.winnow.code.license.spdx.SpdxTemplate;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference texts of the SPDX list (full texts, standard headers, exceptions; deprecated ids left out, their
 * current ids stand for them) as word-pair sets, with an inverted index from word pair to the patterns holding
 * it. Built once on first use ({@link #spdx()}) and shared, immutable, by every thread.
 */
public final class LicenseIndex {
  /** Reference texts with fewer word pairs than this are too short to tell apart from ordinary prose. */
  static final int MIN_PATTERN_PAIRS = 12;

  private final List<LicensePattern> patterns;
  private final Long2IntOpenHashMap slotOfPair;
  private final int[] postingStart;
  private final int[] postings;
  /** Each pattern's total pair weight, and that of the pairs its optional parts do not hold alone. */
  private final double[] patternWeight;
  private final double[] requiredWeight;
  private final Map<String, List<LicensePattern>> byIdAndKind = new java.util.HashMap<>();
  private final Map<String, long[]> listTextPairs = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<LicensePattern, long[]> successions = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, long[]> listTextSuccessions = new java.util.concurrent.ConcurrentHashMap<>();

  LicenseIndex(List<LicensePattern> patterns) {
    this.patterns = List.copyOf(patterns);
    for (LicensePattern p : patterns) {
      for (String id : p.ids()) byIdAndKind.computeIfAbsent(p.kind().code() + ":" + id, k -> new ArrayList<>()).add(p);
    }
    slotOfPair = new Long2IntOpenHashMap();
    slotOfPair.defaultReturnValue(-1);
    LongArrayList pairOfSlot = new LongArrayList();
    List<int[]> counts = new ArrayList<>();
    int total = 0;
    for (LicensePattern p : patterns) {
      for (long pair : p.pairs()) {
        if (slotOfPair.putIfAbsent(pair, pairOfSlot.size()) == -1) pairOfSlot.add(pair);
        total++;
      }
    }
    int slots = pairOfSlot.size();
    postingStart = new int[slots + 1];
    for (LicensePattern p : patterns) for (long pair : p.pairs()) postingStart[slotOfPair.get(pair) + 1]++;
    for (int s = 0; s < slots; s++) postingStart[s + 1] += postingStart[s];
    postings = new int[total];
    int[] fill = Arrays.copyOf(postingStart, slots);
    for (int pi = 0; pi < patterns.size(); pi++) {
      for (long pair : patterns.get(pi).pairs()) postings[fill[slotOfPair.get(pair)]++] = pi;
    }
    patternWeight = new double[patterns.size()];
    requiredWeight = new double[patterns.size()];
    for (int pi = 0; pi < patterns.size(); pi++) {
      double w = 0;
      for (long pair : patterns.get(pi).pairs()) w += weight(pair);
      patternWeight[pi] = w;
      for (long pair : patterns.get(pi).optional()) w -= weight(pair);
      requiredWeight[pi] = w;
    }
  }

  /**
   * How much a word pair says about which license a text is: {@code 1 + ln(N / df)} for a pair found in df of the N
   * patterns (an inverse document frequency), so "of the" counts little and "lesser general" or "version 3" much;
   * 1 for a pair no reference holds (a name, a project's own words), so text that is not license text weighs as
   * little as the commonest license words rather than as much as the rarest.
   */
  double weight(long pair) {
    int slot = slotOfPair.get(pair);
    if (slot < 0) return 1;
    int df = postingStart[slot + 1] - postingStart[slot];
    return 1 + Math.log((double) patterns.size() / df);
  }

  double patternWeight(int pattern) {
    return patternWeight[pattern];
  }

  /** The weight of the pairs of the pattern that no optional part holds alone. */
  double requiredWeight(int pattern) {
    return requiredWeight[pattern];
  }

  private static final class Holder {
    static final LicenseIndex SPDX = build(SpdxLicenseList.get());
  }

  /** The index of the SPDX list shipped with the library, built on first call (a fraction of a second). */
  public static LicenseIndex spdx() {
    return Holder.SPDX;
  }

  public List<LicensePattern> patterns() {
    return patterns;
  }

  /**
   * The distinct word pairs of the license text the SPDX list prints for {@code id} (empty if none), normalised on
   * first request and kept. The template-built references can lack a passage of it: a variable's original text
   * that starts with "Copyright" is dropped whole as a copyright line, even when it goes on with a disclaimer.
   */
  long[] listTextPairs(String id) {
    return listTextPairs.computeIfAbsent(id, k -> WordPairs.distinct(listTextInOrder(k)));
  }

  /** The word pairs of the license text the SPDX list prints for {@code id}, in text order (empty if none). */
  private static long[] listTextInOrder(String id) {
    SpdxLicenseList.Entry e = SpdxLicenseList.get().find(id);
    return e == null || e.text() == null ? new long[0] : WordPairs.of(LicenseNormalizer.normalize(e.text()));
  }

  /**
   * The successions of the pattern's pairs in its order ({@link WordPairs#succession}: its word triples), distinct and
   * sorted, computed on first request and kept.
   */
  long[] successions(LicensePattern p) {
    return successions.computeIfAbsent(p, k -> WordPairs.successions(k.order()));
  }

  /** The successions of the license text the SPDX list prints for {@code id} (see {@link #listTextPairs}). */
  long[] listTextSuccessions(String id) {
    return listTextSuccessions.computeIfAbsent(id, k -> WordPairs.successions(listTextInOrder(k)));
  }

  /** The references of one license and kind (its text with and without the optional parts, its headers). */
  List<LicensePattern> referencesOf(String id, LicensePattern.Kind kind) {
    return byIdAndKind.getOrDefault(kind.code() + ":" + id, List.of());
  }

  /** Adds 1 to {@code counts[p]} for every pattern p holding {@code pair}. */
  void count(long pair, int[] counts) {
    int slot = slotOfPair.get(pair);
    if (slot < 0) return;
    for (int k = postingStart[slot], end = postingStart[slot + 1]; k < end; k++) counts[postings[k]]++;
  }

  static LicenseIndex build(SpdxLicenseList list) {
    List<Reference> refs = new ArrayList<>();
    for (SpdxLicenseList.Entry e : list.licenses()) {
      if (e.deprecated()) continue;
      // a copy may leave the optional parts out (a title, an appendix) or keep them, and fill the variables
      // with the usual words or its own: each is a reference
      if (e.template() != null) {
        refs.add(new Reference(LicensePattern.Kind.TEXT, e.id(), SpdxTemplate.fixedText(e.template())));
        String required = SpdxTemplate.requiredText(e.template());
        refs.add(new Reference(LicensePattern.Kind.TEXT, e.id(), required));
        // the text with every optional part, each part counted only where a copy keeps it (Apache-1.1's closing
        // paragraph keeps its first sentence and drops the NCSA one in the Jakarta copies)
        refs.add(new Reference(LicensePattern.Kind.TEXT, e.id(), SpdxTemplate.fullText(e.template()), required));
        String ownHolder = SpdxTemplate.fixedTextWithHolderVariable(e.template());
        if (ownHolder != null) refs.add(new Reference(LicensePattern.Kind.TEXT, e.id(), ownHolder));
      } else if (e.text() != null) {
        refs.add(new Reference(LicensePattern.Kind.TEXT, e.id(), e.text()));
      }
      if (e.headerTemplate() != null) addHeader(refs, e.id(), SpdxTemplate.fixedText(e.headerTemplate()));
      // the notice the license's own appendix recommends: today's wording of the header, which files copy
      String notice = GnuNotices.notice(e);
      if (notice != null) addHeader(refs, e.id(), notice);
      String versionFirst = notice != null && e.id().endsWith("-only") ? GnuNotices.versionFirst(notice) : null;
      if (versionFirst != null) addHeader(refs, e.id(), versionFirst);
      String shortLater = notice != null && e.id().endsWith("-or-later") ? GnuNotices.shortLaterGrant(notice) : null;
      if (shortLater != null) addHeader(refs, e.id(), shortLater);
      // notices that many files carry in a wording the list does not hold (CC0's, OpenSSL's and AWS's Apache notice)
      for (String projectNotice : ProjectNotices.of(e.id())) addHeader(refs, e.id(), projectNotice);
    }
    for (SpdxLicenseList.Entry e : list.exceptions()) {
      if (e.deprecated()) continue;
      String text = e.template() != null ? SpdxTemplate.fixedText(e.template()) : e.text();
      if (text != null) refs.add(new Reference(LicensePattern.Kind.EXCEPTION, e.id(), text));
      // with its optional parts as well where they name a version: a span naming a version its reference does not
      // is refused (LicenseMatcher.versionsAgree), and the Classpath exception's optional "version 2" is in most
      // copies. Only there: each further reference shifts the pair weights, and an optional title or appendix is
      // already allowed for by the Dice
      if (e.template() != null) {
        String full = SpdxTemplate.fullText(e.template());
        if (!namedVersions(full).equals(namedVersions(text))) refs.add(new Reference(LicensePattern.Kind.EXCEPTION, e.id(), full));
      }
    }
    // normalising some 10 MB of reference text is most of the build: done on every core
    List<String> normalized = refs.parallelStream().map(r -> LicenseNormalizer.normalize(r.text())).toList();
    Map<String, long[]> optionalByText = new java.util.HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i).required() == null) continue;
      long[] all = WordPairs.distinct(WordPairs.of(normalized.get(i)));
      long[] required = WordPairs.distinct(WordPairs.of(LicenseNormalizer.normalize(refs.get(i).required())));
      LongArrayList optional = new LongArrayList();
      for (long pair : all) if (Arrays.binarySearch(required, pair) < 0) optional.add(pair);
      optionalByText.putIfAbsent(refs.get(i).kind().code() + "\n" + normalized.get(i), optional.toLongArray());
    }
    // identical reference texts (a license and a renamed twin) become one pattern naming every id
    Map<String, List<String>> idsByText = new LinkedHashMap<>();
    Map<String, LicensePattern.Kind> kindByText = new LinkedHashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      Reference r = refs.get(i);
      String key = r.kind().code() + "\n" + normalized.get(i);
      List<String> ids = idsByText.computeIfAbsent(key, k -> new ArrayList<>());
      if (!ids.contains(r.id())) ids.add(r.id());
      kindByText.put(key, r.kind());
    }
    List<LicensePattern> patterns = new ArrayList<>();
    for (Map.Entry<String, List<String>> t : idsByText.entrySet()) {
      String text = t.getKey().substring(t.getKey().indexOf('\n') + 1);
      long[] pairs = WordPairs.distinct(WordPairs.of(text));
      if (pairs.length < MIN_PATTERN_PAIRS) continue;
      java.util.Set<Integer> versions = new java.util.TreeSet<>();
      for (int v : WordPairs.versions(text)) if (v >= 0) versions.add(v);
      long[] optional = optionalByText.getOrDefault(t.getKey(), new long[0]);
      long[][] gaps = WordPairs.gapBoundaries(text);
      patterns.add(new LicensePattern(List.copyOf(t.getValue()), kindByText.get(t.getKey()), pairs, java.util.Set.copyOf(versions), optional,
          gaps[0], gaps[1], WordPairs.of(text)));
    }
    return new LicenseIndex(patterns);
  }

  private static java.util.Set<Integer> namedVersions(String text) {
    java.util.Set<Integer> versions = new java.util.TreeSet<>();
    for (int v : WordPairs.versions(LicenseNormalizer.normalize(text))) if (v >= 0) versions.add(v);
    return versions;
  }

  /**
   * A header and its leading paragraphs ({@link HeaderParagraphs}), each also without its sentence saying where to
   * obtain the license: files often keep only the grant, or the grant and the disclaimer, of a notice ("The contents
   * of this file are subject to the Mozilla Public License Version 1.1 ..." and its disclaimer, as Qt's files carry
   * the MPL's), and a partial notice scores too low against the whole one.
   */
  private static void addHeader(List<Reference> refs, String id, String header) {
    refs.add(new Reference(LicensePattern.Kind.HEADER, id, header));
    for (String lead : HeaderParagraphs.leading(header)) {
      refs.add(new Reference(LicensePattern.Kind.HEADER, id, lead));
      String leadUnpointed = HeaderParagraphs.withoutCopyPointer(lead);
      if (leadUnpointed != null && HeaderParagraphs.longEnough(leadUnpointed)) refs.add(new Reference(LicensePattern.Kind.HEADER, id, leadUnpointed));
    }
    String unpointed = HeaderParagraphs.withoutCopyPointer(header);
    if (unpointed != null) refs.add(new Reference(LicensePattern.Kind.HEADER, id, unpointed));
  }

  /** {@code required}: for a text with optional parts kept, the same text without them (else null). */
  private record Reference(LicensePattern.Kind kind, String id, String text, String required) {
    Reference(LicensePattern.Kind kind, String id, String text) {
      this(kind, id, text, null);
    }
  }
}
