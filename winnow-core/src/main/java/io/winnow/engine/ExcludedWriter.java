package io.winnow.engine;

import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.io.OutputCompression;
import io.winnow.io.JsonlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * With {@code output.excluded: true}, writes each dropped document to {@code excluded/} with the text the
 * dropping step saw and two fields naming the step and the reason, as datatrove's exclusion writer does; without
 * it, does nothing. Files follow the shard's naming, so they are committed and cleaned with the shard.
 */
final class ExcludedWriter implements AutoCloseable {
  static final String STEP_FIELD = "winnow_dropped_by";
  static final String REASON_FIELD = "winnow_reason";

  private final JsonlWriter writer;

  private ExcludedWriter(JsonlWriter writer) {
    this.writer = writer;
  }

  static ExcludedWriter open(boolean enabled, RunLayout layout, int shard, OutputCompression compression, long maxFileBytes,
      String idField, String textField) throws IOException {
    if (!enabled) return new ExcludedWriter(null);
    Files.createDirectories(layout.excluded());
    return new ExcludedWriter(new JsonlWriter(layout.excluded(), RunLayout.shardName(shard), compression, maxFileBytes, idField, textField));
  }

  void write(Document doc, Decision drop) throws IOException {
    if (writer == null) return;
    doc.metadata().put(STEP_FIELD, drop.step());
    doc.metadata().put(REASON_FIELD, drop.reason());
    writer.write(doc);
  }

  List<java.nio.file.Path> commit() throws IOException {
    return writer == null ? List.of() : writer.commit();
  }

  @Override
  public void close() throws IOException {
    if (writer != null) writer.close();
  }
}
