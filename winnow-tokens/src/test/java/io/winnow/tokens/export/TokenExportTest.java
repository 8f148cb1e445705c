package io.winnow.tokens.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.report.TokenCounter;
import io.winnow.report.Tokenizers;
import io.winnow.tokens.HuggingFaceTokens;
import io.winnow.tokens.ShippedSample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of the shipped Common Crawl sample, read back the way Megatron-LM and datatrove/nanotron read them. */
class TokenExportTest {
  static final Path SAMPLE = ShippedSample.SAMPLE;
  static final Path TOKENIZER = ShippedSample.BYTE_LEVEL;

  static List<String> sampleTexts() throws IOException {
    return ShippedSample.texts();
  }

  @Test
  void megatronIndexedDatasetHoldsEveryDocumentInOrder(@TempDir Path out) throws IOException {
    TokenCounter t = HuggingFaceTokens.open(TOKENIZER);
    TokenExport.Summary s = new TokenExport(t, new TokenExport.Options(ExportFormat.MEGATRON, "text", "<|endoftext|>", 0, 64))
        .run(List.of(SAMPLE), out, false);
    List<String> texts = sampleTexts();
    assertThat(s.documents()).isEqualTo(texts.size());
    assertThat(s.files()).containsExactly("part-00000.bin", "part-00000.idx");

    ByteBuffer idx = ByteBuffer.wrap(Files.readAllBytes(out.resolve("part-00000.idx"))).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[9];
    idx.get(magic);
    assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("MMIDIDX\0\0");
    assertThat(idx.getLong()).isEqualTo(1);
    assertThat(idx.get()).isEqualTo((byte) 8); // uint16: the vocabulary is under 65,500
    int sequences = (int) idx.getLong();
    long documents = idx.getLong();
    assertThat(sequences).isEqualTo(texts.size());
    assertThat(documents).isEqualTo(texts.size() + 1L);
    int[] sizes = new int[sequences];
    for (int i = 0; i < sequences; i++) sizes[i] = idx.getInt();
    long[] pointers = new long[sequences];
    for (int i = 0; i < sequences; i++) pointers[i] = idx.getLong();
    for (long d = 0; d < documents; d++) assertThat(idx.getLong()).isEqualTo(d);
    assertThat(idx.remaining()).isZero();

    ByteBuffer bin = ByteBuffer.wrap(Files.readAllBytes(out.resolve("part-00000.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    int eos = t.tokenId("<|endoftext|>");
    long tokens = 0;
    for (int i = 0; i < sequences; i++) {
      int[] expected = Arrays.copyOf(t.encode(texts.get(i)), sizes[i]);
      expected[sizes[i] - 1] = eos;
      assertThat(sizes[i]).isEqualTo(t.count(texts.get(i)) + 1);
      int[] stored = new int[sizes[i]];
      bin.position((int) pointers[i]);
      for (int k = 0; k < sizes[i]; k++) stored[k] = Short.toUnsignedInt(bin.getShort());
      assertThat(stored).as("document %d", i).isEqualTo(expected);
      tokens += sizes[i];
    }
    assertThat(tokens).isEqualTo(s.tokens());
    assertThat(bin.capacity()).isEqualTo(tokens * 2);
    JsonNode summary = new ObjectMapper().readTree(out.resolve(TokenExport.SUMMARY_FILE).toFile());
    assertThat(summary.path("tokens").asLong()).isEqualTo(tokens);
    assertThat(summary.path("format").asText()).isEqualTo("megatron");
  }

  @Test
  void datatroveFilesRollAtTheTokenLimit(@TempDir Path out) throws IOException {
    TokenCounter t = HuggingFaceTokens.open(TOKENIZER);
    TokenExport.Summary s = new TokenExport(t, new TokenExport.Options(ExportFormat.DATATROVE, "text", null, 20_000, 1000))
        .run(List.of(SAMPLE), out, false);
    List<String> texts = sampleTexts();
    long expectedTokens = texts.stream().mapToLong(t::count).sum();
    assertThat(s.tokens()).isEqualTo(expectedTokens);
    long shards = s.files().stream().filter(f -> f.endsWith(".ds")).count();
    assertThat(shards).isGreaterThanOrEqualTo(expectedTokens / 20_000);
    int doc = 0;
    for (int shard = 0; shard < shards; shard++) {
      String name = String.format("part-%05d", shard);
      ByteBuffer ds = ByteBuffer.wrap(Files.readAllBytes(out.resolve(name + ".ds"))).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(out.resolve(name + ".ds.index"))).order(ByteOrder.LITTLE_ENDIAN);
      if (index.capacity() > 8) assertThat(ds.capacity() / 2).as("a shard of several documents stays within the limit").isLessThanOrEqualTo(20_000);
      long start = 0;
      while (index.hasRemaining()) {
        long end = index.getLong();
        int[] stored = new int[(int) (end - start)];
        for (int k = 0; k < stored.length; k++) stored[k] = Short.toUnsignedInt(ds.getShort());
        assertThat(stored).as("document %d", doc).isEqualTo(t.encode(texts.get(doc)));
        start = end;
        doc++;
      }
      List<String> metadata = Files.readAllLines(out.resolve(name + ".ds.metadata"));
      assertThat(metadata.get(0)).isEqualTo(t.name());
      assertThat(Long.parseLong(metadata.get(1))).isEqualTo(start);
    }
    assertThat(doc).isEqualTo(texts.size());
  }

  @Test
  void wideVocabulariesUseFourByteIds(@TempDir Path out) throws IOException {
    TokenCounter t = Tokenizers.open("o200k_base");
    new TokenExport(t, new TokenExport.Options(ExportFormat.MEGATRON, "text", "<|endoftext|>", 0, 100)).run(List.of(SAMPLE), out, false);
    byte[] idx = Files.readAllBytes(out.resolve("part-00000.idx"));
    assertThat(idx[17]).isEqualTo((byte) 4); // int32
    long tokens = sampleTexts().stream().mapToLong(x -> t.count(x) + 1).sum();
    assertThat(Files.size(out.resolve("part-00000.bin"))).isEqualTo(tokens * 4);
  }

  @Test
  void aFinishedExportIsNotOverwrittenUnlessAsked(@TempDir Path out) throws IOException {
    TokenCounter t = HuggingFaceTokens.open(TOKENIZER);
    TokenExport small = new TokenExport(t, new TokenExport.Options(ExportFormat.DATATROVE, "text", null, 5_000, 100));
    small.run(List.of(SAMPLE), out, false);
    long before;
    try (var files = Files.list(out)) {
      before = files.count();
    }
    assertThatThrownBy(() -> small.run(List.of(SAMPLE), out, false)).hasMessageContaining("--overwrite");
    // one shard replaces many: none of the earlier shards may stay behind to mix with it
    new TokenExport(t, new TokenExport.Options(ExportFormat.DATATROVE, "text", null, 0, 100)).run(List.of(SAMPLE), out, true);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("part-00000.ds", "part-00000.ds.index", "part-00000.ds.metadata", "tokens.json");
    }
    assertThat(before).isGreaterThan(4);
  }

  @Test
  void anUnknownEndTokenIsRefused() throws IOException {
    TokenCounter t = HuggingFaceTokens.open(TOKENIZER);
    assertThatThrownBy(() -> new TokenExport(t, new TokenExport.Options(ExportFormat.MEGATRON, "text", "</s>", 0, 100)))
        .hasMessageContaining("</s>").hasMessageContaining("byte-level-bpe.json");
  }
}
