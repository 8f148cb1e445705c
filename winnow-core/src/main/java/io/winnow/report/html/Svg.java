package io.winnow.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts as inline SVG, drawn here so the report needs no script and no network: horizontal bars (the funnel,
 * drop reasons) and histograms. Every chart is an {@code <svg class="chart" data-chart="kind">} element.
 */
final class Svg {
  private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"};

  private Svg() {}

  /** One bar: its label, its length, and the text printed after it. */
  record Bar(String label, double value, String text) {}

  static String bars(String kind, List<Bar> bars, int colour) {
    int labelWidth = 260;
    int barWidth = 420;
    int row = 22;
    int height = Math.max(1, bars.size()) * row + 8;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    StringBuilder sb = open(kind, labelWidth + barWidth + 170, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 4 + i * row;
      double w = max <= 0 ? 0 : barWidth * b.value() / max;
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 6, y + 15, Html.escape(clip(b.label(), 40))));
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
          labelWidth, y + 2, Math.max(w, b.value() > 0 ? 1 : 0), row - 6, PALETTE[colour % PALETTE.length], Html.escape(b.label()), Html.escape(b.text())));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelWidth + w + 6, y + 15, Html.escape(b.text())));
    }
    return sb.append("</svg>").toString();
  }

  static String histogram(String metric, StreamingHistogram.Snapshot s, Map<String, Double> thresholds, int colour) {
    int w = 360;
    int h = 150;
    int left = 8;
    int bottom = 30;
    StringBuilder sb = open("histogram", w, h);
    sb.append("<title>").append(Html.escape(metric)).append("</title>");
    long max = 1;
    for (long c : s.counts()) max = Math.max(max, c);
    int n = Math.max(1, s.counts().length);
    double bw = (w - 2.0 * left) / n;
    for (int i = 0; i < s.counts().length; i++) {
      double bh = (h - bottom - 10) * (double) s.counts()[i] / max;
      double lo = s.lo() + i * s.width();
      sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>[%s, %s): %,d</title></rect>",
          left + i * bw, h - bottom - bh, Math.max(0.5, bw - 1), bh, PALETTE[colour % PALETTE.length], num(lo), num(lo + s.width()), s.counts()[i]));
    }
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", left, h - bottom, w - left, h - bottom));
    double span = s.counts().length * s.width();
    for (Map.Entry<String, Double> t : thresholds.entrySet()) {
      double x = left + (w - 2.0 * left) * (t.getValue() - s.lo()) / span;
      if (!(x >= left && x <= w - left)) continue;
      sb.append(String.format(Locale.ROOT, "<line class=\"threshold\" x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-dasharray=\"4 3\"><title>%s %s</title></line>",
          x, x, h - bottom, t.getKey(), num(t.getValue())));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"16\" fill=\"#c00\" text-anchor=\"%s\">%s %s</text>", x + (x > w / 2.0 ? -3 : 3), x > w / 2.0 ? "end" : "start", t.getKey(), num(t.getValue())));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", left, h - bottom + 14, num(s.lo())));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", w - left, h - bottom + 14, num(s.lo() + s.counts().length * s.width())));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"muted\">n=%,d  mean %s  max bin %,d</text>", w / 2, h - 4, s.count(), num(s.mean()), max));
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open(String kind, int w, int h) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"chart\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", kind, w, h, w, h));
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) return String.format(Locale.ROOT, "%,d", (long) v);
    if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
