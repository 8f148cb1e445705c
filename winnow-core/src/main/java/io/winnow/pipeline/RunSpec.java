package io.winnow.pipeline;

import io.winnow.io.ReaderLimits;

/**
 * The {@code run} section: how the engine runs. The worker count does not change the output and may differ
 * on resume; the other options do, and enter the run's fingerprint ({@link #resultOptions()}).
 *
 * @param workers parallel workers, one input file each at a time (default: available cores)
 * @param maxDocumentBytes the memory bound per worker: larger records are rejected unread
 * @param tokenizer {@code none}, a tiktoken encoding, or the path of a Hugging Face {@code tokenizer.json}: its
 *     token counts go into the statistics ({@link io.winnow.report.Tokenizers})
 * @param maxRejectedShare a run that rejects this share of its records, or every record of a file, exits with
 *     an error after writing its files (1 turns the check off)
 * @param stepTimeoutSeconds a step that takes longer on one document rejects it as {@code step.timeout}
 *     (checked cooperatively by the steps; 0 for no limit)
 * @param selection which records are read: {@code limit} (the first N records of the run), {@code sample} (a
 *     seeded share of them), {@code sample_seed}
 * @param groupBy document fields ({@code metadata.source}, {@code language}, any dotted path into the record)
 *     whose values get their own funnel figures in stats.json
 * @param spark how the Spark engine sizes its shuffles ({@code run.spark}; like the worker count, not in the fingerprint)
 */
public record RunSpec(int workers, long maxDocumentBytes, String tokenizer, double maxRejectedShare, double stepTimeoutSeconds,
    io.winnow.io.RecordSelection selection, java.util.List<String> groupBy, SparkSizing spark) {

  static RunSpec from(Params p) {
    RunSpec s = new RunSpec(
        p.getInt("workers", Runtime.getRuntime().availableProcessors(), 1, 1024),
        p.getLong("max_document_bytes", ReaderLimits.DEFAULT_MAX_DOCUMENT_BYTES, 1, Integer.MAX_VALUE - 16),
        tokenizer(p),
        p.getDouble("max_rejected_share", 0.5, 0, 1),
        p.getDouble("step_timeout_seconds", 60, 0, 86_400),
        new io.winnow.io.RecordSelection(p.getLong("limit", 0, 0, Long.MAX_VALUE), p.getDouble("sample", 1.0, Double.MIN_VALUE, 1.0),
            p.getLong("sample_seed", 0, Long.MIN_VALUE, Long.MAX_VALUE), null),
        p.getStrings("group_by", java.util.List.of()),
        SparkSizing.from(p.section("spark")));
    p.finish();
    return s;
  }

  private static String tokenizer(Params p) {
    String name = p.getString("tokenizer", "none");
    String problem = io.winnow.report.Tokenizers.problem(name);
    if (problem != null) throw p.invalid("tokenizer", problem);
    return name;
  }

  /** The options that change what a run writes, by their file names, with their resolved values. */
  public java.util.Map<String, Object> resultOptions() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("max_document_bytes", maxDocumentBytes);
    m.put("tokenizer", io.winnow.report.Tokenizers.identity(tokenizer));
    m.put("step_timeout_seconds", stepTimeoutSeconds);
    // only when set, so runs without them keep the fingerprint they had before these options existed
    if (selection.isLimited()) m.put("limit", selection.limit());
    if (selection.sampleRate() < 1) {
      m.put("sample", selection.sampleRate());
      m.put("sample_seed", selection.seed());
    }
    if (!groupBy.isEmpty()) m.put("group_by", groupBy);
    return m;
  }

  public RunSpec withWorkers(int w) {
    return new RunSpec(w, maxDocumentBytes, tokenizer, maxRejectedShare, stepTimeoutSeconds, selection, groupBy, spark);
  }

  public RunSpec withSelection(io.winnow.io.RecordSelection s) {
    return new RunSpec(workers, maxDocumentBytes, tokenizer, maxRejectedShare, stepTimeoutSeconds, s, groupBy, spark);
  }

  /** The per-document time limit of each step, or null for none. */
  public java.time.Duration stepTimeout() {
    return stepTimeoutSeconds == 0 ? null : java.time.Duration.ofMillis(Math.round(stepTimeoutSeconds * 1000));
  }

  public ReaderLimits readerLimits() {
    return new ReaderLimits(maxDocumentBytes, selection);
  }
}
