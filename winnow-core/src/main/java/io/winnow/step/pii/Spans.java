package io.winnow.step.pii;

import java.util.Collection;
import java.util.TreeMap;

/**
 * The redacted spans of one text, kept disjoint and ordered by start, so "does this match overlap an earlier
 * one?" costs O(log n): among disjoint spans sorted by start, the one with the greatest start before the new
 * span's end also has the greatest end, so it is the only one that can overlap.
 */
final class Spans {
  record Span(int start, int end, PiiRedactor.Kind kind) {}

  private final TreeMap<Integer, Span> byStart = new TreeMap<>();

  /** Adds [start, end) unless it overlaps a span already added (earlier patterns take priority). */
  void addUnlessOverlapping(int start, int end, PiiRedactor.Kind kind) {
    var before = byStart.lowerEntry(Math.max(end, start + 1));
    if (before != null && before.getValue().end() > start) return;
    byStart.put(start, new Span(start, end, kind));
  }

  boolean isEmpty() {
    return byStart.isEmpty();
  }

  /** The spans in text order. */
  Collection<Span> inOrder() {
    return byStart.values();
  }
}
