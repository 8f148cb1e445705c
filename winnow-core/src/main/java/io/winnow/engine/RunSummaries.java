package io.winnow.engine;

import io.winnow.report.RunStats;
import io.winnow.step.CounterSummary;
import io.winnow.step.Step;
import java.util.List;

/** Corpus-level estimates of the steps that derive one from their merged counters, for any engine. */
public final class RunSummaries {
  private RunSummaries() {}

  public static void summarize(RunStats total, List<ResolvedStep> steps) {
    for (ResolvedStep r : steps) {
      if (!total.steps().containsKey(r.id())) continue;
      try (Step s = r.factory().get()) {
        if (s instanceof CounterSummary c) total.estimates().put(r.id(), c.summarize(total.steps().get(r.id()).counters()));
      }
    }
  }
}
