package io.winnow.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Renders run statistics as the plain-text table printed at the end of a run and by {@code winnow stats}. */
public final class StatsTable {
  /** Counters that only feed estimates (histogram bins): in stats.json, not in the table. */
  public static final String HIDDEN_COUNTER_PREFIX = "hist.";

  private StatsTable() {}

  public static void print(RunStats s, PrintWriter out) {
    out.printf(Locale.ROOT, "%-34s %12s %12s %10s %10s%n", "step", "in", "kept", "modified", "dropped");
    out.println("-".repeat(82));
    for (Map.Entry<String, StepStats> e : s.steps().entrySet()) {
      StepStats st = e.getValue();
      out.printf(Locale.ROOT, "%-34s %,12d %,12d %,10d %,10d%n", e.getKey(), st.docsIn(), st.kept(), st.modified(), st.dropped());
      for (Map.Entry<String, Long> r : st.droppedByReason().entrySet()) {
        out.printf(Locale.ROOT, "  %-32s %12s %12s %10s %,10d%n", shortReason(r.getKey()), "", "", "", r.getValue());
      }
      for (Map.Entry<String, Long> r : st.modifiedByReason().entrySet()) {
        out.printf(Locale.ROOT, "  %-32s %12s %12s %,10d%n", shortReason(r.getKey()), "", "", r.getValue());
      }
      for (Map.Entry<String, Long> c : st.counters().entrySet()) {
        if (c.getKey().startsWith(HIDDEN_COUNTER_PREFIX)) continue;
        out.printf(Locale.ROOT, "  [%s] %,d%n", c.getKey(), c.getValue());
      }
    }
    out.println("-".repeat(82));
    out.printf(Locale.ROOT, "records %,d = kept %,d + dropped %,d + rejected %,d (shards: %d)%n",
        s.records(), s.kept(), s.dropped(), s.rejected(), s.shards());
    for (Map.Entry<String, Long> r : s.rejectedByReason().entrySet()) {
      out.printf(Locale.ROOT, "  rejected %-30s %,d%n", r.getKey(), r.getValue());
    }
    for (Map.Entry<String, Object> c : s.corpusSteps().entrySet()) out.printf(Locale.ROOT, "%s: %s%n", c.getKey(), c.getValue());
    for (Map.Entry<String, Object> c : s.estimates().entrySet()) out.printf(Locale.ROOT, "%s estimates: %s%n", c.getKey(), c.getValue());
    out.printf(Locale.ROOT, "bytes  in %s, out %s (%.1f %%)%n", human(s.bytesIn()), human(s.bytesOut()), pct(s.bytesOut(), s.bytesIn()));
    out.printf(Locale.ROOT, "words  in %,d, out %,d (%.1f %%)%n", s.wordsIn(), s.wordsOut(), pct(s.wordsOut(), s.wordsIn()));
    if (s.tokensIn() >= 0) {
      out.printf(Locale.ROOT, "tokens in %,d, out %,d (%.1f %%)%n", s.tokensIn(), Math.max(0, s.tokensOut()), pct(Math.max(0, s.tokensOut()), s.tokensIn()));
    }
    out.flush();
  }

  /**
   * The funnel per value of a {@code run.group_by} field. {@code field} is the field as written in group_by or
   * its last part ({@code source} for {@code metadata.source}).
   *
   * @return false when the run has no such group (nothing is printed)
   */
  public static boolean printGroups(RunStats s, String field, PrintWriter out) {
    String key = null;
    for (String f : s.groups().byField().keySet()) {
      if (f.equals(field) || f.endsWith("." + field)) key = key == null || f.equals(field) ? f : key;
    }
    if (key == null) return false;
    Map<String, GroupStats.Figures> values = s.groups().byField().get(key);
    boolean tokens = values.values().stream().anyMatch(f -> f.tokensIn() >= 0);
    out.printf(Locale.ROOT, "%-28s %10s %10s %7s %11s %11s%s  %s%n", "by " + key, "documents", "kept", "kept %", "bytes in", "bytes out",
        tokens ? String.format(Locale.ROOT, " %12s", "tokens out") : "", "dropped by step");
    out.println("-".repeat(tokens ? 110 : 97));
    for (Map.Entry<String, GroupStats.Figures> e : values.entrySet()) {
      GroupStats.Figures f = e.getValue();
      StringBuilder by = new StringBuilder();
      f.droppedByStep().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(d -> by.append(by.length() == 0 ? "" : ", ").append(d.getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", d.getValue())));
      out.printf(Locale.ROOT, "%-28s %,10d %,10d %6.1f%% %11s %11s%s  %s%n", clip(e.getKey(), 28), f.documents(), f.kept(), pct(f.kept(), f.documents()),
          human(f.bytesIn()), human(f.bytesOut()), tokens ? String.format(Locale.ROOT, " %,12d", Math.max(0, f.tokensOut())) : "", by);
    }
    out.flush();
    return true;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private static String shortReason(String reason) {
    int dot = reason.indexOf('.');
    return dot < 0 ? reason : reason.substring(dot + 1);
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  public static String human(long bytes) {
    if (bytes < 1024) return bytes + " B";
    double v = bytes;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
