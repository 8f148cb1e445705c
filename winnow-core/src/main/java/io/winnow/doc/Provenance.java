package io.winnow.doc;

/**
 * Where a document came from: the source file and the position of its record there (line number for
 * line-based formats, byte offset for record-based ones such as WARC).
 */
public record Provenance(String source, long position, PositionKind positionKind) {
  public enum PositionKind { LINE, OFFSET, NONE }

  public static Provenance unknown() {
    return new Provenance("", 0, PositionKind.NONE);
  }

  public static Provenance line(String source, long line) {
    return new Provenance(source, line, PositionKind.LINE);
  }

  public static Provenance offset(String source, long offset) {
    return new Provenance(source, offset, PositionKind.OFFSET);
  }

  /** "file:line" or "file@offset", as printed in logs and errors. */
  public String location() {
    return switch (positionKind) {
      case LINE -> source + ":" + position;
      case OFFSET -> source + "@" + position;
      case NONE -> source;
    };
  }
}
