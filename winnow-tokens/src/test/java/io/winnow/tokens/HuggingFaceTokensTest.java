package io.winnow.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.report.TokenCounter;
import io.winnow.report.Tokenizers;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceTokensTest {
  static final Path BYTE_LEVEL = ShippedSample.BYTE_LEVEL;
  static final Path METASPACE = ShippedSample.METASPACE;

  @Test
  void countsMatchTheReferenceLibraryOnShippedTexts() throws IOException {
    assertMatchesReference(ReferenceCounts.read("/tokenizers/reference-counts.tsv", Path.of("../examples/data")), 200);
  }

  @Test
  void countsMatchTheReferenceLibraryOnSharedTexts() throws IOException {
    Path data = SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz").getParent().getParent();
    assertMatchesReference(ReferenceCounts.read("/tokenizers/reference-counts-shared.tsv", data), 18_000);
  }

  private static void assertMatchesReference(List<ReferenceCounts> sources, int atLeast) throws IOException {
    TokenCounter[] tokenizers = {HuggingFaceTokens.open(BYTE_LEVEL), HuggingFaceTokens.open(METASPACE)};
    int texts = 0;
    List<String> differences = new ArrayList<>();
    for (ReferenceCounts r : sources) {
      for (int t = 0; t < tokenizers.length; t++) {
        for (int i = 0; i < r.texts().size(); i++) {
          int count = tokenizers[t].count(r.texts().get(i));
          if (count != r.counts()[t][i]) differences.add(r.source() + " #" + i + " " + tokenizers[t].name() + ": " + count + " != " + r.counts()[t][i]);
        }
      }
      texts += r.texts().size();
    }
    assertThat(texts).isGreaterThanOrEqualTo(atLeast);
    assertThat(differences).isEmpty();
  }

  @Test
  void encodesWithoutSpecialTokensAndResolvesThem() throws IOException {
    HuggingFaceTokens t = HuggingFaceTokens.open(BYTE_LEVEL);
    int[] ids = t.encode("Hello world");
    assertThat(ids).hasSize(t.count("Hello world")).isNotEmpty();
    int eos = t.tokenId("<|endoftext|>");
    assertThat(eos).isEqualTo(t.vocabularySize() - 1);
    assertThat(ids).doesNotContain(eos);
    // a special token written in the text is one token, as the reference library reads it
    assertThat(t.encode("a<|endoftext|>b")).contains(eos);
    assertThat(t.tokenId("no such token at all")).isEqualTo(-1);
    // the metaspace model falls back to bytes instead of an unknown token
    HuggingFaceTokens m = HuggingFaceTokens.open(METASPACE);
    assertThat(m.encode("東京 🙂")).doesNotContain(m.tokenId("<unk>"));
  }

  @Test
  void aRunCountsTokensWithATokenizerFile() {
    TokenCounter t = Tokenizers.open(BYTE_LEVEL.toString());
    assertThat(t).isInstanceOf(HuggingFaceTokens.class);
    assertThat(t.count("the quick brown fox")).isPositive();
    assertThat(Tokenizers.open("o200k_base").count("the quick brown fox")).isEqualTo(4);
    assertThat(Tokenizers.open("none")).isNull();
  }

  @Test
  void badFilesAreNamed(@TempDir Path dir) throws IOException {
    Path broken = Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": ");
    assertThatThrownBy(() -> HuggingFaceTokens.open(broken)).hasMessageContaining(broken.toString());
    Path noModel = Files.writeString(dir.resolve("other.json"), "{\"version\": \"1.0\"}");
    assertThatThrownBy(() -> HuggingFaceTokens.open(noModel)).hasMessageContaining(noModel.toString());
    assertThat(Tokenizers.problem(dir.resolve("missing.json").toString())).contains("no such file");
    assertThat(Tokenizers.problem("llama-3")).contains("unknown tokenizer").contains("nothing is downloaded");
    // a folder stands for the tokenizer.json inside it
    assertThat(Tokenizers.problem(dir.toString())).isNull();
  }
}
