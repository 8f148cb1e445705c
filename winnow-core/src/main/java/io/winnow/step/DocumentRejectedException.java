package io.winnow.step;

import io.winnow.io.Rejection;

/**
 * A step could not finish one document within the run's bounds (time, memory): the document is set aside as a
 * {@link Rejection} with {@link #reason()} and the run goes on. Thrown by {@link StepRunner#run}, never by steps.
 */
public final class DocumentRejectedException extends RuntimeException {
  private final Rejection.Reason reason;
  private final String stepId;
  private final String documentId;

  DocumentRejectedException(Rejection.Reason reason, String stepId, String documentId, String detail, Throwable cause) {
    super("step " + stepId + " on document " + documentId + ": " + reason.code() + ": " + detail, cause, false, false);
    this.reason = reason;
    this.stepId = stepId;
    this.documentId = documentId;
  }

  public Rejection.Reason reason() {
    return reason;
  }

  public String stepId() {
    return stepId;
  }

  public String documentId() {
    return documentId;
  }
}
