package io.winnow.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The shuffle bytes written by the tasks that end while it listens (a fit's, since the engine runs one fit at a
 * time): what the driver logs per document, the figure docs/SPARK.md sizes shuffle volume with. Listener events
 * arrive asynchronously, so the last tasks of a fit may be missed: a lower bound.
 */
final class ShuffleMeter extends SparkListener implements AutoCloseable {
  private final JavaSparkContext sc;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong records = new AtomicLong();

  ShuffleMeter(JavaSparkContext sc) {
    this.sc = sc;
    sc.sc().addSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    if (m == null) return;
    bytes.addAndGet(m.shuffleWriteMetrics().bytesWritten());
    records.addAndGet(m.shuffleWriteMetrics().recordsWritten());
  }

  long bytes() {
    return bytes.get();
  }

  long records() {
    return records.get();
  }

  @Override
  public void close() {
    sc.sc().removeSparkListener(this);
  }
}
