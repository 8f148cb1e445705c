package io.winnow.step.extract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Snippet-level scoring of main-content extraction (the trafilatura evaluation's measure): a "with" snippet
 * found in the output is a true positive, missed a false negative; a "without" snippet found is a false
 * positive. Whitespace of any kind counts as one space on both sides.
 */
final class SnippetScore {
  long tp, fn, fp, tn;
  int pages;

  void add(String text, JsonNode gold) {
    pages++;
    String norm = normalize(text);
    for (JsonNode w : gold.path("with")) {
      if (norm.contains(normalize(w.asText()))) tp++;
      else fn++;
    }
    for (JsonNode w : gold.path("without")) {
      if (norm.contains(normalize(w.asText()))) fp++;
      else tn++;
    }
  }

  double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  double f1() {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format("%d pages: precision %.3f recall %.3f F1 %.3f (tp %d fn %d fp %d tn %d)", pages, precision(), recall(), f1(), tp, fn, fp, tn);
  }

  static String normalize(String s) {
    return s.replaceAll("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]+", " ").strip();
  }
}
