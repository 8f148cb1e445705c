package io.winnow.parquet;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeSet;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * The rows of a Parquet file, keeping every row that can be read when some cannot. ParquetReader gives up at
 * the first bad page, losing the rest of the file; here each row group is read on its own, and a row group that
 * fails is read again in parts: its rows are cut at page boundaries (every column's pages, from the offset
 * index) into segments that each touch one page per column, and a failing range is halved at a segment boundary
 * until what fails is part of a single segment. What cannot be read comes back as one {@link Lost} range with
 * its exact row count (adjacent losses merged). The undamaged case costs one read per row group, as before.
 *
 * <p>Page checksums are verified: without that, flipped bits in an uncompressed page decode as silently wrong
 * values. (Files written without checksums, as pyarrow does by default, are only as safe as their encoding;
 * files without an offset index lose the rest of a row group from the first bad row.)
 */
final class SalvagingRowReader implements Closeable {
  /** A row, or the range of rows that could not be read. */
  sealed interface Item permits Row, Lost {}

  /** @param number the row's 1-based position in the file */
  record Row(Group group, long number) implements Item {}

  /**
   * Rows {@code first..last} (1-based, in the file) could not be read.
   *
   * @param rowGroup the 0-based row group, or -1 when the loss runs to the end of the file across row groups
   */
  record Lost(long first, long last, int rowGroup, String cause) implements Item {
    long count() {
      return last - first + 1;
    }

    boolean restOfFile() {
      return rowGroup < 0;
    }
  }

  private final ParquetFileReader file;
  private final MessageType schema;
  private final MessageColumnIO columns;
  private final List<BlockMetaData> groups;
  private final long totalRows;
  private int group = -1;
  /** File row index (0-based) of the current row group's first row. */
  private long groupStart;
  private long groupRows;
  /** Row ranges [from, to) of the current row group still to read, in order. */
  private final ArrayDeque<long[]> pending = new ArrayDeque<>();
  /** Page boundaries of the current row group, ascending, from 0 to its row count; null until needed. */
  private long[] boundaries;
  private RecordReader<Group> records;
  /** Index in the row group of the row {@link #records} gives next, and the end of its range. */
  private long next;
  private long rangeEnd;
  /** A loss not yet returned, in case the next one continues it. */
  private Lost lost;
  /** The item that ended a loss, returned after it. */
  private Item held;
  private boolean finished;

  SalvagingRowReader(Path path) throws IOException {
    this.file = ParquetFileReader.open(new LocalInputFile(path),
        ParquetReadOptions.builder().usePageChecksumVerification(true).build());
    this.schema = file.getFooter().getFileMetaData().getSchema();
    this.columns = new ColumnIOFactory().getColumnIO(schema);
    this.groups = file.getRowGroups();
    long n = 0;
    for (BlockMetaData b : groups) n += b.getRowCount();
    this.totalRows = n;
  }

  /** The 0-based row group of a row, by its 1-based number in the file. */
  int rowGroupOf(long rowNumber) {
    long end = 0;
    for (int i = 0; i < groups.size(); i++) {
      end += groups.get(i).getRowCount();
      if (rowNumber <= end) return i;
    }
    return groups.size() - 1;
  }

  MessageType schema() {
    return schema;
  }

  long totalRows() {
    return totalRows;
  }

  /** The next row or lost range, or null at the end. */
  Item next() {
    if (held != null) {
      Item h = held;
      held = null;
      return h;
    }
    while (true) {
      Item it = step();
      if (it instanceof Lost l) {
        if (lost != null && lost.rowGroup() == l.rowGroup() && lost.last() + 1 == l.first()) {
          lost = new Lost(lost.first(), l.last(), l.rowGroup(), lost.cause());
          continue;
        }
        Lost before = lost;
        lost = l;
        if (before != null) return before;
        continue;
      }
      if (lost != null) {
        Lost before = lost;
        lost = null;
        held = it;
        return before;
      }
      return it;
    }
  }

  /** The next row or loss (unmerged), or null at the end. */
  private Item step() {
    while (!finished) {
      if (records != null && next < rangeEnd) {
        long index = next;
        try {
          Group g = records.read();
          if (g == null) throw new IllegalStateException("no record where the footer counts one");
          next++;
          return new Row(g, groupStart + index + 1);
        } catch (RuntimeException e) {
          records = null;
          Item l = failed(index, rangeEnd, e);
          if (l != null) return l;
          continue;
        }
      }
      records = null;
      if (pending.isEmpty()) {
        nextGroup();
        continue;
      }
      long[] range = pending.pop();
      try {
        records = recordsOf(range[0] == 0 && range[1] == groupRows ? file.readRowGroup(group)
            : file.readFilteredRowGroup(group, RowRanges.builder().addSelectedRange(range[0], range[1] - 1).build()));
        next = range[0];
        rangeEnd = range[1];
      } catch (EOFException e) {
        // the file ends before this row group's data does: nothing after it can be read either
        finished = true;
        return new Lost(groupStart + range[0] + 1, totalRows, -1, describe(e));
      } catch (IOException | RuntimeException e) {
        Item l = failed(range[0], range[1], e);
        if (l != null) return l;
      }
    }
    return null;
  }

  private void nextGroup() {
    if (group >= 0) groupStart += groupRows;
    group++;
    boundaries = null;
    if (group >= groups.size()) {
      finished = true;
      return;
    }
    groupRows = groups.get(group).getRowCount();
    if (groupRows > 0) pending.push(new long[] {0, groupRows});
  }

  /**
   * Reading rows [from, to) of the current row group failed at {@code from}. Within one segment the rows are
   * lost; across segments the range is halved at a segment boundary, both halves to be read again.
   */
  private Lost failed(long from, long to, Exception cause) {
    long[] b = boundaries();
    int lo = 0;
    while (lo < b.length && b[lo] <= from) lo++;
    int hi = lo;
    while (hi < b.length && b[hi] < to) hi++;
    if (hi == lo) return new Lost(groupStart + from + 1, groupStart + to, group, describe(cause));
    long mid = b[(lo + hi - 1) / 2];
    pending.push(new long[] {mid, to});
    pending.push(new long[] {from, mid});
    return null;
  }

  /** The first row index of every page of every column; just {0, rows} without offset indexes. */
  private long[] boundaries() {
    if (boundaries != null) return boundaries;
    TreeSet<Long> starts = new TreeSet<>(List.of(0L, groupRows));
    try {
      for (ColumnChunkMetaData c : groups.get(group).getColumns()) {
        OffsetIndex index = file.readOffsetIndex(c);
        if (index == null) {
          starts.retainAll(List.of(0L, groupRows));
          break;
        }
        for (int p = 0; p < index.getPageCount(); p++) starts.add(index.getFirstRowIndex(p));
      }
    } catch (IOException | RuntimeException e) {
      starts.retainAll(List.of(0L, groupRows)); // an unreadable index: no finer boundaries than the row group
    }
    return boundaries = starts.stream().mapToLong(Long::longValue).toArray();
  }

  private RecordReader<Group> recordsOf(PageReadStore pages) {
    return columns.getRecordReader(pages, new GroupRecordConverter(schema), FilterCompat.NOOP);
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append("; caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
