package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.Rejection.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSONL records that used to vanish or be corrupted silently: each is now kept intact or rejected with a reason. */
class JsonlRecordsTest {
  @TempDir Path dir;

  private static final String GOOD1 = "{\"id\":\"a\",\"text\":\"first good\"}";
  private static final String GOOD2 = "{\"id\":\"b\",\"text\":\"second good\"}";

  private static List<ReadResult> read(String content) {
    List<ReadResult> out = new ArrayList<>();
    try (JsonlReader r = new JsonlReader("f.jsonl", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
        "id", "text", new ReaderLimits(1 << 20))) {
      for (ReadResult x; (x = r.next()) != null; ) out.add(x);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static List<Document> docs(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.document() != null).map(ReadResult::document).toList();
  }

  private static List<String> ids(List<ReadResult> rs) {
    return docs(rs).stream().map(Document::id).toList();
  }

  private static List<Rejection> rejections(List<ReadResult> rs) {
    return rs.stream().filter(r -> r.rejection() != null).map(ReadResult::rejection).toList();
  }

  @Test
  void duplicateKeysRejectTheRecordNamingTheKey() {
    List<ReadResult> rs = read(GOOD1 + "\n"
        + "{\"id\":\"x\",\"text\":\"spam\",\"text\":\"ham\"}\n"
        + "{\"id\":\"y\",\"text\":\"t\",\"meta\":{\"url\":\"u1\",\"url\":\"u2\"}}\n"
        + "{\"id\":\"z\",\"text\":\"t\",\"list\":[{\"k\":1},{\"k\":2}],\"other\":{\"k\":3}}\n" // same key in sibling objects is fine
        + GOOD2 + "\n");
    assertThat(ids(rs)).containsExactly("a", "z", "b");
    List<Rejection> rej = rejections(rs);
    assertThat(rej).extracting(Rejection::reason).containsExactly(Reason.DUPLICATE_KEY, Reason.DUPLICATE_KEY);
    assertThat(rej.get(0).location()).isEqualTo("f.jsonl:2");
    assertThat(rej.get(0).detail()).contains("'text'");
    assertThat(rej.get(1).location()).isEqualTo("f.jsonl:3");
    assertThat(rej.get(1).detail()).contains("'meta.url'");
    assertThat(rej.get(0).message()).contains("input.duplicate_key");
  }

  @Test
  void carriageReturnAloneEndsALine() {
    List<ReadResult> rs = read(GOOD1 + "\r{broken\r" + GOOD2 + "\r");
    assertThat(ids(rs)).containsExactly("a", "b");
    assertThat(rejections(rs)).extracting(Rejection::location).containsExactly("f.jsonl:2");
    assertThat(docs(rs).get(1).provenance().location()).isEqualTo("f.jsonl:3");
  }

  @Test
  void crlfAndMixedLineEndsKeepLineNumbersRight() {
    List<ReadResult> rs = read(GOOD1 + "\r\n{broken\r\n\r\n" + GOOD2 + "\n{broken\r{broken");
    assertThat(ids(rs)).containsExactly("a", "b");
    assertThat(rejections(rs)).extracting(Rejection::location).containsExactly("f.jsonl:2", "f.jsonl:5", "f.jsonl:6");
    assertThat(docs(rs).get(1).provenance().location()).isEqualTo("f.jsonl:4");
  }

  @Test
  void crlfSplitAcrossTheReadBufferIsOneLineEnd() {
    // put the \r last in the reader's first fill and the \n first in the next
    int fill = JsonlReader.BUFFER_BYTES;
    String padded = "{\"id\":\"a\",\"text\":\"" + "x".repeat(fill - 1 - 20) + "\"}";
    assertThat(padded.length()).isEqualTo(fill - 1);
    List<ReadResult> rs = read(padded + "\r\n{broken\r\n");
    assertThat(ids(rs)).containsExactly("a");
    assertThat(rejections(rs)).extracting(Rejection::location).containsExactly("f.jsonl:2");
  }

  @Test
  void spacesAndTabsAroundTheObjectAreFine() {
    List<ReadResult> rs = read("  " + GOOD1 + "\t \n\t\t" + GOOD2 + "  \r\n");
    assertThat(ids(rs)).containsExactly("a", "b");
    assertThat(rejections(rs)).isEmpty();
  }

  @Test
  void blankLinesAreSkippedUncountedButKeepTheirLineNumbers() {
    List<ReadResult> rs = read("\n \t\n" + GOOD1 + "\n\r\n  \r" + GOOD2);
    assertThat(rs).hasSize(2); // no record and no rejection for the blank lines
    assertThat(docs(rs)).extracting(d -> d.provenance().location()).containsExactly("f.jsonl:3", "f.jsonl:6");
  }

  @Test
  void fileOfBlankLinesOnlyIsRejectedAsEmpty() {
    List<Rejection> rej = rejections(read("\n  \n\t\r\n"));
    assertThat(rej).extracting(Rejection::reason).containsExactly(Reason.EMPTY_FILE);
    assertThat(rej.get(0).detail()).contains("3 blank lines");
  }

  @Test
  void numbersOutsideADoublesRangeKeepTheirValue() {
    List<ReadResult> rs = read("{\"id\":\"a\",\"text\":\"t\",\"big\":1e400,\"tiny\":-2.5E-400,\"zero\":0.0,\"half\":0.5,"
        + "\"huge_int\":123456789012345678901234567890}\n");
    Document d = docs(rs).get(0);
    assertThat(d.metadata().get("big")).isEqualTo(new BigDecimal("1e400"));
    assertThat(d.metadata().get("tiny")).isEqualTo(new BigDecimal("-2.5E-400"));
    assertThat(d.metadata().get("zero")).isEqualTo(0.0);
    assertThat(d.metadata().get("half")).isEqualTo(0.5);
    assertThat(d.metadata().get("huge_int")).hasToString("123456789012345678901234567890");
  }

  @Test
  void writerRoundTripOfOutOfRangeNumbersIsValidJsonWithTheSameNumbers() throws IOException {
    Document d = docs(read("{\"id\":\"a\",\"text\":\"t\",\"big\":1e400,\"tiny\":1e-400,\"nested\":{\"n\":[-1E+999]}}\n")).get(0);
    JsonlWriter w = new JsonlWriter(dir, "out", Compression.NONE, Long.MAX_VALUE, "id", "text");
    w.write(d);
    List<Path> files = w.commit();
    String line = Files.readString(files.get(0)).strip();
    assertThat(line).doesNotContain("Infinity");
    // a strict parser (no NaN/Infinity tokens) reads it, and the values are numbers equal to what was read
    ObjectMapper strict = new ObjectMapper();
    strict.disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
    strict.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JsonNode n = strict.readTree(line);
    assertThat(n.get("big").isNumber()).isTrue();
    assertThat(n.get("big").decimalValue()).isEqualByComparingTo("1e400");
    assertThat(n.get("tiny").decimalValue()).isEqualByComparingTo("1e-400");
    assertThat(n.get("nested").get("n").get(0).decimalValue()).isEqualByComparingTo("-1e999");
    // and reading the output again gives the same metadata
    Document back = docs(read(line + "\n")).get(0);
    assertThat(back.metadata()).isEqualTo(d.metadata());
  }
}
