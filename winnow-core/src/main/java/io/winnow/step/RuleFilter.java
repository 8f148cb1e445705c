package io.winnow.step;

import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A filter whose decision is a function of figures it measures on the document and of thresholds: the four
 * FineWeb filters, the quality classifier. The split makes "score once, filter many times" exact: {@link #decide}
 * is the one place the rules live, called by {@link #apply} on figures measured now and by {@code refilter} on
 * figures read back from a decision log.
 *
 * <p>Normally figures are measured lazily, so the first failing rule ends the work. With {@code annotate: true}
 * the step measures every figure ({@link #measureNames}), records them all in the decision log (undefined ones as
 * null), counts the rule that would have dropped the document as {@code would_drop:<code>}, and drops nothing.
 */
public abstract class RuleFilter implements Step {
  private final boolean annotate;

  protected RuleFilter(boolean annotate) {
    this.annotate = annotate;
  }

  /** The figures of one document; {@code all} when every figure will be read (annotate mode). */
  protected abstract Measures measure(Document doc, boolean all);

  /** The rules: the drop verdict of the first rule the figures fail, or null when the document passes. */
  public abstract Verdict decide(Measures m);

  /** Every figure annotate mode records, in order. */
  public abstract List<String> measureNames();

  /**
   * The parameters that only move thresholds, which {@code refilter} may change; every other parameter changes
   * what is measured (or the text) and needs a new run.
   */
  public abstract Set<String> thresholdKeys();

  /** What a passing document becomes: kept as it is, unless the filter rewrites it. */
  protected Verdict pass(Document doc, Measures m, Map<String, Object> recorded) {
    return recorded == null ? Verdict.keep() : Verdict.keep(recorded);
  }

  /** Gives back per-document scratch after every document. */
  protected void afterDocument() {}

  public final boolean annotates() {
    return annotate;
  }

  @Override
  public final Verdict apply(Document doc) {
    try {
      Measures m = measure(doc, annotate);
      if (!annotate) {
        Verdict drop = decide(m);
        return drop != null ? drop : pass(doc, m, null);
      }
      Map<String, Object> recorded = new LinkedHashMap<>();
      for (String name : measureNames()) recorded.put(name, m.get(name));
      Verdict drop = decide(m);
      Verdict v = pass(doc, m, Collections.unmodifiableMap(recorded));
      if (drop == null) return v;
      List<String> counters = new java.util.ArrayList<>(v.counters());
      counters.add("would_drop:" + drop.reason().code());
      return v.withCounters(counters);
    } finally {
      afterDocument();
    }
  }

  /** The {@code annotate} parameter every rule filter accepts (read before the filter's own parameters). */
  public static boolean annotate(Params p) {
    return p.getBool("annotate", false);
  }

  /** A step factory from the filter's config parser and its constructor, with the {@code annotate} parameter. */
  public static <C> Function<Params, Supplier<Step>> configure(Function<Params, C> config, BiFunction<C, Boolean, Step> create) {
    return p -> {
      boolean a = annotate(p);
      C c = config.apply(p);
      return () -> create.apply(c, a);
    };
  }
}
