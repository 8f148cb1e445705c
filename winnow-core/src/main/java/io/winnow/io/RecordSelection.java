package io.winnow.io;

import java.util.Map;

/**
 * Which records of the input a run reads, for fast trials: a seeded sample (each record kept with probability
 * {@code sampleRate}, decided by a hash of its location, so the same records are chosen whatever the sharding,
 * worker count or engine) and a limit on the records of the whole run, taken in input order.
 *
 * <p>The limit is spread over the input files by a plan ({@code budgets}: records each file may give, by the
 * file's name as a reader names its source), made once before the run by counting up to {@code limit} sampled
 * records file by file. A reader of a limited selection without a plan is a programming error and fails.
 *
 * @param limit records of the run, 0 for no limit
 * @param sampleRate share of records kept, in (0, 1]
 * @param seed seed of the sample's hash
 * @param budgets the plan of a limited selection, or null before planning (and for an unlimited one)
 */
public record RecordSelection(long limit, double sampleRate, long seed, Map<String, Long> budgets) {
  public static final RecordSelection ALL = new RecordSelection(0, 1.0, 0, null);

  public RecordSelection {
    if (limit < 0) throw new IllegalArgumentException("limit must be at least 0, got " + limit);
    if (!(sampleRate > 0 && sampleRate <= 1)) throw new IllegalArgumentException("sample must be in (0, 1], got " + sampleRate);
    budgets = budgets == null ? null : Map.copyOf(budgets);
  }

  public boolean readsAll() {
    return limit == 0 && sampleRate >= 1;
  }

  public boolean isLimited() {
    return limit > 0;
  }

  public RecordSelection withBudgets(Map<String, Long> plan) {
    return new RecordSelection(limit, sampleRate, seed, plan);
  }

  /** The same sample without the limit: what a plan counts. */
  public RecordSelection unlimited() {
    return new RecordSelection(0, sampleRate, seed, null);
  }

  /** Whether the sample keeps the record at {@code location} ({@code file:line}, {@code file@offset}). */
  public boolean keeps(String location) {
    if (sampleRate >= 1) return true;
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (int i = 0; i < location.length(); i++) h = (h ^ location.charAt(i)) * 0x100000001B3L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < sampleRate;
  }

  /** The reader of the selected records of {@code source}. */
  public DocumentReader wrap(DocumentReader reader, String source) {
    if (readsAll()) return reader;
    long budget = Long.MAX_VALUE;
    if (isLimited()) {
      if (budgets == null) throw new IllegalStateException("run.limit " + limit + ": the records per input file were not planned before the run (RecordBudgets.plan)");
      Long planned = budgets.get(source);
      if (planned == null) throw new IllegalStateException("run.limit: " + source + " is not one of the planned input files " + budgets.keySet());
      budget = planned;
    }
    return new SelectedReader(reader, this, budget);
  }

  private static final class SelectedReader implements DocumentReader {
    private final DocumentReader in;
    private final RecordSelection selection;
    private final long budget;
    private long given;

    SelectedReader(DocumentReader in, RecordSelection selection, long budget) {
      this.in = in;
      this.selection = selection;
      this.budget = budget;
    }

    @Override
    public ReadResult next() {
      // once the budget is spent the rest of the file is not read at all
      while (given < budget) {
        ReadResult r = in.next();
        if (r == null) return null;
        String location = r.document() != null ? r.document().provenance().location() : r.rejection().location();
        if (!selection.keeps(location)) continue;
        given++;
        return r;
      }
      return null;
    }

    @Override
    public void close() throws java.io.IOException {
      in.close();
    }
  }
}
