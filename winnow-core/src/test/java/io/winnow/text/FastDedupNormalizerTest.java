package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FastDedupNormalizerTest {
  private final FastDedupNormalizer normalizer = new FastDedupNormalizer();

  @Test
  void equalsTheDedupNormalizerOnTheShippedTexts() throws IOException {
    ObjectMapper json = new ObjectMapper();
    int plain = 0;
    int texts = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; texts++) {
        String text = json.readTree(l).get("text").asText();
        assertThat(normalizer.normalize(text)).isEqualTo(DedupNormalizer.normalize(text));
        if (normalizer.normalizePlain(text) != null) plain++;
      }
    }
    assertThat(plain).as("texts on the one-pass path").isGreaterThan(texts / 2);
  }

  @Test
  void equalsTheDedupNormalizerOnRandomMixturesOfTheCasesItHandlesOrHandsOver() {
    // digits and both ASCII separators, the non-ASCII separators and digits, punctuation and whitespace in and
    // outside ASCII, case, accents, other scripts, control characters, surrogate pairs and a lone surrogate
    String[] pieces = {"0", "7", "42", ".", ",", "1.5", "2,000", "3.", ",4", "a", "Z", "Word", " ", "  ", "\t", "\n",
        "!", "?", "-", "'", "(", ")", "$", "%", "\u0001", "\u007f", "x0y", "km",
        // outside ASCII: separators and digits of other scripts, punctuation and spaces, letters with case,
        // accents (precomposed and combining), other scripts, marks, surrogates
        "،", "٫", "⎖", "٣", "١٢", "\u00a0", "\u2009", "\u3000", "’", "“", "”", "—", "…", "\u037e", "İ", "É", "é",
        "e\u0301", "\u0301", " \u0301 ", "ß", "Σ", "σ", "ς", "ΆΛΦΑ", "Привет", "Й", "東京", "\uf900", "한국", "\u0903",
        "\u20dd", "\u212b", "\u212a", "²", "Ａ", "ǅ", "😀", "𝄞", "\ud800", "\udc00", "\ud83d\ude00\u0301"};
    SplittableRandom r = new SplittableRandom(11);
    int plain = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(12); k >= 0; k--) sb.append(pieces[r.nextInt(t % 2 == 0 ? pieces.length : 28)]);
      String text = sb.toString();
      assertThat(normalizer.normalize(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(DedupNormalizer.normalize(text));
      if (normalizer.normalizePlain(text) != null) plain++;
    }
    assertThat(plain).isBetween(1_000, 19_000);
  }
}
