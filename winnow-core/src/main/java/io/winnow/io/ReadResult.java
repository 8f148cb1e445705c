package io.winnow.io;

import io.winnow.doc.Document;

/** One item from a reader: a document, or the rejection of a record that could not be read. */
public record ReadResult(Document document, Rejection rejection) {
  public static ReadResult of(Document d) {
    return new ReadResult(d, null);
  }

  public static ReadResult rejected(Rejection r) {
    return new ReadResult(null, r);
  }
}
