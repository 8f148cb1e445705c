package io.winnow.pipeline;

import io.winnow.io.ReaderLimits;

/**
 * The {@code run} section: how the engine runs, not what it computes (so it does not enter the run's
 * fingerprint, and a run may be resumed with other values).
 *
 * @param workers parallel workers, one input file each at a time (default: available cores)
 * @param maxDocumentBytes the memory bound per worker: larger records are rejected unread
 * @param tokenizer {@code none}, or a tiktoken encoding whose token counts go into the statistics
 */
public record RunSpec(int workers, long maxDocumentBytes, String tokenizer) {
  public static final String[] TOKENIZERS = {"none", "o200k_base", "cl100k_base", "p50k_base", "r50k_base"};

  static RunSpec from(Params p) {
    RunSpec s = new RunSpec(
        p.getInt("workers", Runtime.getRuntime().availableProcessors(), 1, 1024),
        p.getLong("max_document_bytes", ReaderLimits.DEFAULT_MAX_DOCUMENT_BYTES, 1, Integer.MAX_VALUE - 16),
        p.getChoice("tokenizer", "none", TOKENIZERS));
    p.finish();
    return s;
  }

  public RunSpec withWorkers(int w) {
    return new RunSpec(w, maxDocumentBytes, tokenizer);
  }

  public ReaderLimits readerLimits() {
    return new ReaderLimits(maxDocumentBytes);
  }
}
