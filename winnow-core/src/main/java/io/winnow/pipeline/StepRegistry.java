package io.winnow.pipeline;

import io.winnow.step.RuleFilter;
import io.winnow.step.decontam.Decontaminator;
import io.winnow.step.dedup.ExactDedup;
import io.winnow.step.dedup.MinHashDedup;
import io.winnow.step.extract.ExtractStep;
import io.winnow.step.filter.C4Filter;
import io.winnow.step.pii.PiiRedactor;
import io.winnow.step.url.UrlFilter;
import io.winnow.step.filter.FineWebQualityFilter;
import io.winnow.step.filter.GopherQualityFilter;
import io.winnow.step.filter.GopherRepetitionFilter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The step names a pipeline file may use, and how each is configured. */
public final class StepRegistry {
  private final Map<String, StepType> types = new LinkedHashMap<>();

  /** The built-in steps, and those of every module on the class path (see {@link StepProvider}). */
  public static StepRegistry builtIn() {
    StepRegistry r = core();
    for (StepProvider p : java.util.ServiceLoader.load(StepProvider.class)) p.register(r);
    return r;
  }

  /** The steps of the core module alone. */
  public static StepRegistry core() {
    StepRegistry r = new StepRegistry();
    r.register(StepType.document(GopherRepetitionFilter.TYPE, "Gopher repetition: duplicated lines, paragraphs and n-grams",
        RuleFilter.configure(GopherRepetitionFilter.Config::from, GopherRepetitionFilter::new)));
    r.register(StepType.document(GopherQualityFilter.TYPE, "Gopher quality: length, word length, symbols, stop words",
        RuleFilter.configure(GopherQualityFilter.Config::from, GopherQualityFilter::new)));
    r.register(StepType.document(C4Filter.TYPE, "C4 line cleaning and page rules (rewrites the text)",
        RuleFilter.configure(C4Filter.Config::from, C4Filter::new)));
    r.register(StepType.document(FineWebQualityFilter.TYPE, "FineWeb line punctuation, short lines, duplicates, lists",
        RuleFilter.configure(FineWebQualityFilter.Config::from, FineWebQualityFilter::new)));
    r.register(StepType.document(ExtractStep.TYPE, "HTML to main-content text (navigation, footers, ads removed)",
        ExtractStep.Config::from, ExtractStep::new));
    r.register(StepType.document(UrlFilter.TYPE, "Drop by URL: blocked domains and URLs, banned words",
        UrlFilter.Config::from, UrlFilter::new));
    r.register(StepType.document(PiiRedactor.TYPE, "Redact e-mails, public IPs, phones, cards, IBANs and secrets",
        PiiRedactor.Config::from, PiiRedactor::new));
    r.register(StepType.document(Decontaminator.TYPE, "Benchmark decontamination: drop or cut documents holding test items",
        Decontaminator.Config::from, Decontaminator::new));
    r.register(StepType.document(io.winnow.step.slop.SlopStep.TYPE, "Machine-generated text: score, record provenance, keep/drop/weight",
        io.winnow.step.slop.SlopStep.Config::from, io.winnow.step.slop.SlopStep::new));
    r.register(StepType.document(io.winnow.step.quality.QualityStep.TYPE,
        "Model-based quality: score with a fastText-style classifier, keep above a threshold",
        RuleFilter.configure(io.winnow.step.quality.QualityStep.Config::from, io.winnow.step.quality.QualityStep::new)));
    r.register(StepType.corpus(ExactDedup.TYPE, "Exact duplicates of the normalised text or of a field (corpus step)",
        p -> new ExactDedup(ExactDedup.Config.from(p))));
    r.register(StepType.corpus(MinHashDedup.TYPE, "MinHash near-duplicates, FineWeb defaults (corpus step)",
        p -> new MinHashDedup(MinHashDedup.Config.from(p))));
    r.register(StepType.corpus(io.winnow.step.dedup.ClusterRebalance.TYPE,
        "Rebalance over-represented modes: cap or down-weight clusters of similar documents (corpus step)",
        p -> new io.winnow.step.dedup.ClusterRebalance(io.winnow.step.dedup.ClusterRebalance.Config.from(p))));
    r.register(StepType.corpus(io.winnow.step.quality.QualityShare.TYPE,
        "Model-based quality: keep the best-scoring share of the corpus (corpus step)",
        p -> new io.winnow.step.quality.QualityShare(io.winnow.step.quality.QualityShare.Config.from(p))));
    io.winnow.step.chat.ChatSteps.register(r);
    r.register(StepType.corpus(io.winnow.step.select.SelectStep.TYPE,
        "Keep the best N (or a share) by a score, skipping near-copies of chosen ones, optionally balanced (corpus step)",
        p -> new io.winnow.step.select.SelectStep(io.winnow.step.select.SelectStep.Config.from(p))));
    return r;
  }

  public void register(StepType type) {
    if (types.putIfAbsent(type.name(), type) != null) throw new IllegalArgumentException("step type registered twice: " + type.name());
  }

  public StepType get(String name) {
    return types.get(name);
  }

  public Collection<StepType> all() {
    return Collections.unmodifiableCollection(types.values());
  }
}
