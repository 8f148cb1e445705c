package io.winnow.step;

import java.util.Map;

/**
 * A document step whose per-document counters (see {@code Verdict.withCounters}) add up to a corpus-level
 * figure, such as an estimated share with its confidence interval. Engines call it once, on the counters merged
 * over every shard, and write the result under {@code estimates} in stats.json.
 */
public interface CounterSummary {
  Map<String, Object> summarize(Map<String, Long> counters);
}
