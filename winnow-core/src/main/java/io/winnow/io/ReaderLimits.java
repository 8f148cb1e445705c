package io.winnow.io;

/**
 * Limits that keep a reader's memory bounded whatever the input: a record larger than
 * {@code maxDocumentBytes} is skipped without being held in memory and rejected as {@code input.too_large}.
 * {@code selection} says which records are read at all ({@code run.limit}, {@code run.sample}).
 */
public record ReaderLimits(long maxDocumentBytes, RecordSelection selection) {
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 32L << 20;

  public ReaderLimits {
    if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 16)
      throw new IllegalArgumentException("max_document_bytes must be in [1, 2^31-17], got " + maxDocumentBytes);
    if (selection == null) selection = RecordSelection.ALL;
  }

  public ReaderLimits(long maxDocumentBytes) {
    this(maxDocumentBytes, RecordSelection.ALL);
  }

  public static ReaderLimits defaults() {
    return new ReaderLimits(DEFAULT_MAX_DOCUMENT_BYTES);
  }
}
