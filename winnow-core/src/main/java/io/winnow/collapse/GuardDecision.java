package io.winnow.collapse;

import java.util.List;

/**
 * What the guarded mode's curation did to one generation's sample, in tokens: {@code sampled} synthetic tokens
 * offered, {@code duplicates} dropped by {@code exact_dedup}, {@code capped} dropped by the {@code diversity}
 * step, {@code admitted} into the corpus trained on after {@code cuts} halvings by the compare gate
 * ({@link GuardedPipeline#MAX_CUTS} + 1: refused). {@code verdicts}: compare's verdict lines on the whole
 * surviving sample, before any cut (empty: it passed as it was).
 */
public record GuardDecision(int generation, long sampled, long duplicates, long capped, long admitted, int cuts,
    List<String> verdicts) {
  public boolean refused() {
    return cuts > GuardedPipeline.MAX_CUTS;
  }
}
