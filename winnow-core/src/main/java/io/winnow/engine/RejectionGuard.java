package io.winnow.engine;

import io.winnow.io.Rejection;
import io.winnow.report.RunStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fails a run that rejected so much of its input that it is more likely misconfigured than fed bad data: a
 * wrong {@code text_field} rejects every record, and a run that exits 0 with an empty output hides that. The
 * run's files are all written first, so the decision log and the statistics show what happened.
 *
 * <p>Two rules, off when {@code run.max_rejected_share} is 1: a file whose every record was rejected (other than
 * an empty file), and a run whose rejected share reaches {@code max_rejected_share} (default 0.5).
 */
final class RejectionGuard {
  private RejectionGuard() {}

  static void check(double maxShare, List<String> shards, RunStats[] perShard, RunStats total) {
    if (maxShare >= 1) return;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < perShard.length; i++) {
      RunStats s = perShard[i];
      long rejected = s.rejected() - s.rejectedByReason().getOrDefault(Rejection.Reason.EMPTY_FILE.code(), 0L);
      if (rejected > 0 && s.documents() == 0) {
        problems.add(shards.get(i) + ": all " + s.records() + " records rejected" + examples(s));
      }
    }
    if (total.records() > 0 && total.rejected() > 0 && (double) total.rejected() / total.records() >= maxShare) {
      problems.add(String.format(Locale.ROOT, "%,d of %,d records (%.1f %%) rejected, at or above run.max_rejected_share %.2f%s",
          total.rejected(), total.records(), 100.0 * total.rejected() / total.records(), maxShare, examples(total)));
    }
    if (problems.isEmpty()) return;
    int shown = Math.min(problems.size(), 5);
    StringBuilder sb = new StringBuilder("the run finished but rejected too much of its input; check input.text_field, "
        + "input.id_field and input.format (the run's files are written; set run.max_rejected_share: 1 to accept this):");
    for (String p : problems.subList(0, shown)) sb.append("\n  ").append(p);
    if (problems.size() > shown) sb.append("\n  … and ").append(problems.size() - shown).append(" more files");
    throw new RunFailedException(sb.toString());
  }

  /** The first rejection of each reason: it names the field that was missing and the fields present. */
  private static String examples(RunStats s) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : s.rejectedByReason().entrySet()) {
      String example = s.rejectedExample().get(e.getKey());
      sb.append("\n    ").append(e.getKey()).append(" × ").append(e.getValue());
      if (example != null) sb.append(", first: ").append(example.length() > 400 ? example.substring(0, 400) + "…" : example);
    }
    return sb.toString();
  }
}
