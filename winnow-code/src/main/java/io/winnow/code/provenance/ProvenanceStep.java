package io.winnow.code.provenance;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds near-verbatim copies of licensed reference code (an index built by {@code winnow provenance-index})
 * in code documents, renamed identifiers and rewritten comments notwithstanding. For every document it records
 * under {@code provenance.*} the covered fraction, the longest matching run in tokens and the best-matching
 * source files with their licences; a document is a match when one source file satisfies the {@link MatchRule}
 * (a long enough run, or enough of the document covered in order). {@code action: drop} drops a match whose
 * source licence the policy
 * denies ({@code deny_licenses}, copyleft families by default); other matches, and every match under
 * {@code action: annotate}, are kept and annotated.
 *
 * <p>The language of a document is its {@code language} metadata, else its {@code path}'s extension, else a
 * guess from the text ({@link CodeLanguage#guess}). A pure function of the document and the memory-mapped
 * index, which all worker instances share.
 */
public final class ProvenanceStep implements Step {
  public static final String TYPE = "provenance";

  public enum Reason implements ReasonCode {
    /** The document copies code from a reference file whose licence the policy denies (action: drop). */
    COPY_OF_LICENSED_CODE;
  }

  /** Counted for every match, dropped or kept, so the run's statistics show how many copies were seen. */
  static final String MATCH_COUNTER = "match";

  public record Config(ProvenanceIndex index, boolean drop, MatchRule rule, int maxSources, LicensePolicy deny) {

    public static Config from(Params p) {
      String indexFile = p.getString("index", null);
      if (indexFile == null) throw p.invalid("index", "required: a file built by `winnow provenance-index`");
      boolean drop = p.getChoice("action", "annotate", "annotate", "drop").equals("drop");
      Double minCovered = p.optDouble("min_covered", MatchRule.DEFAULT_MIN_COVERED, 0, 1);
      Integer minRun = p.optInt("min_run_tokens", MatchRule.DEFAULT_MIN_RUN_TOKENS, 1, Integer.MAX_VALUE);
      int minShared = p.getInt("min_shared", MatchRule.DEFAULT_MIN_SHARED, 1, Integer.MAX_VALUE);
      Double minSourceCovered = p.optDouble("min_source_covered", MatchRule.DEFAULT_MIN_SOURCE_COVERED, 0, 1);
      Double minWeightedCovered = p.optDouble("min_weighted_covered", MatchRule.DEFAULT_MIN_WEIGHTED_COVERED, 0, 1);
      int maxSources = p.getInt("max_sources", 3, 1, 100);
      LicensePolicy deny;
      try {
        deny = new LicensePolicy(p.getStrings("deny_licenses", LicensePolicy.COPYLEFT));
      } catch (IllegalArgumentException e) {
        throw p.invalid("deny_licenses", e.getMessage());
      }
      p.finish();
      MatchRule rule;
      try {
        rule = new MatchRule(minRun, minCovered, minShared, minSourceCovered, minWeightedCovered);
      } catch (IllegalArgumentException e) {
        throw p.invalid("min_covered", e.getMessage());
      }
      ProvenanceIndex index;
      try {
        index = ProvenanceIndex.open(Path.of(indexFile));
      } catch (IOException e) {
        throw new UncheckedIOException(p.where() + ": 'index': " + e.getMessage(), e);
      }
      return new Config(index, drop, rule, maxSources, deny);
    }
  }

  private final Config config;
  private final ProvenanceMatcher matcher;

  public ProvenanceStep(Config config) {
    this.config = config;
    this.matcher = new ProvenanceMatcher(config.index());
  }

  @Override
  public Verdict apply(Document doc) {
    Map<String, Object> m = doc.metadata();
    String path = m.get("path") instanceof String s ? s : null;
    CodeLanguage lang = CodeLanguage.fromName(m.get("language") instanceof String s ? s : null);
    if (lang == null) lang = path != null ? CodeLanguage.fromPath(path) : CodeLanguage.guess(doc.text());
    if (lang == CodeLanguage.OTHER && path != null) lang = CodeLanguage.guess(doc.text());
    ProvenanceMatcher.Result r = matcher.match(doc.text(), lang, config.maxSources());

    ProvenanceMatcher.SourceMatch copied = null;
    boolean denied = false;
    List<Map<String, Object>> sources = new ArrayList<>();
    for (ProvenanceMatcher.SourceMatch s : r.sources()) {
      boolean match = config.rule().fires(s);
      boolean deniedLicense = config.deny().denies(s.license());
      if (match && (copied == null || (deniedLicense && !denied))) {
        copied = s;
        denied = deniedLicense;
      }
      sources.add(describe(s, match));
    }
    annotate(doc, r, sources, copied != null);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("covered", round(r.covered()));
    v.put("longest_run_tokens", r.longestRunTokens());
    v.put("fingerprints", r.fingerprints());
    if (copied == null) return Verdict.keep(v);
    v.put("source", copied.path());
    v.put("license", copied.license());
    v.put("shared", copied.shared());
    v.put("covered_by_source", round(copied.covered()));
    v.put("source_covered", round(copied.sourceCovered()));
    v.put("source_run_tokens", copied.longestRunTokens());
    List<String> counters = List.of(MATCH_COUNTER);
    if (config.drop() && denied) return Verdict.drop(Reason.COPY_OF_LICENSED_CODE, v).withCounters(counters);
    return Verdict.keep(v).withCounters(counters);
  }

  private static Map<String, Object> describe(ProvenanceMatcher.SourceMatch s, boolean match) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("path", s.path());
    d.put("license", s.license());
    d.put("shared", s.shared());
    d.put("covered", round(s.covered()));
    d.put("source_covered", round(s.sourceCovered()));
    d.put("weighted_covered", round(s.weightedCovered()));
    d.put("longest_run_tokens", s.longestRunTokens());
    d.put("lines", s.textFirstLine() + "-" + s.textLastLine());
    d.put("source_lines", s.sourceFirstLine() + "-" + s.sourceLastLine());
    d.put("match", match);
    return d;
  }

  /** Adds the figures to the document's {@code provenance} map (shared with other provenance annotations). */
  @SuppressWarnings("unchecked")
  private static void annotate(Document doc, ProvenanceMatcher.Result r, List<Map<String, Object>> sources, boolean match) {
    Object existing = doc.metadata().get("provenance");
    Map<String, Object> p = existing instanceof Map<?, ?> mm ? (Map<String, Object>) mm : new LinkedHashMap<>();
    if (!(existing instanceof Map<?, ?>)) doc.metadata().put("provenance", p);
    p.put("covered", round(r.covered()));
    p.put("longest_run_tokens", r.longestRunTokens());
    p.put("fingerprints", r.fingerprints());
    p.put("boilerplate", r.boilerplate());
    p.put("match", match);
    if (!sources.isEmpty()) p.put("sources", sources);
  }

  private static double round(double d) {
    return Math.round(d * 1e4) / 1e4;
  }
}
