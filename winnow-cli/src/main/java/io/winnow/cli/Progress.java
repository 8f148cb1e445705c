package io.winnow.cli;

import io.winnow.engine.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** User-facing progress: a bar on a terminal (docs/s, MB/s, ETA by input bytes), plain lines otherwise. */
final class Progress {
  private Progress() {}

  /** The {@code --progress} values; picocli rejects any other with the list of these. */
  enum Mode { auto, bar, lines, none }

  static ProgressListener create(Mode mode, PrintWriter err) {
    Mode m = mode == Mode.auto ? (System.console() != null ? Mode.bar : Mode.lines) : mode;
    return switch (m) {
      case bar -> new Bar();
      case lines -> new Lines(err, 10_000);
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

    String rates() {
      double s = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
      return String.format(Locale.ROOT, "%,.0f docs/s, %.1f MB/s", records.get() / s, bytes.get() / s / 1e6);
    }
  }

  static final class Bar extends Counting {
    private ProgressBar bar;

    @Override
    public void start(String phase, long totalInputBytes, int shards, int shardsAlreadyDone) {
      super.start(phase, totalInputBytes, shards, shardsAlreadyDone);
      bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(Math.max(1, totalInputBytes))
          .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_000_000).showSpeed().setUpdateIntervalMillis(500).build();
    }

    @Override
    public void bytes(long n) {
      super.bytes(n);
      if (bar != null) bar.stepBy(n);
    }

    @Override
    public void records(long n) {
      super.records(n);
      if (bar != null && (records.get() & 1023) == 0) bar.setExtraMessage(rates());
    }

    @Override
    public void finish() {
      if (bar != null) bar.close();
      bar = null;
    }
  }

  static final class Lines extends Counting {
    private final PrintWriter out;
    private final long intervalMillis;
    private volatile long lastPrint;

    Lines(PrintWriter out, long intervalMillis) {
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
      double s = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
      String eta = b == 0 || totalBytes == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (totalBytes - b) * s / b);
      out.printf(Locale.ROOT, "%s: %,d records, %.1f %% of input, %s, ETA %s%n", phase, records.get(), totalBytes == 0 ? 100.0 : 100.0 * b / totalBytes, rates(), eta);
      out.flush();
    }
  }
}
