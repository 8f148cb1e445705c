package io.winnow.parquet;

import io.winnow.io.DocumentReader;
import io.winnow.io.ReadResult;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The row loop every Parquet reader shares: an empty file is one rejection, rows that could not be read are one
 * rejection per range (naming the file, the rows and their row group, {@link SalvagingRowReader}), and each
 * readable row goes to {@link #read}, which makes a document of it.
 */
abstract class ParquetRowReader implements DocumentReader {
  protected final String source;
  protected final SalvagingRowReader rows;
  private boolean done;

  ParquetRowReader(Path file) throws IOException {
    this.source = file.toString();
    this.rows = new SalvagingRowReader(file);
  }

  /** The document (or rejection) of one readable row. */
  protected abstract ReadResult read(SalvagingRowReader.Row row);

  @Override
  public final ReadResult next() {
    if (done) return null;
    if (rows.totalRows() == 0) {
      done = true;
      return ReadResult.rejected(new Rejection(null, source, Reason.EMPTY_FILE, "the file holds no rows"));
    }
    SalvagingRowReader.Item item = rows.next();
    if (item == null) {
      done = true;
      return null;
    }
    if (item instanceof SalvagingRowReader.Lost lost) return ReadResult.rejected(rejection(source, lost));
    return read((SalvagingRowReader.Row) item);
  }

  /** The rejection of rows that could not be read, naming the file, the rows and their row group. */
  static Rejection rejection(String source, SalvagingRowReader.Lost lost) {
    String rowsLost = lost.count() + (lost.count() == 1 ? " row" : " rows") + " lost";
    if (lost.restOfFile()) {
      return new Rejection(null, source + "#" + lost.first(), Reason.TRUNCATED,
          "rest of file unreadable from row " + lost.first() + " (" + rowsLost + "): " + lost.cause());
    }
    return new Rejection(null, source + "#" + lost.first(), Reason.CORRUPT, "rows " + lost.first() + ".." + lost.last()
        + " of row group " + lost.rowGroup() + " unreadable (" + rowsLost + "): " + lost.cause());
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
