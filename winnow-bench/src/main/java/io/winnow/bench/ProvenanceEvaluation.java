package io.winnow.bench;

import io.winnow.code.provenance.CodeFingerprinter;
import io.winnow.code.provenance.CodeLanguage;
import io.winnow.code.provenance.IndexParameters;
import io.winnow.code.provenance.MatchRule;
import io.winnow.code.provenance.ProvenanceIndex;
import io.winnow.code.provenance.ProvenanceIndexBuilder;
import io.winnow.code.provenance.ProvenanceMatcher;
import io.winnow.code.provenance.ReferenceCorpus;
import io.winnow.code.provenance.ReferenceCorpus.SourceText;
import io.winnow.code.provenance.TokenStream;
import io.winnow.code.provenance.CodeLexer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The laundering evaluation of the provenance step. Kernel driver files are grouped by subsystem directory
 * ({@code drivers/<subsystem>}, so sibling drivers that share code fall in one group) and the groups split four
 * ways by a hash of their name: groups 0 and 1 are indexed; copies of their .c files,
 * rewritten by {@link CodeTransformer} at strengths 0–0.9, are the positives (group 0 to choose parameters and
 * thresholds, group 1 to report); the .c files of groups 2 and 3, never indexed, and the C files of other
 * projects (split by their folder) are the independent negatives (2 to choose, 3 to report).
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.ProvenanceEvaluation DRIVERS_DIR WORK_DIR
 *     [INDEPENDENT_DIR,…] [KxW[cCAP],…] [per-split sample]</pre>
 *
 * A positive is found when the rule fires and names its original as the source (or a file tied with it: an
 * identical copy in the index). A negative the rule flags is a false positive unless the source it names
 * shares code with it verbatim ({@link VerbatimTokens}, on the untransformed texts): drivers of different
 * subsystems do share code, and such a flag is right. Thresholds are chosen at most {@link #MAX_TRAIN_FP} false
 * positives on each kind of negatives; the report gives every flag, the false positives, and the flags on
 * independent files (sharing no verbatim code with any indexed file). Prints the parameter sweep (training figures), the chosen rule, the recall
 * curve against the fraction of the original's tokens kept and the false-positive rate on the reporting
 * split, and the fingerprinting speed on one thread.
 */
public final class ProvenanceEvaluation {
  static final double[] STRENGTHS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  static final int MIN_TOKENS = 300;
  static final int MAX_TOKENS = 30_000;
  static final Integer[] RUNS = {60, 80, 100, 120, 150, 200, 250, 300, 400, 600, null};
  static final Double[] COVERS = {0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7};
  static final int[] SHAREDS = {5, 10, 20, 30};
  static final Double[] SOURCE_COVERS = {0.3, 0.5, 0.7, null};
  static final Double[] WEIGHTED_COVERS = {null, 0.01, 0.02, 0.05, 0.1};
  /**
   * The false-positive rate a rule may have on the choosing split's negatives, on each kind of them (held-out
   * drivers, other projects) separately (-DmaxTrainFp=0.005 for a stricter one).
   */
  static final double MAX_TRAIN_FP = Double.parseDouble(System.getProperty("maxTrainFp", "0.01"));

  /** A candidate: a transformed copy (positive) or independent code (negative). */
  record Candidate(String origin, String text, boolean positive, boolean train, double strength, double kept, String kind,
      boolean sharesCode) {
    /** Independent code: a negative with no verbatim run of raw tokens in common with an indexed file ({@link VerbatimTokens}). */
    boolean independent() {
      return !positive && !sharesCode;
    }
  }

  /** A candidate's top sources as the matcher reported them. */
  record Measured(Candidate c, List<ProvenanceMatcher.SourceMatch> sources) {}

  /** The step's rule, and the source it would name: the first reported source the rule fires on, or null. */
  static ProvenanceMatcher.SourceMatch named(MatchRule rule, Measured m) {
    for (ProvenanceMatcher.SourceMatch s : m.sources()) if (rule.fires(s)) return s;
    return null;
  }

  /** The indexed files' texts by path, to measure verbatim runs of flagged pairs. */
  static final java.util.Map<String, String> indexedText = new java.util.HashMap<>();
  private static final java.util.Map<String, Integer> verbatimRuns = new java.util.HashMap<>();

  /** The longest verbatim run of raw tokens between a candidate and a reference file (cached). */
  static int verbatimRun(Candidate c, String source) {
    return verbatimRuns.computeIfAbsent(c.origin() + "\0" + source, key -> VerbatimTokens.longestRun(c.text(), indexedText.get(source)));
  }

  public static void main(String[] args) throws IOException {
    Path drivers = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    List<Path> independent = args.length > 2 && !args[2].isEmpty() ? List.of(args[2].split(",")).stream().map(Path::of).toList() : List.of();
    String[] kws = (args.length > 3 ? args[3] : "16x12c50,16x16c50,20x12c50").split(",");
    int sample = args.length > 4 ? Integer.parseInt(args[4]) : 250;

    ReferenceCorpus corpus = new ReferenceCorpus(1 << 20);
    List<SourceText> kernel = new ArrayList<>();
    corpus.read(drivers, null, new ReferenceCorpus.Counts(), kernel::add);
    List<SourceText> indexed = new ArrayList<>();
    List<SourceText> posTrain = new ArrayList<>();
    List<SourceText> posTest = new ArrayList<>();
    List<SourceText> negTrain = new ArrayList<>();
    List<SourceText> negTest = new ArrayList<>();
    for (SourceText f : kernel) {
      int bucket = bucket(driverGroup(f.path()));
      if (bucket <= 1) indexed.add(f);
      if (!f.path().endsWith(".c")) continue;
      int tokens = tokens(f.text());
      if (tokens < MIN_TOKENS || tokens > MAX_TOKENS) continue;
      (bucket == 0 ? posTrain : bucket == 1 ? posTest : bucket == 2 ? negTrain : negTest).add(f);
    }
    List<SourceText> otherTrain = new ArrayList<>();
    List<SourceText> otherTest = new ArrayList<>();
    for (Path dir : independent) {
      List<SourceText> files = new ArrayList<>();
      corpus.read(dir, null, new ReferenceCorpus.Counts(), files::add);
      for (SourceText f : files) {
        if (!f.path().endsWith(".c")) continue;
        int tokens = tokens(f.text());
        if (tokens < MIN_TOKENS || tokens > MAX_TOKENS) continue;
        String folder = f.path().substring(0, Math.max(0, f.path().lastIndexOf('/')));
        (bucket(folder) % 2 == 0 ? otherTrain : otherTest).add(f);
      }
    }
    System.out.printf(Locale.ROOT, "drivers: %,d files, %,d indexed (groups 0-1); candidates with %d-%d tokens: positives %d/%d, held-out drivers %d/%d, other projects %d/%d (choose/report)%n",
        kernel.size(), indexed.size(), MIN_TOKENS, MAX_TOKENS, posTrain.size(), posTest.size(), negTrain.size(), negTest.size(), otherTrain.size(), otherTest.size());

    VerbatimTokens verbatim = new VerbatimTokens();
    for (SourceText f : indexed) verbatim.add(f.text());
    List<Candidate> candidates = new ArrayList<>();
    CodeTransformer transformer = new CodeTransformer();
    for (boolean train : new boolean[] {true, false}) {
      for (SourceText f : sampled(train ? posTrain : posTest, sample)) {
        for (CodeTransformer.Edits edits : CodeTransformer.Edits.values()) {
          for (double s : STRENGTHS) {
            CodeTransformer.Result r = transformer.transform(f.text(), s, edits, f.path().hashCode() * 31L + (long) (s * 100) + edits.ordinal());
            candidates.add(new Candidate(f.path(), r.text(), true, train, s, r.kept(), edits.name().toLowerCase(Locale.ROOT), false));
          }
        }
      }
      for (SourceText f : sampled(train ? negTrain : negTest, 2 * sample)) {
        candidates.add(new Candidate(f.path(), f.text(), false, train, 0, 0, "held-out driver", verbatim.sharesCode(f.text())));
      }
      for (SourceText f : sampled(train ? otherTrain : otherTest, 2 * sample)) {
        candidates.add(new Candidate(f.path(), f.text(), false, train, 0, 0, "other project", verbatim.sharesCode(f.text())));
      }
    }
    kernel = null; // only the indexed files are needed from here on
    verbatim = null;
    for (SourceText f : indexed) indexedText.put(f.path(), f.text());

    Best best = null;
    System.out.println();
    System.out.println("parameter sweep (choosing split: training figures)");
    System.out.printf("%-7s %-4s %-10s %-100s %-14s %-10s%n", "k x w", "t", "index MB", "best rule (train FP <= " + 100 * MAX_TRAIN_FP + " %)", "recall kept>=.5", "FP");
    for (String kw : kws) {
      String[] p = kw.split("[xc]"); // KxW or KxWcCAP
      IndexParameters params = IndexParameters.defaults().withWindow(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
      if (p.length > 2) params = params.withMaxSourceFiles(Integer.parseInt(p[2]));
      Path idx = work.resolve("eval-" + kw + ".idx");
      try (ProvenanceIndexBuilder b = new ProvenanceIndexBuilder(params, work.resolve("sort"), 256L << 20)) {
        for (SourceText f : indexed) b.add(f.path(), f.license(), f.text(), f.language());
        b.write(idx);
      }
      ProvenanceIndex index = ProvenanceIndex.open(idx);
      ProvenanceMatcher matcher = new ProvenanceMatcher(index);
      List<Measured> measured = new ArrayList<>();
      for (Candidate c : candidates) measured.add(new Measured(c, matcher.match(c.text(), CodeLanguage.C, 3).sources()));
      if (System.getenv("EVAL_DUMP") != null) dump(measured, work.resolve("features-" + kw + ".tsv"));
      MatchRule rule = choose(measured);
      if (System.getenv("EVAL_DEBUG") != null) debug(measured);
      double[] f = figures(measured, rule, true);
      System.out.printf(Locale.ROOT, "%-7s %-4d %-10.1f %-100s %-14.3f %-10.4f%n", kw, params.guaranteeTokens(), Files.size(idx) / 1e6, rule, f[0], f[1]);
      if (best == null || f[0] > best.trainRecall + 1e-9) best = new Best(kw, params, rule, f[0], measured);
    }

    System.out.println();
    System.out.printf("chosen on the choosing split: k x w = %s, %s%n", best.kw, best.rule);
    report(best.measured, best.rule);
    throughput(indexed, best.params);
  }

  static void debug(List<Measured> measured) {
    int shown = 0;
    for (Measured m : measured) {
      if (!m.c().train()) continue;
      if (m.c().positive() && (m.c().strength() == 0 || m.c().strength() == 0.3 || m.c().strength() == 0.5) && shown++ < 45) {
        ProvenanceMatcher.SourceMatch s = m.sources().isEmpty() ? null : m.sources().get(0);
        System.out.printf(Locale.ROOT, "POS s=%.1f kept=%.2f %s -> %s cov=%.2f run=%d shared=%d%n", m.c().strength(), m.c().kept(), m.c().origin(),
            s == null ? "-" : s.path(), s == null ? 0 : s.covered(), s == null ? 0 : s.longestRunTokens(), s == null ? 0 : s.shared());
      }
    }
    List<double[]> neg = new ArrayList<>();
    for (Measured m : measured) {
      if (!m.c().train() || m.c().positive() || m.sources().isEmpty()) continue;
      ProvenanceMatcher.SourceMatch s = m.sources().get(0);
      neg.add(new double[] {s.covered(), s.longestRunTokens()});
    }
    neg.sort((a, b) -> Double.compare(b[0], a[0]));
    for (int i = 0; i < Math.min(15, neg.size()); i++) System.out.printf(Locale.ROOT, "NEG cov=%.2f run=%.0f%n", neg.get(i)[0], neg.get(i)[1]);
  }

  /** One row per (candidate, reported source): the matcher's figures, for studying rules outside this program. */
  static void dump(List<Measured> measured, Path out) throws IOException {
    StringBuilder sb = new StringBuilder("id\ttrain\tpositive\tkind\tstrength\tkept\tshares_code\tverbatim_run\trank\tis_origin\tshared\tcovered\tsource_covered\trun\tweighted_covered\torigin\tsource\n");
    int id = 0;
    for (Measured m : measured) {
      Candidate c = m.c();
      int rank = 0;
      for (ProvenanceMatcher.SourceMatch s : m.sources()) {
        sb.append(String.format(Locale.ROOT, "%d\t%b\t%b\t%s\t%.1f\t%.3f\t%b\t%d\t%d\t%b\t%d\t%.4f\t%.4f\t%d\t%.4f\t%s\t%s%n", id, c.train(), c.positive(), c.kind(),
            c.strength(), c.kept(), c.sharesCode(), !c.positive() && (s.longestRunTokens() >= 30 || s.covered() >= 0.02) ? verbatimRun(c, s.path()) : -1, rank++, s.path().equals(c.origin()), s.shared(), s.covered(), s.sourceCovered(), s.longestRunTokens(),
            s.weightedCovered(), c.origin(), s.path()));
      }
      if (m.sources().isEmpty()) sb.append(String.format(Locale.ROOT, "%d\t%b\t%b\t%s\t%.1f\t%.3f\t%b\t-1\t-1\tfalse\t0\t0\t0\t0\t0\t%s\t-%n", id, c.train(), c.positive(), c.kind(), c.strength(), c.kept(), c.sharesCode(), c.origin()));
      id++;
    }
    Files.writeString(out, sb);
  }

  record Best(String kw, IndexParameters params, MatchRule rule, double trainRecall, List<Measured> measured) {}

  static MatchRule choose(List<Measured> measured) {
    MatchRule best = null;
    double bestRecall = -1;
    double bestFp = 2;
    for (Integer run : RUNS) {
      for (Double cov : COVERS) for (int minShared : SHAREDS) for (Double srcCov : SOURCE_COVERS) for (Double wCov : WEIGHTED_COVERS) {
        MatchRule r = new MatchRule(run, cov, minShared, srcCov, wCov);
        double[] f = figures(measured, r, true);
        if (f[1] > MAX_TRAIN_FP) continue;
        if (f[0] > bestRecall + 1e-9 || (Math.abs(f[0] - bestRecall) < 1e-9 && f[1] < bestFp)) {
          best = r;
          bestRecall = f[0];
          bestFp = f[1];
        }
      }
    }
    return best == null ? new MatchRule(Integer.MAX_VALUE, null, 1, null) : best;
  }

  /**
   * {recall on copies keeping >= 50 % with the right source named, the worse of the two kinds of negatives'
   * false-positive rates} for one split. A flagged negative is a false positive unless the source it names
   * really shares code with it (a verbatim run of {@value VerbatimTokens#RUN} raw tokens, {@value VerbatimTokens#NAMES}
   * of them names, in their original texts).
   */
  static double[] figures(List<Measured> measured, MatchRule rule, boolean train) {
    int pos = 0;
    int found = 0;
    java.util.Map<String, int[]> neg = new java.util.HashMap<>(); // kind -> {files, false positives}
    for (Measured m : measured) {
      if (m.c().train() != train) continue;
      if (m.c().positive()) {
        if (m.c().kept() < 0.5) continue;
        pos++;
        if (rightSource(m, rule)) found++;
      } else {
        int[] n = neg.computeIfAbsent(m.c().kind(), k -> new int[2]);
        n[0]++;
        ProvenanceMatcher.SourceMatch s = named(rule, m);
        if (s != null && verbatimRun(m.c(), s.path()) < VerbatimTokens.RUN) n[1]++;
      }
    }
    double fp = 0;
    for (int[] n : neg.values()) fp = Math.max(fp, (double) n[1] / n[0]);
    return new double[] {pos == 0 ? 0 : (double) found / pos, fp};
  }

  /** The rule fires and names the original, or a file sharing as many fingerprints (an identical copy). */
  static boolean rightSource(Measured m, MatchRule rule) {
    ProvenanceMatcher.SourceMatch named = named(rule, m);
    if (named == null) return false;
    if (named.path().equals(m.c().origin())) return true;
    for (ProvenanceMatcher.SourceMatch s : m.sources()) {
      if (s.path().equals(m.c().origin()) && s.shared() == named.shared() && s.covered() == named.covered()) return true;
    }
    return false;
  }

  static void report(List<Measured> measured, MatchRule rule) {
    System.out.println();
    System.out.println("reporting split (held out: other driver groups; thresholds not tuned here)");
    for (String edits : new String[] {"scattered", "clustered"}) curve(measured, rule, edits);
    negatives(measured, rule);
  }

  static void curve(List<Measured> measured, MatchRule rule, String edits) {
    System.out.println();
    System.out.println("copies with " + edits + " edits:");
    System.out.printf("%-14s %8s %8s %12s %14s%n", "kept", "copies", "found", "recall", "wrong source");
    double[][] bins = {{0.9, 1.01}, {0.8, 0.9}, {0.7, 0.8}, {0.6, 0.7}, {0.5, 0.6}, {0.4, 0.5}, {0.3, 0.4}, {0.2, 0.3}, {0.0, 0.2}};
    int allPos = 0;
    int allFound = 0;
    for (double[] bin : bins) {
      int n = 0;
      int found = 0;
      int wrong = 0;
      for (Measured m : measured) {
        if (m.c().train() || !m.c().positive() || !m.c().kind().equals(edits) || m.c().kept() < bin[0] || m.c().kept() >= bin[1]) continue;
        n++;
        if (rightSource(m, rule)) found++;
        else if (named(rule, m) != null) wrong++;
        else if (System.getenv("EVAL_DEBUG") != null && bin[0] >= 0.8) {
          ProvenanceMatcher.SourceMatch s = m.sources().isEmpty() ? null : m.sources().get(0);
          System.out.printf(Locale.ROOT, "  MISS s=%.1f kept=%.2f %s -> %s cov=%.2f run=%d shared=%d%n", m.c().strength(), m.c().kept(), m.c().origin(),
              s == null ? "-" : s.path(), s == null ? 0 : s.covered(), s == null ? 0 : s.longestRunTokens(), s == null ? 0 : s.shared());
        }
      }
      if (bin[0] >= 0.5) {
        allPos += n;
        allFound += found;
      }
      System.out.printf(Locale.ROOT, "[%.1f, %.1f)    %8d %8d %11.1f%% %14d%n", bin[0], Math.min(1, bin[1]), n, found, n == 0 ? 0 : 100.0 * found / n, wrong);
    }
    System.out.printf(Locale.ROOT, "recall on copies keeping >= 50 %%: %d / %d = %.1f %%%n", allFound, allPos, 100.0 * allFound / Math.max(1, allPos));
  }

  /**
   * The reporting split's negatives, per kind: all files flagged; flags whose named source shares a verbatim run
   * with the file (real shared code: the flag is right); the rest (false positives); and the same over the
   * independent files only (no verbatim run in common with any indexed file).
   */
  static void negatives(List<Measured> measured, MatchRule rule) {
    System.out.println();
    for (String kind : new String[] {"held-out driver", "other project"}) {
      int n = 0;
      int independent = 0;
      int flagged = 0;
      int explained = 0;
      int flaggedIndependent = 0;
      List<String> flags = new ArrayList<>();
      for (Measured m : measured) {
        if (m.c().train() || m.c().positive() || !m.c().kind().equals(kind)) continue;
        n++;
        if (m.c().independent()) independent++;
        ProvenanceMatcher.SourceMatch s = named(rule, m);
        if (s == null) continue;
        flagged++;
        int verbatim = verbatimRun(m.c(), s.path());
        if (verbatim >= VerbatimTokens.RUN) explained++;
        if (m.c().independent()) flaggedIndependent++;
        flags.add(String.format(Locale.ROOT, "%s ~ %s (run %d, covered %.2f, weighted %.3f; verbatim run %d raw tokens%s%s)", m.c().origin(), s.path(),
            s.longestRunTokens(), s.covered(), s.weightedCovered(), verbatim, verbatim >= VerbatimTokens.RUN ? ": shared code" : ": false positive",
            m.c().sharesCode() ? "" : ", independent file"));
      }
      System.out.printf(Locale.ROOT, "%s: %d files, flagged %d (%.2f %%); the named source shares code with it: %d; false positives %d / %d = %.2f %%%n",
          kind, n, flagged, 100.0 * flagged / Math.max(1, n), explained, flagged - explained, n, 100.0 * (flagged - explained) / Math.max(1, n));
      System.out.printf(Locale.ROOT, "  independent files (no verbatim run of %d raw tokens, %d of them names, with any indexed file): %d; flagged %d = %.2f %%%n",
          VerbatimTokens.RUN, VerbatimTokens.NAMES, independent, flaggedIndependent, 100.0 * flaggedIndependent / Math.max(1, independent));
      for (String f : flags.subList(0, Math.min(20, flags.size()))) System.out.println("  " + f);
    }
    double[] train = figures(measured, rule, true);
    System.out.printf(Locale.ROOT, "(choosing split, for comparison: recall %.1f %%, false positives %.2f %% at worst)%n", 100 * train[0], 100 * train[1]);
  }

  /** Lexing and winnowing on one thread over the indexed files, best of three passes. */
  static void throughput(List<SourceText> files, IndexParameters params) {
    CodeFingerprinter fp = new CodeFingerprinter(params);
    long bytes = 0;
    for (SourceText f : files) bytes += f.text().getBytes(StandardCharsets.UTF_8).length;
    double best = 0;
    long sink = 0;
    for (int pass = 0; pass < 3; pass++) {
      long t0 = System.nanoTime();
      for (SourceText f : files) sink += fp.fingerprint(f.text(), f.language()).size();
      double mbs = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
      best = Math.max(best, mbs);
    }
    System.out.printf(Locale.ROOT, "%nfingerprinting (lex + winnow), one thread: %.1f MB/s over %,.0f MB (best of 3 passes; load average %.2f; %d)%n",
        best, bytes / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink % 10);
  }

  /**
   * A driver's subsystem folder ({@code drivers/iio}, {@code drivers/net}): drivers of one subsystem copy from
   * each other (templates, sibling chips of one vendor), so a split at a finer level would count those copies
   * as false positives of independent code.
   */
  static String driverGroup(String path) {
    String[] parts = path.split("/");
    int depth = Math.min(parts.length - 1, 2); // drivers/a
    return String.join("/", java.util.Arrays.copyOfRange(parts, 0, depth));
  }

  static int bucket(String group) {
    long h = 0;
    for (int i = 0; i < group.length(); i++) h = h * 31 + group.charAt(i);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) (h & 3);
  }

  static int tokens(String text) {
    TokenStream ts = new TokenStream();
    CodeLexer.lex(text, CodeLanguage.C, ts);
    return ts.size();
  }

  /** A deterministic sample: the files whose path hashes lowest. */
  static List<SourceText> sampled(List<SourceText> files, int n) {
    List<SourceText> s = new ArrayList<>(files);
    s.sort(Comparator.comparingLong(f -> mixed(f.path())));
    return s.subList(0, Math.min(n, s.size()));
  }

  private static long mixed(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
    h ^= h >>> 31;
    return h * 0x9E3779B97F4A7C15L;
  }
}
