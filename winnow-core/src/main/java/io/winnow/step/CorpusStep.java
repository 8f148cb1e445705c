package io.winnow.step;

import io.winnow.doc.Document;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A step that must see the whole corpus before it can judge one document (deduplication, quantile thresholds):
 * an estimator. It runs in three phases whose intermediate data are files under a directory the engine gives
 * it, so each phase can be resumed and run by another engine:
 *
 * <ol>
 *   <li><b>observe</b>: one {@link Observer} per input shard sees, in order, every document that reaches the
 *       step and writes what it needs (signatures, keys) to the directory;
 *   <li><b>fit</b>: reads every shard's observations, decides (clusters, keepers) and writes the fitted state;
 *   <li><b>apply</b>: the fitted state becomes an ordinary {@link Step}, pure per document, that matches
 *       documents by their identity (id and source location), never by position in a shard.
 * </ol>
 */
public interface CorpusStep {
  /** Observes the documents of one shard. Files it writes are complete only after {@link Observer#commit()}. */
  Observer observer(Path dir, int shard) throws IOException;

  /** Decides from the observations of shards 0..shards-1 and writes the fitted state under {@code dir}. */
  void fit(Path dir, int shards) throws IOException;

  /** The fitted document step (one instance per worker, sharing the loaded state). */
  Supplier<Step> load(Path dir) throws IOException;

  /** Figures of the fit for the run's statistics (e.g. cluster counts), as JSON-friendly values. */
  Map<String, Object> fitStats(Path dir) throws IOException;

  interface Observer extends Closeable {
    void observe(Document doc) throws IOException;

    /** Makes this shard's observations complete (atomic rename). */
    void commit() throws IOException;
  }
}
