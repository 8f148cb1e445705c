package io.winnow.pipeline;

/** An invalid pipeline file: the message names the place (file, step, key) and what is allowed. */
public class PipelineException extends RuntimeException {
  public PipelineException(String message) {
    super(message);
  }

  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
