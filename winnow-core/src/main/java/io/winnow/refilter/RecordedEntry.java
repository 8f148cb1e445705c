package io.winnow.refilter;

import java.io.IOException;

/**
 * One decision-log line as spans of its bytes: the members {@code refilter} reads or copies (id, src, outcome and
 * the trail's steps with their action, reason and recorded values), found without building a tree. Reused from
 * line to line; a span is -1 where the member is absent. Where a member appears twice the last one counts, as in
 * a parsed tree.
 */
final class RecordedEntry {
  byte[] bytes;
  int start;
  int end;
  int idStart;
  int idEnd;
  int srcStart;
  int srcEnd;
  String outcome;
  int steps;
  /** per trail element: its span, its step's span, its reason's span, its values' span */
  int[] element = new int[8 * 16];
  String[] step = new String[16];
  String[] action = new String[16];

  private static final int ELEMENT = 0;
  private static final int STEP = 2;
  private static final int REASON = 4;
  private static final int VALUES = 6;

  void read(byte[] b, int start, int end) throws IOException {
    this.bytes = b;
    this.start = start;
    this.end = end;
    idStart = idEnd = srcStart = srcEnd = -1;
    outcome = "";
    steps = 0;
    JsonSpans json = new JsonSpans(b, end);
    json.object(start, (ns, ne, vs) -> {
      int ve;
      if (json.isString(ns, ne, "trail") && b[vs] == '[') return json.array(vs, es -> readElement(json, es));
      ve = json.value(vs);
      if (json.isString(ns, ne, "id")) {
        idStart = vs;
        idEnd = ve;
      } else if (json.isString(ns, ne, "src")) {
        srcStart = vs;
        srcEnd = ve;
      } else if (json.isString(ns, ne, "outcome")) outcome = json.text(vs, ve);
      return ve;
    });
  }

  /** Reads one trail element (an object) and returns the offset after it. */
  private int readElement(JsonSpans json, int es) throws IOException {
    if (steps == step.length) {
      step = java.util.Arrays.copyOf(step, steps * 2);
      action = java.util.Arrays.copyOf(action, steps * 2);
      element = java.util.Arrays.copyOf(element, steps * 16);
    }
    int k = steps++;
    int[] e = element;
    java.util.Arrays.fill(e, 8 * k, 8 * k + 8, -1);
    step[k] = "";
    action[k] = "";
    int ee = json.object(es, (ns, ne, vs) -> {
      int ve = json.value(vs);
      if (json.isString(ns, ne, "step")) {
        step[k] = json.text(vs, ve);
        e[8 * k + STEP] = vs;
        e[8 * k + STEP + 1] = ve;
      } else if (json.isString(ns, ne, "action")) action[k] = json.text(vs, ve);
      else if (json.isString(ns, ne, "reason")) {
        e[8 * k + REASON] = vs;
        e[8 * k + REASON + 1] = ve;
      } else if (json.isString(ns, ne, "values")) {
        e[8 * k + VALUES] = vs;
        e[8 * k + VALUES + 1] = ve;
      }
      return ve;
    });
    e[8 * k + ELEMENT] = es;
    e[8 * k + ELEMENT + 1] = ee;
    return ee;
  }

  int elementStart(int k) { return element[8 * k + ELEMENT]; }
  int elementEnd(int k) { return element[8 * k + ELEMENT + 1]; }
  int reasonStart(int k) { return element[8 * k + REASON]; }
  int reasonEnd(int k) { return element[8 * k + REASON + 1]; }
  int valuesStart(int k) { return element[8 * k + VALUES]; }
  int valuesEnd(int k) { return element[8 * k + VALUES + 1]; }

  String reasonText(int k) throws IOException {
    return reasonStart(k) < 0 ? "" : new JsonSpans(bytes, end).text(reasonStart(k), reasonEnd(k));
  }
}
