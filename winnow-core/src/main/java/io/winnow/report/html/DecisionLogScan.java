package io.winnow.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One streaming pass over a run's decision log that gathers what the report draws: a histogram of every
 * numeric value a step logged ({@code step.value}), a seeded reservoir sample of records per drop, modify and
 * rejection reason, and per input file the kept, dropped and rejected counts.
 *
 * <p>Memory is bounded whatever the run's size: at most {@link Limits#maxMetrics()} histograms of
 * {@code 1024 + bins} numbers each, {@link Limits#maxReasons()} reservoirs of {@link Limits#samplesPerReason()}
 * records, {@link Limits#maxFiles()} file rows. What falls beyond a cap is counted, never silently lost.
 */
public final class DecisionLogScan {
  /** The caps that bound a scan's memory. */
  public record Limits(int bins, int maxMetrics, int maxReasons, int samplesPerReason, int maxFiles, long seed) {
    public static Limits defaults() {
      return new Limits(40, 256, 256, 5, 1000, 42);
    }
  }

  /** Counts of one input file. */
  public static final class FileCounts {
    long kept;
    long dropped;
    long rejected;

    public long kept() { return kept; }
    public long dropped() { return dropped; }
    public long rejected() { return rejected; }
    public long records() { return kept + dropped + rejected; }
  }

  private final Limits limits;
  /** Value names that are a rule's threshold, not a measurement: drawn as a line on the measured value's histogram. */
  static final java.util.Set<String> THRESHOLD_NAMES = java.util.Set.of("min", "max", "threshold", "limit");

  private final Map<String, StreamingHistogram> histograms = new TreeMap<>();
  private final Map<String, Map<String, Double>> thresholds = new TreeMap<>();
  private final Map<String, Reservoir<SampledRecord>> samples = new TreeMap<>();
  private final Map<String, FileCounts> files = new LinkedHashMap<>();
  private long records;
  private long metricsOverCap;
  private long reasonsOverCap;
  private long filesOverCap;

  public Limits limits() {
    return limits;
  }

  public DecisionLogScan(Limits limits) {
    this.limits = limits;
  }

  public static DecisionLogScan of(Path runDir, Limits limits) throws IOException {
    DecisionLogScan s = new DecisionLogScan(limits);
    DecisionLogReader.forEach(runDir, s::accept);
    return s;
  }

  public void accept(LogEntry e) {
    records++;
    FileCounts fc = fileCounts(SampledRecord.fileOf(e.source()));
    switch (e.outcome()) {
      case KEPT -> { if (fc != null) fc.kept++; }
      case DROPPED -> { if (fc != null) fc.dropped++; }
      case REJECTED -> { if (fc != null) fc.rejected++; }
    }
    if (e.outcome() == Outcome.REJECTED) {
      sample(e.reason(), e);
      return;
    }
    for (JsonNode d : e.raw().path("trail")) {
      String step = d.path("step").asText();
      values(step, d.path("values"));
      if ("modify".equals(d.path("action").asText()) && d.has("reason")) sample(d.get("reason").asText(), e);
    }
    if (e.outcome() == Outcome.DROPPED) sample(e.reason(), e);
  }

  /**
   * Measured values go to their histograms; a threshold ({@code min}, {@code max}) logged beside exactly one
   * measured value is that value's threshold.
   */
  private void values(String step, JsonNode values) {
    String measured = null;
    int nMeasured = 0;
    Iterator<Map.Entry<String, JsonNode>> it = values.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> v = it.next();
      if (!v.getValue().isNumber() || THRESHOLD_NAMES.contains(v.getKey())) continue;
      measured = step + "." + v.getKey();
      nMeasured++;
      double x = v.getValue().asDouble();
      histogram(measured).ifPresent(h -> h.add(x));
    }
    if (nMeasured != 1 || !histograms.containsKey(measured)) return;
    for (String t : THRESHOLD_NAMES) {
      JsonNode tv = values.get(t);
      if (tv != null && tv.isNumber()) thresholds.computeIfAbsent(measured, k -> new TreeMap<>()).put(t, tv.asDouble());
    }
  }

  private java.util.Optional<StreamingHistogram> histogram(String metric) {
    StreamingHistogram h = histograms.get(metric);
    if (h == null) {
      if (histograms.size() >= limits.maxMetrics()) {
        metricsOverCap++;
        return java.util.Optional.empty();
      }
      h = new StreamingHistogram(limits.bins());
      histograms.put(metric, h);
    }
    return java.util.Optional.of(h);
  }

  private void sample(String reason, LogEntry e) {
    if (reason == null || limits.samplesPerReason() == 0) return;
    Reservoir<SampledRecord> r = samples.get(reason);
    if (r == null) {
      if (samples.size() >= limits.maxReasons()) {
        reasonsOverCap++;
        return;
      }
      // a seed per reason, so one reason's sample does not depend on how many records other reasons had
      r = new Reservoir<>(limits.samplesPerReason(), limits.seed() ^ reason.hashCode());
      samples.put(reason, r);
    }
    r.offer(() -> SampledRecord.of(e, reason));
  }

  private FileCounts fileCounts(String file) {
    FileCounts c = files.get(file);
    if (c == null) {
      if (files.size() >= limits.maxFiles()) {
        filesOverCap++;
        return null;
      }
      c = new FileCounts();
      files.put(file, c);
    }
    return c;
  }

  public long records() { return records; }
  public Map<String, StreamingHistogram> histograms() { return histograms; }
  public Map<String, Reservoir<SampledRecord>> samples() { return samples; }
  /** The thresholds seen beside a measured value, by name ({@code min}, {@code max}); the last one seen wins. */
  public Map<String, Double> thresholds(String metric) { return thresholds.getOrDefault(metric, Map.of()); }
  public Map<String, FileCounts> files() { return files; }
  /** Values not drawn because {@link Limits#maxMetrics()} histograms already existed. */
  public long metricsOverCap() { return metricsOverCap; }
  public long reasonsOverCap() { return reasonsOverCap; }
  public long filesOverCap() { return filesOverCap; }
}
