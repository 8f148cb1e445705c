package io.winnow.cli;

import io.winnow.engine.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * User-facing progress: a bar on a terminal, plain lines otherwise. Both show input bytes read as the files are
 * stored ({@code MB compressed} when the inputs are compressed), one byte rate, one document rate and an ETA by
 * input bytes; the bar is one line that rewrites itself.
 */
final class Progress {
  private Progress() {}

  /** The {@code --progress} values; picocli rejects any other with the list of these. */
  enum Mode { auto, bar, lines, none }

  static ProgressListener create(Mode mode, PrintWriter err) {
    return create(mode, err, false);
  }

  /** @param compressed the inputs are compressed files, so the byte figures are compressed bytes */
  static ProgressListener create(Mode mode, PrintWriter err, boolean compressed) {
    Mode m = mode == Mode.auto ? (System.console() != null ? Mode.bar : Mode.lines) : mode;
    String unit = compressed ? "MB compressed" : "MB";
    return switch (m) {
      case bar -> new Bar(unit);
      case lines -> new Lines(err, 10_000, unit);
      case none, auto -> ProgressListener.NONE;
    };
  }

  /** Counts shared by both renderings. */
  abstract static class Counting implements ProgressListener {
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    volatile long totalBytes;
    volatile long startNanos;
    volatile String phase = "run";
    final String unit;

    Counting(String unit) {
      this.unit = unit;
    }

    @Override
    public void start(String phase, long totalInputBytes, int shards, int shardsAlreadyDone) {
      this.phase = phase;
      totalBytes = totalInputBytes;
      bytes.set(0);
      records.set(0);
      startNanos = System.nanoTime();
    }

    @Override
    public void bytes(long n) {
      bytes.addAndGet(n);
    }

    @Override
    public void records(long n) {
      records.addAndGet(n);
    }

    double seconds() {
      return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    String docRate() {
      return String.format(Locale.ROOT, "%,d docs, %,.0f docs/s", records.get(), records.get() / seconds());
    }
  }

  static final class Bar extends Counting {
    private ProgressBar bar;

    Bar(String unit) {
      super(unit);
    }

    @Override
    public void start(String phase, long totalInputBytes, int shards, int shardsAlreadyDone) {
      super.start(phase, totalInputBytes, shards, shardsAlreadyDone);
      // the bar's own speed is the byte rate; the extra message adds only the document count and rate
      // small inputs in kB, so the counts are not all 0 MB
      boolean small = totalInputBytes < 20_000_000;
      String shown = small ? unit.replace("MB", "kB") : unit;
      bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(Math.max(1, totalInputBytes))
          .setStyle(ProgressBarStyle.ASCII).setUnit(" " + shown, small ? 1_000 : 1_000_000).showSpeed().setUpdateIntervalMillis(500)
          .setMaxRenderedLength(140).build();
    }

    @Override
    public void bytes(long n) {
      super.bytes(n);
      if (bar != null) bar.stepBy(n);
    }

    @Override
    public void records(long n) {
      super.records(n);
      if (bar != null && (records.get() & 127) == 0) bar.setExtraMessage(" | " + docRate());
    }

    @Override
    public void finish() {
      if (bar != null) {
        bar.setExtraMessage(" | " + docRate());
        bar.close();
      }
      bar = null;
    }
  }

  static final class Lines extends Counting {
    private final PrintWriter out;
    private final long intervalMillis;
    private volatile long lastPrint;

    Lines(PrintWriter out, long intervalMillis, String unit) {
      super(unit);
      this.out = out;
      this.intervalMillis = intervalMillis;
    }

    @Override
    public void records(long n) {
      super.records(n);
      long now = System.currentTimeMillis();
      if (now - lastPrint >= intervalMillis) {
        synchronized (this) {
          if (now - lastPrint < intervalMillis) return;
          lastPrint = now;
        }
        if (lastPrint != 0 && records.get() > n) print();
      }
    }

    @Override
    public void shardDone(String input) {
      print();
    }

    private void print() {
      long b = bytes.get();
      double s = seconds();
      String eta = b == 0 || totalBytes == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (totalBytes - b) * s / b);
      out.printf(Locale.ROOT, "%s: %s; %,.1f of %,.1f %s (%.1f %%), %.1f %s/s; ETA %s%n", phase, docRate(), b / 1e6, totalBytes / 1e6, unit,
          totalBytes == 0 ? 100.0 : 100.0 * b / totalBytes, b / s / 1e6, unit, eta);
      out.flush();
    }
  }
}
