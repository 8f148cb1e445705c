package io.winnow.pipeline;

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
        p -> {
          GopherRepetitionFilter.Config c = GopherRepetitionFilter.Config.from(p);
          return () -> new GopherRepetitionFilter(c);
        }));
    r.register(StepType.document(GopherQualityFilter.TYPE, "Gopher quality: length, word length, symbols, stop words",
        p -> {
          GopherQualityFilter.Config c = GopherQualityFilter.Config.from(p);
          return () -> new GopherQualityFilter(c);
        }));
    r.register(StepType.document(C4Filter.TYPE, "C4 line cleaning and page rules (rewrites the text)",
        p -> {
          C4Filter.Config c = C4Filter.Config.from(p);
          return () -> new C4Filter(c);
        }));
    r.register(StepType.document(FineWebQualityFilter.TYPE, "FineWeb line punctuation, short lines, duplicates, lists",
        p -> {
          FineWebQualityFilter.Config c = FineWebQualityFilter.Config.from(p);
          return () -> new FineWebQualityFilter(c);
        }));
    r.register(StepType.document(ExtractStep.TYPE, "HTML to main-content text (navigation, footers, ads removed)",
        p -> {
          ExtractStep.Config c = ExtractStep.Config.from(p);
          return () -> new ExtractStep(c);
        }));
    r.register(StepType.document(UrlFilter.TYPE, "Drop by URL: blocked domains and URLs, banned words",
        p -> {
          UrlFilter.Config c = UrlFilter.Config.from(p);
          return () -> new UrlFilter(c);
        }));
    r.register(StepType.document(PiiRedactor.TYPE, "Redact e-mails, public IPs, phones, cards, IBANs and secrets",
        p -> {
          PiiRedactor.Config c = PiiRedactor.Config.from(p);
          return () -> new PiiRedactor(c);
        }));
    r.register(StepType.document(Decontaminator.TYPE, "Benchmark decontamination: drop or cut documents holding test items",
        p -> {
          Decontaminator.Config c = Decontaminator.Config.from(p);
          return () -> new Decontaminator(c);
        }));
    r.register(StepType.corpus(ExactDedup.TYPE, "Exact duplicates of the normalised text or of a field (corpus step)",
        p -> new ExactDedup(ExactDedup.Config.from(p))));
    r.register(StepType.corpus(MinHashDedup.TYPE, "MinHash near-duplicates, FineWeb defaults (corpus step)",
        p -> new MinHashDedup(MinHashDedup.Config.from(p))));
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
