package io.winnow.step.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.testing.Fixtures;
import io.winnow.text.DedupNormalizer;
import io.winnow.text.EnglishWordSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;

/**
 * Signatures equal to the definition computed the plain way (words joined into strings, the library's hash,
 * {@code Long.remainderUnsigned}) on the shipped real texts and on non-ASCII ones, so the byte-range hashing
 * and the branch-free permutation loop are pinned without the shared golden vectors.
 */
class MinHasherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void signaturesFollowTheDefinitionOnRealAndNonAsciiTexts() throws IOException {
    List<String> texts = new ArrayList<>(fixtureTexts());
    texts.add("Привет мир, это тест: пять слов и ещё несколько слов подряд");
    texts.add("東京 大阪 京都 名古屋 札幌 福岡 神戸 — 𝄞 musical 🎵 notes and emoji 😀 in a row here");
    texts.add("don't can't won't gonna cannot 3km 10.5% U.S.A. e-mail co-operate rock'n'roll");
    texts.add("too short");
    MinHashParams params = MinHashParams.of(112, 1);
    for (MinHasher.ShingleHash hash : MinHasher.ShingleHash.values()) {
      MinHasher hasher = new MinHasher(5, MinHasher.Shingles.WORDS, hash, params, false);
      for (String t : texts) {
        assertThat(hasher.signature(t)).as("%s: %s", hash, t.substring(0, Math.min(60, t.length())))
            .isEqualTo(plainSignature(t, hash.function, params));
      }
    }
    assertThat(texts).hasSizeGreaterThan(300);
  }

  private static long[] plainSignature(String text, LongHashFunction hash, MinHashParams params) {
    String[] words = EnglishWordSplitter.get().words(DedupNormalizer.normalize(text));
    if (words.length < 5) return null;
    long[] sig = new long[params.a().length];
    Arrays.fill(sig, Long.MAX_VALUE);
    for (int i = 0; i + 5 <= words.length; i++) {
      long h = hash.hashBytes(String.join(" ", Arrays.copyOfRange(words, i, i + 5)).getBytes(StandardCharsets.UTF_8));
      for (int p = 0; p < sig.length; p++) {
        sig[p] = Math.min(sig[p], Long.remainderUnsigned(h * params.a()[p] + params.b()[p], MinHashParams.PRIME));
      }
    }
    return sig;
  }

  private static List<String> fixtureTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Fixtures.path("filters-dev-300.jsonl.gz"))), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) texts.add(JSON.readTree(l).get("text").asText());
    }
    return texts;
  }

  @Test
  void bothPermutationLoopsGiveTheDefinitionsMinima() {
    MinHashParams params = MinHashParams.of(112, 7);
    long[] a = params.a(), b = params.b();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    long[] hashes = new long[2000];
    for (int i = 0; i < hashes.length; i++) hashes[i] = rnd.nextLong();
    // hashes whose permuted value before the last reduction lies in [p, p + 7] for an odd multiplier's
    // permutation q: h * a[q] + b[q] ≡ p + k (mod 2^64), solved with a[q]'s inverse modulo 2^64
    int q = 0;
    while ((a[q] & 1) == 0) q++;
    long inverse = a[q];
    for (int i = 0; i < 6; i++) inverse *= 2 - a[q] * inverse;
    // (after the first hundred, when the minimum is already far below p: the value must still win)
    for (int k = 0; k < 8; k++) hashes[100 + k * 100] = (MinHashParams.PRIME + k - b[q]) * inverse;
    long[] branchFree = new long[a.length], branching = new long[a.length], plain = new long[a.length];
    Arrays.fill(branchFree, Long.MAX_VALUE);
    Arrays.fill(branching, Long.MAX_VALUE);
    Arrays.fill(plain, Long.MAX_VALUE);
    for (long h : hashes) {
      PermutationMinima.lowerBranchFree(branchFree, a, b, h);
      PermutationMinima.lowerBranching(branching, a, b, h);
      for (int p = 0; p < a.length; p++) plain[p] = Math.min(plain[p], Long.remainderUnsigned(h * a[p] + b[p], MinHashParams.PRIME));
    }
    assertThat(branchFree).isEqualTo(plain);
    assertThat(branching).isEqualTo(plain);
    assertThat(plain[q]).isZero(); // the edge values were reached: p reduces to 0
  }
}
