package io.winnow.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A damaged Parquet file loses exactly the rows that cannot be read, each range rejected once with its count. */
class ParquetSalvageTest {
  @TempDir Path dir;

  static List<ReadResult> readAll(Path file) throws IOException {
    List<ReadResult> out = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(file, "parquet", "id", "text", ReaderLimits.defaults(), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    }
    return out;
  }

  static List<String> ids(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.document() != null).map(r -> r.document().id()).toList();
  }

  static List<Rejection> rejections(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.rejection() != null).map(ReadResult::rejection).toList();
  }

  /** Inverts {@code n} bytes ending {@code fromEnd} bytes before {@code end}: inside a page's data, past its header. */
  static void flip(Path file, long end, int fromEnd, int n) throws IOException {
    byte[] b = Files.readAllBytes(file);
    for (int i = 0; i < n; i++) b[(int) (end - fromEnd - i)] ^= (byte) 0xff;
    Files.write(file, b);
  }

  static ColumnChunkMetaData column(BlockMetaData block, String name) {
    return block.getColumns().stream().filter(c -> c.getPath().toDotString().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aCorruptPageLosesItsRowGroupOnlyAndSaysHowManyRows() throws IOException {
    // the project's writer, with row groups as small as it makes them (it checks the size every 100 rows)
    ParquetDocumentWriter w = new ParquetDocumentWriter(dir, "docs", "none", Long.MAX_VALUE, 1, "id", "text", null);
    for (int i = 0; i < 350; i++) w.write(Document.of("d" + i, "document number " + i + " with a few words"));
    Path file = w.commit().get(0);
    List<BlockMetaData> blocks;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      blocks = r.getRowGroups();
    }
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    long before = blocks.get(0).getRowCount();
    long lost = blocks.get(1).getRowCount();
    ColumnChunkMetaData text = column(blocks.get(1), "text");
    flip(file, text.getStartingPos() + text.getTotalSize(), 8, 4);

    List<ReadResult> rs = readAll(file);
    List<String> expected = LongStream.range(0, 350).filter(i -> i < before || i >= before + lost).mapToObj(i -> "d" + i).toList();
    assertThat(ids(rs)).containsExactlyElementsOf(expected);
    List<Rejection> rej = rejections(rs);
    assertThat(rej).hasSize(1);
    assertThat(rej.get(0).reason()).isEqualTo(Reason.CORRUPT);
    assertThat(rej.get(0).location()).isEqualTo(file + "#" + (before + 1));
    assertThat(rej.get(0).detail()).startsWith("rows " + (before + 1) + ".." + (before + lost) + " of row group 1 unreadable ("
        + lost + " rows lost)");
  }

  /**
   * With checksums the damage shows when the row group is opened; without them, when the damaged page is
   * decompressed in the middle of reading (and a page is fetched as soon as the row before it is finished).
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aCorruptPageInsideARowGroupLosesOnlyThatPagesRows(boolean checksums) throws IOException {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
        .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("text")
        .required(PrimitiveTypeName.INT32).named("n")
        .named("doc");
    Path file = dir.resolve("pages.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withPageRowCountLimit(10).withMinRowCountForPageSizeCheck(1).withDictionaryEncoding(false)
        .withPageWriteChecksumEnabled(checksums).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      for (int i = 0; i < 100; i++) w.write(f.newGroup().append("id", "d" + i).append("text", "text of row " + i).append("n", i));
    }
    OffsetIndex pages;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(r.getRowGroups()).hasSize(1);
      pages = r.readOffsetIndex(column(r.getRowGroups().get(0), "text"));
    }
    assertThat(pages.getPageCount()).isEqualTo(10);
    assertThat(pages.getFirstRowIndex(3)).isEqualTo(30);
    flip(file, pages.getOffset(3) + pages.getCompressedPageSize(3), 3, 3);

    List<ReadResult> rs = readAll(file);
    assertThat(ids(rs)).containsExactlyElementsOf(
        LongStream.range(0, 100).filter(i -> i < 30 || i >= 40).mapToObj(i -> "d" + i).toList());
    assertThat(rs.stream().filter(r -> r.document() != null).map(r -> r.document().metadata().get("n")).toList())
        .containsExactlyElementsOf(LongStream.range(0, 100).filter(i -> i < 30 || i >= 40).mapToObj(i -> (Object) (int) i).toList());
    List<Rejection> rej = rejections(rs);
    assertThat(rej).hasSize(1);
    assertThat(rej.get(0).location()).isEqualTo(file + "#31");
    assertThat(rej.get(0).detail()).startsWith("rows 31..40 of row group 0 unreadable (10 rows lost)");
  }
}
