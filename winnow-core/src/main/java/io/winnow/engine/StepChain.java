package io.winnow.engine;

import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.io.Rejection;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.RunStats;
import io.winnow.step.DocumentRejectedException;
import io.winnow.step.StepRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive steps over a shard's records: each live record goes through them in order until one
 * drops it or fails on it (then it is rejected as {@code step.failed}, or as the bounded step's reason), and its
 * trail grows by each step's decision. One chain per task; it owns its step instances.
 */
final class StepChain implements AutoCloseable {
  private final List<StepRunner> runners = new ArrayList<>();
  private final AnnotationFields fields;

  /**
   * The steps {@code from} (inclusive) to {@code to} (exclusive) of {@code steps}.
   *
   * @param fields what happens when a step writes a field the input record has
   */
  StepChain(List<ResolvedStep> steps, int from, int to, Pipeline pipeline, AnnotationFields fields) {
    this.fields = fields;
    for (ResolvedStep s : steps.subList(from, to)) {
      runners.add(new StepRunner(s.id(), s.factory().get(), pipeline.run().stepTimeout()));
    }
  }

  /** Takes a live record through the steps; leaves it live, dropped or rejected. Finished records pass as they are. */
  void run(StagedRecord r) {
    if (r.state != StagedRecord.State.LIVE) return;
    Document doc = r.doc;
    AnnotationFields.Snapshot inputs = fields.snapshot(r);
    int i = 0;
    try {
      for (; i < runners.size(); i++) {
        Decision d = runners.get(i).run(doc);
        if (inputs != null) fields.afterStep(r, runners.get(i).id(), inputs);
        r.trail.add(d);
        if (d.action() == Action.MODIFY) r.modified = true;
        if (d.action() == Action.DROP) {
          r.drop();
          return;
        }
      }
    } catch (RunFailedException e) {
      throw e; // a step wrote over an input field: the run's configuration is wrong, not this record
    } catch (RuntimeException | StackOverflowError e) {
      String step = runners.get(i).id();
      r.reject(e instanceof DocumentRejectedException bounded
          ? new Rejection(doc.id(), doc.provenance().location(), bounded.reason(), bounded.getMessage())
          : new Rejection(doc.id(), doc.provenance().location(), Rejection.Reason.STEP_FAILED, "step " + step + " failed: " + e));
    }
  }

  /** Adds this chain's step counters to {@code stats}. */
  void addCountersTo(RunStats stats) {
    for (StepRunner runner : runners) stats.step(runner.id()).merge(runner.stats());
    fields.written.forEach(stats.annotations()::putIfAbsent);
  }

  @Override
  public void close() {
    for (StepRunner runner : runners) runner.close();
  }
}
