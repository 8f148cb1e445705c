package io.winnow.engine;

/** A run stopped: a strict run met bad input, an input could not be listed, or a resume did not match. */
public class RunFailedException extends RuntimeException {
  public RunFailedException(String message) {
    super(message);
  }

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
