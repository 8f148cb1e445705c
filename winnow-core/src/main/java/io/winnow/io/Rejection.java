package io.winnow.io;

import io.winnow.doc.ReasonCode;
import java.util.Locale;

/**
 * An input record (or file) that could not be read as a document, with where it is and why. Rejections are
 * counted and logged; the run goes on unless it is strict.
 *
 * @param id the record's id when it could be read, else null
 * @param location file and line ({@code file:12}) or byte offset ({@code file@4096})
 * @param reason a stable code, {@code input.<reason>}
 * @param detail a human-readable explanation
 */
public record Rejection(String id, String location, Reason reason, String detail) {

  public enum Reason implements ReasonCode {
    MALFORMED_JSON, MISSING_TEXT, INVALID_UTF8, TRUNCATED, EMPTY_FILE, TOO_LARGE, CORRUPT, UNREADABLE,
    /** A WARC response whose payload is not HTML (an image, a PDF, a redirect without body...). */
    NOT_HTML,
    /** A step failed on this document (a bug or a pathological input); the document is set aside. */
    STEP_FAILED,
    /** A key occurs twice in one JSON object: readers disagree on which value counts, so neither is kept. */
    DUPLICATE_KEY,
    /** A step ran past the per-document time limit on this document (see io.winnow.step.Deadline). */
    STEP_TIMEOUT,
    /** A step ran out of memory on this document: it is too large for the heap; smaller ones go on. */
    TOO_LARGE_FOR_MEMORY,
    /** A file that is not text (it holds NUL bytes), read by a format that takes whole files as documents. */
    BINARY,
    /** Valid JSON, but not a conversation of the configured format (no turns, a role not known, a turn without text). */
    MALFORMED_CONVERSATION;

    @Override
    public String code() {
      return switch (this) {
        case STEP_FAILED -> "step.failed";
        case STEP_TIMEOUT -> "step.timeout";
        default -> "input." + name().toLowerCase(Locale.ROOT);
      };
    }
  }

  /** "file:12: input.malformed_json: ..." */
  public String message() {
    return location + ": " + reason.code() + ": " + detail;
  }
}
