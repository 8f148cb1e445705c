package io.winnow.engine;

import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.io.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * One input record on its way through a shard's passes, in input order: still going (a document and the
 * decisions of the steps it has passed), or finished (dropped by a step, or rejected) and waiting only to be
 * logged by the final pass. A stage file holds one per input record, so the final pass writes the decision log
 * in input order whatever phase finished each record.
 */
final class StagedRecord {
  enum State { LIVE, DROPPED, REJECTED }

  State state;
  /** LIVE and DROPPED: the document (a dropped one keeps only its id and provenance). */
  Document doc;
  /** REJECTED: why. */
  Rejection rejection;
  /** The decisions so far, in pipeline order. */
  final List<Decision> trail;
  /** Figures of the document as read, before any step changed it; tokens -1 when the run counts none. */
  long bytesIn;
  long wordsIn;
  long tokensIn;
  /** A step changed the text. */
  boolean modified;
  /**
   * How many of the document's fields (the first ones, in order) came from the input record; the rest are
   * annotations. -1 when unknown (then no collision is checked). See {@link AnnotationFields}.
   */
  int inputFields = -1;
  /** Input fields a step overwrote, with the input's values, to be written back beside the prefixed annotation; or null. */
  java.util.Map<String, Object> shadowed;

  private StagedRecord(State state, Document doc, Rejection rejection, List<Decision> trail) {
    this.state = state;
    this.doc = doc;
    this.rejection = rejection;
    this.trail = trail;
  }

  static StagedRecord live(Document doc, long bytesIn, long wordsIn, long tokensIn, boolean modified, List<Decision> trail) {
    StagedRecord r = new StagedRecord(State.LIVE, doc, null, trail);
    r.bytesIn = bytesIn;
    r.wordsIn = wordsIn;
    r.tokensIn = tokensIn;
    r.modified = modified;
    return r;
  }

  /** A document just read: no decisions yet. */
  static StagedRecord read(Document doc, long tokensIn) {
    StagedRecord r = live(doc, doc.utf8Bytes(), doc.whitespaceWords(), tokensIn, false, new ArrayList<>());
    r.inputFields = doc.metadata().size();
    return r;
  }

  static StagedRecord rejected(Rejection r) {
    return new StagedRecord(State.REJECTED, null, r, List.of());
  }

  void drop() {
    state = State.DROPPED;
  }

  void reject(Rejection r) {
    state = State.REJECTED;
    rejection = r;
    doc = null;
  }
}
