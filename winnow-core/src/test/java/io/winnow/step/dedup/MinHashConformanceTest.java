package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.testing.SharedData;
import io.winnow.text.DedupNormalizer;
import io.winnow.text.FastDedupNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Normalised text and signatures identical to the reference's for every document of the dev vectors. */
class MinHashConformanceTest {
  @Test
  void signaturesMatchTheReference() {
    List<JsonNode> rows = SharedData.readJsonlGz(SharedData.require("spec/vectors/minhash-dev.jsonl.gz"));
    MinHasher hasher = new MinHasher(5, MinHasher.Shingles.WORDS, MinHashParams.of(112, 1));
    FastDedupNormalizer plain = new FastDedupNormalizer();
    int normalized = 0;
    int plainNormalized = 0;
    int signatures = 0;
    List<String> diffs = new ArrayList<>();
    for (JsonNode row : rows) {
      String text = row.get("text").asText();
      if (DedupNormalizer.normalize(text).equals(row.get("normalized").asText())) normalized++;
      else if (diffs.size() < 5) diffs.add(row.get("id").asText() + " normalized differs");
      if (plain.normalize(text).equals(row.get("normalized").asText())) plainNormalized++;
      long[] sig = hasher.signature(text);
      JsonNode expected = row.get("signature");
      boolean same;
      if (expected == null || expected.isNull()) {
        same = sig == null;
      } else {
        same = sig != null && sig.length == expected.size();
        for (int i = 0; same && i < sig.length; i++) same = Long.toUnsignedString(sig[i]).equals(expected.get(i).asText());
      }
      if (same) signatures++;
      else if (diffs.size() < 10) diffs.add(row.get("id").asText() + " signature differs");
    }
    System.out.printf("minhash-dev: normalized %d / %d, signatures %d / %d%n", normalized, rows.size(), signatures, rows.size());
    diffs.forEach(System.out::println);
    assertThat(signatures).isEqualTo(rows.size());
    assertThat(normalized).isEqualTo(rows.size());
    assertThat(plainNormalized).isEqualTo(rows.size());
  }
}
