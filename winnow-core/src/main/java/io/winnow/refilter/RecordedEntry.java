package io.winnow.refilter;

import java.io.IOException;

/**
 * One decision-log line as spans of its bytes: the members {@code refilter} reads or copies (id, src, outcome and
 * the trail's steps with their action, reason and recorded values), found without building a tree. Reused from
 * line to line; a span is -1 where the member is absent. Where a member appears twice the last one counts, as in
 * a parsed tree. The few texts that repeat on every line (outcomes, step names, actions) are looked up among
 * those already seen ({@link KnownTexts}) instead of being decoded anew.
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
  /**
   * per trail element: its span, its step's span, its reason's span, its values' span, and where its figures
   * lie in {@link #figures} (first and count; -1 when its values are not an object)
   */
  int[] element = new int[W * 16];
  /** the figures of every element's values object, found while the line is read: name start and end, value start and end */
  int[] figures = new int[4 * 64];
  private int figureCount;
  String[] step = new String[16];
  String[] action = new String[16];

  private static final int ELEMENT = 0;
  private static final int STEP = 2;
  private static final int REASON = 4;
  private static final int VALUES = 6;
  private static final int FIGURES = 8;
  private static final int W = 10;

  private final KnownTexts outcomes = new KnownTexts();
  private final KnownTexts stepNames = new KnownTexts();
  private final KnownTexts actions = new KnownTexts();
  private JsonSpans json;

  void read(byte[] b, int start, int end) throws IOException {
    this.bytes = b;
    this.start = start;
    this.end = end;
    idStart = idEnd = srcStart = srcEnd = -1;
    outcome = "";
    steps = 0;
    figureCount = 0;
    JsonSpans json = this.json = new JsonSpans(b, end);
    // the loops below read members in place (no visitor per member): refilter runs them for every line of a log
    int ns = json.firstMember(start);
    while (ns >= 0) {
      int ne = json.nameEnd(ns);
      int vs = json.valueStart(ne);
      int ve;
      if (json.isString(ns, ne, "trail") && b[vs] == '[') ve = readTrail(vs);
      else {
        ve = json.value(vs);
        if (json.isString(ns, ne, "id")) {
          idStart = vs;
          idEnd = ve;
        } else if (json.isString(ns, ne, "src")) {
          srcStart = vs;
          srcEnd = ve;
        } else if (json.isString(ns, ne, "outcome")) outcome = outcomes.text(json, vs, ve);
      }
      ns = json.nextMember(ve);
    }
  }

  /** Reads the trail array's elements; returns the offset after it. */
  private int readTrail(int pos) throws IOException {
    int es = json.firstElement(pos);
    while (es >= 0) es = json.nextElement(readElement(es));
    return ~es;
  }

  /** Reads one trail element (an object) and returns the offset after it. */
  private int readElement(int es) throws IOException {
    if (steps == step.length) {
      step = java.util.Arrays.copyOf(step, steps * 2);
      action = java.util.Arrays.copyOf(action, steps * 2);
      element = java.util.Arrays.copyOf(element, steps * 2 * W);
    }
    int k = steps++;
    int[] e = element;
    java.util.Arrays.fill(e, W * k, W * k + W, -1);
    step[k] = "";
    action[k] = "";
    int ns = json.firstMember(es);
    while (ns >= 0) {
      int ne = json.nameEnd(ns);
      int vs = json.valueStart(ne);
      boolean values = json.isString(ns, ne, "values");
      // a values object is read figure by figure now, so that deciding needs no second pass over it
      int ve = values && bytes[vs] == '{' ? readFigures(k, vs) : json.value(vs);
      if (values) {
        e[W * k + VALUES] = vs;
        e[W * k + VALUES + 1] = ve;
        if (bytes[vs] != '{') e[W * k + FIGURES] = -1; // a later null values member stands over an earlier object
      } else if (json.isString(ns, ne, "step")) {
        step[k] = stepNames.text(json, vs, ve);
        e[W * k + STEP] = vs;
        e[W * k + STEP + 1] = ve;
      } else if (json.isString(ns, ne, "action")) action[k] = actions.text(json, vs, ve);
      else if (json.isString(ns, ne, "reason")) {
        e[W * k + REASON] = vs;
        e[W * k + REASON + 1] = ve;
      }
      ns = json.nextMember(ve);
    }
    e[W * k + ELEMENT] = es;
    e[W * k + ELEMENT + 1] = ~ns;
    return ~ns;
  }

  /** Records the members of element k's values object as its figures; returns the offset after the object. */
  private int readFigures(int k, int vs) throws IOException {
    int first = figureCount;
    int ns = json.firstMember(vs);
    while (ns >= 0) {
      int ne = json.nameEnd(ns);
      int fs = json.valueStart(ne);
      int fe = json.value(fs);
      if (4 * figureCount == figures.length) figures = java.util.Arrays.copyOf(figures, figures.length * 2);
      int f = 4 * figureCount++;
      figures[f] = ns;
      figures[f + 1] = ne;
      figures[f + 2] = fs;
      figures[f + 3] = fe;
      ns = json.nextMember(fe);
    }
    // a repeated values member: the last one counts, as in a parsed tree
    element[W * k + FIGURES] = first;
    element[W * k + FIGURES + 1] = figureCount - first;
    return ~ns;
  }

  int elementStart(int k) { return element[W * k + ELEMENT]; }
  int elementEnd(int k) { return element[W * k + ELEMENT + 1]; }
  int reasonStart(int k) { return element[W * k + REASON]; }
  int reasonEnd(int k) { return element[W * k + REASON + 1]; }
  int valuesStart(int k) { return element[W * k + VALUES]; }
  int valuesEnd(int k) { return element[W * k + VALUES + 1]; }
  /** The first of element k's figures in {@link #figures}, -1 when its values are no object. */
  int figuresFirst(int k) { return element[W * k + FIGURES]; }
  int figuresCount(int k) { return element[W * k + FIGURES + 1]; }

  JsonSpans json() { return json; }

  String reasonText(int k) throws IOException {
    return reasonStart(k) < 0 ? "" : new JsonSpans(bytes, end).text(reasonStart(k), reasonEnd(k));
  }

  /**
   * The texts of one member seen so far, by their bytes as written (the same bytes always decode to the same
   * text): a log repeats a handful of outcomes, step names and actions on every line, so each is decoded once.
   * Past a few dozen distinct texts new ones are decoded and not kept.
   */
  static final class KnownTexts {
    private static final int MAX = 32;
    private final byte[][] raw = new byte[MAX][];
    private final String[] text = new String[MAX];
    private int size;

    String text(JsonSpans json, int start, int end) throws IOException {
      byte[] b = json.bytes();
      int n = end - start;
      for (int i = 0; i < size; i++) {
        if (raw[i].length == n && java.util.Arrays.equals(raw[i], 0, n, b, start, end)) return text[i];
      }
      String t = json.text(start, end);
      if (size < MAX) {
        raw[size] = java.util.Arrays.copyOfRange(b, start, end);
        text[size++] = t;
      }
      return t;
    }
  }
}
