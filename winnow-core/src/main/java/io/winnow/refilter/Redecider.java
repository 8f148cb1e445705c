package io.winnow.refilter;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.log.Outcome;
import io.winnow.step.RuleFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decides a recorded entry again under new thresholds and writes its new log line: the trail up to the first drop,
 * with outcome, by and reason. Each annotated filter re-decides through its own {@link RuleFilter#decide}; the
 * other steps keep their recorded decisions. The members and trail elements it keeps are copied as they were
 * written (the log is compact JSON from one writer), so only what changes is written anew.
 */
final class Redecider {
  private static final byte[] ID = bytes("{\"id\":");
  private static final byte[] SRC = bytes(",\"src\":");
  private static final byte[] KEPT = bytes(",\"outcome\":\"kept\"");
  private static final byte[] DROPPED = bytes(",\"outcome\":\"dropped\",\"by\":");
  private static final byte[] REASON = bytes(",\"reason\":");
  private static final byte[] TRAIL = bytes(",\"trail\":[");
  private static final byte[] STEP = bytes("{\"step\":");
  private static final byte[] DROP = bytes(",\"action\":\"drop\",\"reason\":");
  private static final byte[] VALUES = bytes(",\"values\":");
  private static final byte[] NULL = bytes("null");
  private static final byte[] END = bytes("]}\n");

  private final Map<String, RuleFilter> deciders;
  private final RecordedMeasures measures = new RecordedMeasures();
  /** step names and recorded reasons as quoted JSON, encoded once each */
  private final Map<String, byte[]> quoted = new java.util.HashMap<>();
  /** per step, the quoted reasons of the drops its filter decides anew */
  private final Map<String, Map<ReasonCode, byte[]>> reasons = new java.util.HashMap<>();

  Redecider(Map<String, RuleFilter> deciders) {
    this.deciders = deciders;
  }

  /** Writes the entry's new line (when out is not null) and returns its new outcome. */
  Outcome decide(RecordedEntry e, PendingBytes out) throws IOException {
    if (e.outcome.equals(Outcome.REJECTED.code())) {
      if (out != null) {
        out.write(e.bytes, e.start, e.end - e.start);
        out.write('\n');
      }
      return Outcome.REJECTED;
    }
    int copied = 0;       // trail elements copied as recorded
    int droppedBy = -1;   // the element whose step drops the entry
    byte[] newReason = null; // its reason (quoted) when a re-deciding filter drops, else the recorded one stands
    for (int k = 0; k < e.steps; k++) {
      RuleFilter rf = deciders.get(e.step[k]);
      if (rf == null) {
        copied++;
        if (e.action[k].equals("drop")) {
          droppedBy = k;
          break;
        }
        continue;
      }
      Verdict v = rf.decide(measures.read(e, k));
      if (v == null) {
        copied++;
        continue;
      }
      droppedBy = k;
      newReason = quotedReason(e.step[k], v.reason());
      break;
    }
    if (out != null) write(e, out, copied, droppedBy, newReason);
    return droppedBy < 0 ? Outcome.KEPT : Outcome.DROPPED;
  }

  private void write(RecordedEntry e, PendingBytes out, int copied, int droppedBy, byte[] newReason) throws IOException {
    byte[] b = e.bytes;
    out.write(ID);
    span(out, b, e.idStart, e.idEnd);
    out.write(SRC);
    span(out, b, e.srcStart, e.srcEnd);
    if (droppedBy < 0) out.write(KEPT);
    else {
      out.write(DROPPED);
      out.write(quoted(e.step[droppedBy]));
      out.write(REASON);
      out.write(newReason != null ? newReason : quoted(e.reasonText(droppedBy)));
    }
    out.write(TRAIL);
    for (int k = 0; k < copied; k++) {
      if (k > 0) out.write(',');
      out.write(b, e.elementStart(k), e.elementEnd(k) - e.elementStart(k));
    }
    if (newReason != null) {
      if (copied > 0) out.write(',');
      out.write(STEP);
      out.write(quoted(e.step[droppedBy]));
      out.write(DROP);
      out.write(newReason);
      out.write(VALUES);
      span(out, b, e.valuesStart(droppedBy), e.valuesEnd(droppedBy));
      out.write('}');
    }
    out.write(END);
    out.lineDone();
  }

  private static void span(PendingBytes out, byte[] b, int start, int end) {
    if (start < 0) out.write(NULL);
    else out.write(b, start, end - start);
  }

  /** A text as quoted JSON; step names and recorded reasons are few, so each is encoded once. */
  private byte[] quoted(String s) {
    byte[] q = quoted.get(s);
    if (q == null) {
      q = quote(s);
      if (quoted.size() < 1024) quoted.put(s, q); // a log of odd texts stays bounded
    }
    return q;
  }

  /** The quoted {@code step.code} of a new drop, made once per step and reason. */
  private byte[] quotedReason(String step, ReasonCode reason) {
    Map<ReasonCode, byte[]> ofStep = reasons.computeIfAbsent(step, s -> new java.util.HashMap<>());
    byte[] q = ofStep.get(reason);
    if (q == null) {
      q = quote(step + "." + reason.code());
      if (ofStep.size() < 256) ofStep.put(reason, q);
    }
    return q;
  }

  private static byte[] quote(String s) {
    byte[] body = JsonStringEncoder.getInstance().quoteAsUTF8(s);
    byte[] q = new byte[body.length + 2];
    q[0] = '"';
    System.arraycopy(body, 0, q, 1, body.length);
    q[q.length - 1] = '"';
    return q;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
