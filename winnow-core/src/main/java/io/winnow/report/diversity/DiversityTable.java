package io.winnow.report.diversity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Plain-text tables and JSON of diversity profiles and comparisons. */
public final class DiversityTable {
  private DiversityTable() {}

  public static void print(DiversityProfile p, PrintWriter out) {
    row(out, "documents", String.format(Locale.ROOT, "%,d", p.documents()));
    row(out, "words", String.format(Locale.ROOT, "%,d", p.words()));
    row(out, "unigram entropy", f(p.entropyBits(), 3) + " bits");
    row(out, "vocabulary types", String.format(Locale.ROOT, "%,d", p.types()) + (p.overflowTokens() > 0
        ? String.format(Locale.ROOT, " (capped: %,d tokens of further types left out)", p.overflowTokens()) : ""));
    row(out, "hapax share", f(p.hapaxShare(), 4) + String.format(Locale.ROOT, " (%,d types seen once)", p.hapax()));
    row(out, "tail mass beyond rank 1,000", f(p.tailMass1k(), 4));
    row(out, "tail mass beyond rank 10,000", f(p.tailMass10k(), 4));
    for (int n = 1; n <= 4; n++) row(out, "distinct-" + n, f(p.distinct()[n - 1], 4) + (p.distinctExact() ? "" : " (sketch, ±0.6 %)"));
    for (int n = 1; n <= 4; n++) row(out, "rep-" + n, f(p.rep()[n - 1], 4));
    row(out, "\u220f(1 \u2212 rep-n), n = 2..4", f(p.repDiversity(), 4));
    row(out, "MATTR-500", Double.isNaN(p.mattr500()) ? "n/a (fewer than 500 words)" : f(p.mattr500(), 4) + " (" + p.mattrScope() + ")");
    row(out, "zstd-3 compression ratio", f(p.compressionRatio(), 3) + String.format(Locale.ROOT, " (first %,d bytes)", p.compressionSampleBytes()));
    row(out, "near-duplicate rate", f(p.nearDuplicateRate(), 4) + String.format(Locale.ROOT, " (of %,d signed documents)%s",
        p.signedDocuments(), p.bandKeysCapped() ? ", band-key set full" : ""));
    row(out, "slop words per 1k", f(p.slopWordsPer1k(), 3));
    if (p.machineShare() != null) row(out, "machine share (" + p.machineShareStep() + ")", f(p.machineShare(), 4));
    out.flush();
  }

  public static void print(DiversityComparison c, PrintWriter out) {
    List<ComparableProfile> ps = c.profiles();
    out.printf(Locale.ROOT, "%-34s", "");
    for (int i = 0; i < ps.size(); i++) out.printf(Locale.ROOT, " %22s", i == 0 ? "[1] (base)" : "[" + (i + 1) + "] change");
    out.println();
    out.printf(Locale.ROOT, "%-34s", "documents");
    for (ComparableProfile p : ps) out.printf(Locale.ROOT, " %22s", String.format(Locale.ROOT, "%,d", p.profile().documents()));
    out.println();
    out.printf(Locale.ROOT, "%-34s", "words");
    for (ComparableProfile p : ps) out.printf(Locale.ROOT, " %22s", String.format(Locale.ROOT, "%,d", p.profile().words()));
    out.println();
    for (DiversityMetric m : DiversityMetric.values()) {
      if (Double.isNaN(c.value(0, m)) && ps.stream().allMatch(p -> Double.isNaN(m.value(p)))) continue;
      out.printf(Locale.ROOT, "%-34s", m.label());
      for (int i = 0; i < ps.size(); i++) {
        double v = c.value(i, m);
        String cell = Double.isNaN(v) ? "n/a" : f(v, v >= 100 ? 0 : 4);
        if (i > 0 && !Double.isNaN(c.change(i, m))) cell += " " + m.formatChange(c.change(i, m));
        out.printf(Locale.ROOT, " %22s", cell);
      }
      out.println();
    }
    ComparableProfile first = ps.get(0);
    out.printf(Locale.ROOT, "types and hapax share rarefied to %,d words; distinct-n on the first %,d words of each%n",
        first.equalWords(), first.distinctWords());
    for (int i = 0; i < ps.size(); i++) out.println("[" + (i + 1) + "] " + ps.get(i).profile().name());
    if (c.verdicts().isEmpty()) out.println("no verdict: diversity did not fall past any threshold");
    for (DiversityComparison.Verdict v : c.verdicts()) out.println("verdict [" + (ps.indexOf(ps.stream()
        .filter(p -> p.profile().name().equals(v.profile())).findFirst().orElseThrow()) + 1) + "] " + v.line());
    out.flush();
  }

  public static ObjectNode json(DiversityComparison c, ObjectMapper m) {
    ObjectNode o = m.createObjectNode();
    ArrayNode gens = o.putArray("generations");
    for (int i = 0; i < c.profiles().size(); i++) {
      ComparableProfile p = c.profiles().get(i);
      ObjectNode g = gens.addObject();
      g.set("profile", p.profile().toJson(m));
      ObjectNode norm = g.putObject("size_normalised");
      norm.put("equal_words", p.equalWords());
      norm.put("types", p.typesAtEqualSize());
      norm.put("hapax_share", p.hapaxShareAtEqualSize());
      norm.put("distinct_words", p.distinctWords());
      for (int n = 1; n <= 4; n++) norm.put("distinct_" + n, p.distinctAtEqualSize(n));
      if (i > 0) {
        ObjectNode ch = g.putObject("change");
        for (DiversityMetric dm : DiversityMetric.values()) {
          double v = c.change(i, dm);
          if (!Double.isNaN(v)) ch.put(dm.key(), v);
        }
      }
    }
    ObjectNode t = o.putObject("thresholds");
    c.thresholds().forEach((k, v) -> t.put(k.key(), v));
    ArrayNode vs = o.putArray("verdicts");
    for (DiversityComparison.Verdict v : c.verdicts()) {
      ObjectNode vn = vs.addObject();
      vn.put("generation", v.profile());
      vn.put("metric", v.metric().key());
      vn.put("change", v.change());
      vn.put("threshold", v.threshold());
      vn.put("line", v.line());
    }
    return o;
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf(Locale.ROOT, "%-34s %s%n", label, value);
  }

  private static String f(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
