package io.winnow.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import io.winnow.io.ReadResult;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text stored as BINARY without the STRING annotation (older writers) is read as text, not as base64. */
class ParquetBinaryTextTest {
  @TempDir Path dir;

  @Test
  void unannotatedBinaryIdAndTextAreUtf8AndInvalidTextIsRejected() throws Exception {
    MessageType schema = Types.buildMessage()
        .required(PrimitiveTypeName.BINARY).named("id")
        .required(PrimitiveTypeName.BINARY).named("text")
        .optional(PrimitiveTypeName.BINARY).named("blob")
        .named("doc");
    Path file = dir.resolve("binary.parquet");
    byte[] notUtf8 = {'c', 'a', 'f', (byte) 0xC3, (byte) 0x28};
    byte[] hash = {(byte) 0xff, 0x00, (byte) 0x80};
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema).build()) {
      SimpleGroupFactory f = new SimpleGroupFactory(schema);
      w.write(f.newGroup().append("id", utf8("dé-1")).append("text", utf8("café naïve 日本語")).append("blob", utf8("x y")));
      w.write(f.newGroup().append("id", utf8("d2")).append("text", Binary.fromConstantByteArray(notUtf8)));
      w.write(f.newGroup().append("id", Binary.fromConstantByteArray(hash)).append("text", utf8("third")));
    }
    List<ReadResult> rs = ParquetSalvageTest.readAll(file);
    List<Document> docs = rs.stream().filter(r -> r.document() != null).map(ReadResult::document).toList();
    assertThat(docs).extracting(Document::text).containsExactly("café naïve 日本語", "third");
    assertThat(docs.get(0).id()).isEqualTo("dé-1");
    // a binary id that is not text keeps its exact bytes as base64
    assertThat(docs.get(1).id()).isEqualTo(Base64.getEncoder().encodeToString(hash));
    // other unannotated binary columns are bytes: base64, as documented on ParquetDocumentReader
    assertThat(docs.get(0).metadata()).containsEntry("blob", Base64.getEncoder().encodeToString("x y".getBytes(StandardCharsets.UTF_8)));
    List<Rejection> rej = ParquetSalvageTest.rejections(rs);
    assertThat(rej).extracting(Rejection::reason).containsExactly(Reason.INVALID_UTF8);
    assertThat(rej.get(0).location()).isEqualTo(file + "#2");
    assertThat(rej.get(0).id()).isEqualTo("d2");
  }

  private static Binary utf8(String s) {
    return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
  }
}
