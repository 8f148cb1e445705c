package io.winnow.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Provenance;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import io.winnow.io.chat.ConversationRecords;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads conversation records from Parquet: each row becomes the JSON tree a JSON Lines file would hold for it
 * ({@link ParquetJson}) and goes through the same parsing rules as JSON ({@link ConversationRecords}). Locations
 * are {@code file#row (row group g)}, rows 1-based, row groups 0-based; unreadable rows are rejected as ranges and
 * the rows around them are kept ({@link SalvagingRowReader}). Each document keeps its row and the file's schema
 * ({@link ParquetOrigin}) so that the writer gives it back in that schema.
 */
final class ParquetConversationReader extends ParquetRowReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String format;
  private final String idField;
  private final ReaderLimits limits;

  ParquetConversationReader(Path file, String format, String idField, ReaderLimits limits) throws IOException {
    super(file);
    this.format = format;
    this.idField = idField;
    this.limits = limits;
  }

  @Override
  protected ReadResult read(SalvagingRowReader.Row r) {
    String location = source + "#" + r.number() + " (row group " + rows.rowGroupOf(r.number()) + ")";
    ObjectNode rec = ParquetJson.toJson(r.group());
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(rec);
    } catch (JsonProcessingException e) {
      return ReadResult.rejected(new Rejection(null, location, Reason.CORRUPT, e.getOriginalMessage()));
    }
    if (bytes.length > limits.maxDocumentBytes()) {
      return ReadResult.rejected(new Rejection(null, location, Reason.TOO_LARGE,
          "row of " + bytes.length + " bytes (as JSON) exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
    }
    ReadResult result = ConversationRecords.document(rec, format, idField, location, source + "#" + r.number(),
        Provenance.offset(source, r.number()), bytes, false);
    if (result.document() != null) result.document().conversation().setOrigin(new ParquetOrigin(rows.schema(), r.group()));
    return result;
  }
}
