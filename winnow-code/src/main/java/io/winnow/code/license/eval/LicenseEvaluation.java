package io.winnow.code.license.eval;

import io.winnow.code.input.CodeFolderReader;
import io.winnow.code.license.FolderIndex;
import io.winnow.code.license.FolderLicense;
import io.winnow.code.license.LicenseScan;
import io.winnow.code.license.LicenseStep;
import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.match.LicensePattern;
import io.winnow.code.license.spdx.LicenseKinds;
import io.winnow.code.license.spdx.SpdxLicenseList;
import io.winnow.doc.Document;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.Params;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The license detection evaluation printed by {@code bench/licenses.sh}: (1) every non-deprecated license text of
 * the SPDX list against the matcher; (2) licensee's 64 fixture projects (expected project license from
 * {@code fixtures.yml}) through the {@code license} step, as repositories; (3) google/licenseclassifier's 41
 * scenarios (expected license set after {@code EXPECTED:}); (4) non-license prose (web documents) that must match
 * nothing. Prints each figure and every miss. {@code --debian-copyright} adds this machine's Debian copyright files
 * (a development set, misses printed); {@code --debian-copyright-root DIR} the same scoring over
 * {@code DIR/usr/share/doc/PACKAGE/copyright} (a held-out set: counts only).
 */
public final class LicenseEvaluation {
  private LicenseEvaluation() {}

  private static final String UNRECOGNISED = "<unrecognised license file>";

  /** Whether the misses of the held-out half B are printed (they are counted either way). */
  private static boolean showHeldOutMisses;
  /** Whether half B is left out of the figures as well, so that tuning on A sees nothing of B, not even its counts. */
  private static boolean studiedOnly;

  /** Right answers per half ({@link FixtureSplit}) and the misses to print. */
  static final class Tally {
    final int[] n = new int[2];
    final int[] right = new int[2];
    final int[] translated = new int[2];
    final List<String> misses = new ArrayList<>();
    int heldOutMisses;

    void add(String fixture, boolean ok, boolean okTranslated, String miss) {
      int h = FixtureSplit.half(fixture) - 'A';
      n[h]++;
      if (ok) right[h]++;
      if (okTranslated) translated[h]++;
      if (ok) return;
      if (h == 0 || showHeldOutMisses) misses.add("[" + (char) ('A' + h) + "] " + miss);
      else heldOutMisses++;
    }

    static String figure(int r, int n) {
      return String.format(Locale.ROOT, "%d/%d (%.1f %%)", r, n, n == 0 ? 0 : 100.0 * r / n);
    }

    /** "A (studied) x/y, B (held out) x/y, all x/y" for right or translated counts. */
    String halves(int[] counts) {
      if (studiedOnly) return "A (studied) " + figure(counts[0], n[0]) + " (half B not shown: --studied-only)";
      return "A (studied) " + figure(counts[0], n[0]) + ", B (held out) " + figure(counts[1], n[1]) + ", all "
          + figure(counts[0] + counts[1], n[0] + n[1]);
    }

    void printMisses() {
      for (String m : misses) System.out.println("  miss " + m);
      if (heldOutMisses > 0 && !studiedOnly) System.out.println("  (" + heldOutMisses + " misses of the held-out half B not shown; pass --held-out-misses)");
    }
  }

  public static void main(String[] args) throws IOException {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
    List<String> flags = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    showHeldOutMisses = flags.contains("--held-out-misses");
    studiedOnly = flags.contains("--studied-only");
    if (studiedOnly && showHeldOutMisses) throw new IllegalArgumentException("--studied-only and --held-out-misses exclude each other");
    long t0 = System.nanoTime();
    LicenseIndex index = LicenseIndex.spdx();
    System.out.printf(Locale.ROOT, "SPDX license list %s: %d reference patterns, index built in %.1f s%n",
        SpdxLicenseList.get().version(), index.patterns().size(), (System.nanoTime() - t0) / 1e9);
    LicenseMatcher matcher = new LicenseMatcher(index, threshold);
    spdxTexts(matcher);
    Path licenses = shared.resolve("data/licenses");
    if (Files.isDirectory(licenses)) {
      licensee(licenses.resolve("licensee/spec/fixtures"), threshold);
      licenseClassifier(licenses.resolve("licenseclassifier/v2/scenarios"), matcher);
    } else {
      System.out.println("skipped: " + licenses + " not found (the real-world fixtures)");
    }
    prose(shared.resolve("data/web"), matcher);
    if (flags.contains("--debian-docs")) debianDocs(matcher);
    if (flags.contains("--debian-copyright")) DebianCopyright.run(matcher);
    Path heldOut = folderAfter(flags, "--debian-copyright-root");
    if (heldOut != null) DebianCopyright.run(matcher, heldOut, false);
    Path studied = folderAfter(flags, "--debian-copyright-dev-root");
    if (studied != null) DebianCopyright.run(matcher, studied, true);
  }

  /** The folder given after {@code flag}, or null when the flag is absent. */
  private static Path folderAfter(List<String> flags, String flag) {
    int at = flags.indexOf(flag);
    if (at < 0) return null;
    if (at + 1 >= flags.size()) throw new IllegalArgumentException(flag + " needs a folder");
    return Path.of(flags.get(at + 1));
  }

  /**
   * This machine's Debian READMEs ({@code /usr/share/doc/<package>/README*}) and section-1 man pages: prose about
   * software, where license words are common and a few files do quote a license. Every match is printed with the
   * start of its span, to be judged by reading: a README that holds the GPL's notice is a right match.
   */
  static void debianDocs(LicenseMatcher matcher) throws IOException {
    List<Path> files = new ArrayList<>();
    Path doc = Path.of("/usr/share/doc");
    if (Files.isDirectory(doc)) {
      try (Stream<Path> s = Files.walk(doc, 2)) {
        s.filter(p -> p.getFileName().toString().startsWith("README") && Files.isRegularFile(p)).sorted().forEach(files::add);
      }
    }
    int readmes = files.size();
    Path man = Path.of("/usr/share/man/man1");
    if (Files.isDirectory(man)) {
      try (Stream<Path> s = Files.list(man)) {
        s.filter(p -> p.getFileName().toString().endsWith(".1.gz") && Files.isRegularFile(p)).sorted().forEach(files::add);
      }
    }
    long chars = 0;
    int matched = 0;
    long start = System.nanoTime();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      if (f.toString().endsWith(".gz")) {
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
          bytes = in.readAllBytes();
        } catch (IOException e) {
          continue; // not gzip after all
        }
      }
      String text = io.winnow.io.HtmlCharset.decode(bytes, null).text();
      chars += text.length();
      List<LicenseMatch> found = matcher.find(text);
      if (found.isEmpty()) continue;
      matched++;
      String normalized = io.winnow.code.license.match.LicenseNormalizer.normalize(text);
      for (LicenseMatch m : found) {
        String words = io.winnow.code.license.match.WordPairs.words(normalized, m.startPair(), Math.min(m.endPair(), m.startPair() + 14));
        System.out.printf(Locale.ROOT, "  match %s -> %s %s (%.3f): %s ...%n", f, m.id(), m.kind().code(), m.confidence(), words);
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "debian_docs: %d of %d files (%d READMEs, %d man pages) matched a license (%.2f MB/s); each match above, to be read%n",
        matched, files.size(), readmes, files.size() - readmes, chars / 1e6 / secs);
  }

  static void spdxTexts(LicenseMatcher matcher) {
    int n = 0;
    int right = 0;
    long start = System.nanoTime();
    long chars = 0;
    List<String> misses = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    List<String> modified = new ArrayList<>();
    for (SpdxLicenseList.Entry e : SpdxLicenseList.get().licenses()) {
      if (e.deprecated() || e.text() == null) continue;
      n++;
      chars += e.text().length();
      List<LicenseMatch> found = matcher.find(e.text());
      LicenseMatch top = found.isEmpty() ? null : found.get(0);
      if (top != null) added.add(top.addedPairs());
      if (top != null && top.modified()) modified.add(e.id() + " (" + top.addedPairs() + " pairs: " + top.added() + ")");
      if (top != null && !top.modified() && (top.id().equals(e.id()) || top.equivalents().contains(e.id()))) right++;
      else misses.add(e.id() + " -> " + (top == null ? "nothing" : top.id() + String.format(Locale.ROOT, " (%.3f)", top.confidence())));
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "spdx_texts: %d/%d right (%.1f %%), %.0f texts/s, %.2f MB/s (one thread)%n", right, n,
        100.0 * right / n, n / secs, chars / 1e6 / secs);
    for (String m : misses) System.out.println("  miss " + m);
    added.sort(null);
    System.out.printf(Locale.ROOT, "spdx_texts: longest run of word pairs the best reference lacks: median %d, 99th percentile %d, max %d "
        + "(a match with %d or more is reported as a modified license)%n", added.get(added.size() / 2), added.get(added.size() * 99 / 100),
        added.get(added.size() - 1), LicenseMatcher.MODIFIED_RUN);
    for (String m : modified) System.out.println("  modified " + m);
  }

  /** licensee keys are lower-case SPDX ids (mostly); 'other' = a license file that is not recognised. */
  static void licensee(Path fixtures, double threshold) throws IOException {
    Map<String, String> expected = readFixturesYml(fixtures.resolve("fixtures.yml"));
    // licensee's key space: the choosealicense.com templates it vendors; 'other' means "none of these"
    Set<String> known = new TreeSet<>();
    Path templates = fixtures.resolve("../../vendor/choosealicense.com/_licenses");
    if (Files.isDirectory(templates)) {
      try (Stream<Path> s = Files.list(templates)) {
        s.forEach(t -> known.add(t.getFileName().toString().replaceAll("\\.txt$", "")));
      }
    }
    Tally tally = new Tally();
    for (Map.Entry<String, String> fx : expected.entrySet()) {
      Path dir = fixtures.resolve(fx.getKey());
      List<Document> docs = new ArrayList<>();
      try (CodeFolderReader r = new CodeFolderReader(dir, new ReaderLimits(64 << 20))) {
        for (ReadResult x; (x = r.next()) != null; ) if (x.document() != null) docs.add(x.document());
      }
      Path work = Files.createTempDirectory("winnow-license-eval");
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("min_confidence", threshold);
      LicenseStep step = new LicenseStep(LicenseStep.Config.from(new Params("license", params)));
      LicenseScan.Result result = LicenseScan.run(docs, step, work);
      deleteTree(work);
      FolderIndex folders = result.folders();
      FolderLicense root = folders.governing(dir.getFileName().toString(), "x");
      // an unrecognised license file beside recognised ones is one more license, which licensee counts too
      String got = root == null ? null : root.expression() == null ? (root.hasUnknownClaim() ? "other" : null)
          : root.expression() + (root.hasUnknownClaim() ? " AND " + UNRECOGNISED : "");
      boolean ok = agrees(fx.getValue(), got);
      boolean okTranslated = ok || ("other".equals(fx.getValue()) && got != null && isOther(got, known));
      tally.add(fx.getKey(), ok, okTranslated,
          fx.getKey() + ": expected " + fx.getValue() + ", got " + got + (okTranslated ? " (right once translated)" : ""));
    }
    System.out.println("licensee_fixtures (projects right, strictly): " + tally.halves(tally.right));
    System.out.println("licensee_fixtures (once 'other' is read as \"not one of licensee's " + known.size()
        + " licenses\": several licenses, or an SPDX license licensee does not know): " + tally.halves(tally.translated));
    tally.printMisses();
  }

  /** An answer licensee would call 'other': several licenses, or one outside its key space. */
  private static boolean isOther(String got, Set<String> known) {
    if (got.contains(" AND ") || got.contains(" OR ")) return true;
    for (String k : known) if (sameFamily(k, got)) return false;
    return true;
  }

  private static boolean agrees(String expectedKey, String got) {
    if (expectedKey == null) return got == null;
    if (expectedKey.equals("other") || expectedKey.equals("no-license")) return "other".equals(got);
    if (got == null || got.equals("other")) return false;
    if (got.contains(" AND ") || got.contains(" OR ")) return false;
    return sameFamily(expectedKey, got);
  }

  /** {@code gpl-3.0} is {@code GPL-3.0-only} or {@code GPL-3.0-or-later}; {@code gfdl-1.3} any GFDL-1.3 variant. */
  static boolean sameFamily(String expected, String got) {
    String e = LicenseKinds.family(expected).toLowerCase(Locale.ROOT);
    String g = LicenseKinds.family(got).toLowerCase(Locale.ROOT);
    return g.equals(e) || g.startsWith(e + "-");
  }

  static void licenseClassifier(Path scenarios, LicenseMatcher matcher) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(scenarios)) {
      files = s.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
    Tally tally = new Tally();
    for (Path f : files) {
      String all = Files.readString(f, StandardCharsets.UTF_8);
      int at = all.indexOf("EXPECTED:");
      int eol = all.indexOf('\n', at);
      Set<String> want = new TreeSet<>();
      for (String x : all.substring(at + 9, eol).split(",")) {
        String t = x.strip();
        if (!t.isEmpty() && !t.equals("Copyright")) want.add(t);
      }
      String text = all.substring(eol + 1);
      Set<String> got = new TreeSet<>();
      for (LicenseMatch m : matcher.find(text)) got.add(m.id());
      boolean ok = covers(want, got);
      String name = f.getFileName().toString();
      tally.add(name, ok, ok, name + ": expected " + want + ", got " + got);
    }
    System.out.println("licenseclassifier_scenarios (license sets; the Copyright pseudo-label not scored): " + tally.halves(tally.right));
    tally.printMisses();
  }

  /**
   * Every expected name found and nothing else: licenseclassifier's names are SPDX ids without the grant
   * ({@code GPL-2.0}) or with an exception folded in ({@code GPL-3.0-with-bison-exception}).
   */
  private static boolean covers(Set<String> want, Set<String> got) {
    // licenseclassifier's names have no grant: GPL-3.0-only and GPL-3.0-or-later found in one file are one name
    Set<String> unmatched = new TreeSet<>();
    for (String g : got) unmatched.add(LicenseKinds.family(g));
    for (String w : want) {
      String license = w;
      String exception = null;
      int with = w.indexOf("-with-");
      if (with > 0) {
        license = w.substring(0, with);
        exception = w.substring(with + 6).toLowerCase(Locale.ROOT);
      }
      String hit = null;
      for (String g : unmatched) if (sameFamily(license, g)) hit = g;
      if (hit == null) return false;
      unmatched.remove(hit);
      if (exception != null) {
        String ex = null;
        for (String g : unmatched) if (g.toLowerCase(Locale.ROOT).startsWith(exception)) ex = g;
        if (ex == null) return false;
        unmatched.remove(ex);
      }
    }
    return unmatched.isEmpty();
  }

  static void prose(Path web, LicenseMatcher matcher) throws IOException {
    Path sample = web.resolve("cc-main-2019-30-sample.jsonl.gz");
    if (!Files.exists(sample)) {
      System.out.println("skipped: " + sample + " not found (non-license prose)");
      return;
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    int docs = 0;
    long chars = 0;
    List<String> hits = new ArrayList<>();
    long start = System.nanoTime();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(sample)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        var n = json.readTree(line);
        String text = n.path("text").asText();
        docs++;
        chars += text.length();
        List<LicenseMatch> found = matcher.find(text);
        if (!found.isEmpty()) hits.add(n.path("id").asText() + " -> " + found.get(0).id() + String.format(Locale.ROOT, " (%.3f)", found.get(0).confidence()));
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "web_prose: %d of %d documents matched a license (%.2f MB/s, one thread)%n", hits.size(), docs, chars / 1e6 / secs);
    for (String h : hits) System.out.println("  match " + h);
  }

  /** fixtures.yml: {@code name:} then {@code key: x} (empty = null). */
  static Map<String, String> readFixturesYml(Path yml) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    String current = null;
    for (String line : Files.readAllLines(yml, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.startsWith("---") || line.isBlank()) continue;
      if (!line.startsWith(" ") && line.endsWith(":")) {
        current = line.substring(0, line.length() - 1);
        out.put(current, null);
      } else if (current != null && line.strip().startsWith("key:")) {
        String v = line.strip().substring(4).strip();
        out.put(current, v.isEmpty() ? null : v);
      }
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
