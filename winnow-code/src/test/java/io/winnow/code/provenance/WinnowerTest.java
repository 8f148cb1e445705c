package io.winnow.code.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WinnowerTest {
  static TokenStream stream(long[] tokens) {
    TokenStream ts = new TokenStream();
    for (long t : tokens) ts.add(t, 1);
    return ts;
  }

  static Set<Long> hashes(Fingerprints f) {
    Set<Long> s = new HashSet<>();
    for (int i = 0; i < f.size(); i++) s.add(f.hashes()[i]);
    return s;
  }

  /** Random tokens from a small alphabet (low entropy, as abstracted code is), with a shared run planted. */
  @ParameterizedTest
  @CsvSource({"5, 4, 3", "12, 12, 8", "20, 12, 2", "1, 1, 5", "3, 30, 4"})
  void anySharedRunOfTTokensSharesAFingerprint(int k, int w, int alphabet) {
    Random rnd = new Random(31L * k + w);
    Winnower winnower = new Winnower(k, w, Winnower.DEFAULT_SEED);
    int t = winnower.guaranteeTokens();
    for (int trial = 0; trial < 300; trial++) {
      long[] shared = random(rnd, t + rnd.nextInt(3), alphabet);
      long[] a = concat(random(rnd, rnd.nextInt(200), alphabet), shared, random(rnd, rnd.nextInt(200), alphabet));
      long[] b = concat(random(rnd, rnd.nextInt(200), alphabet), shared, random(rnd, rnd.nextInt(200), alphabet));
      Fingerprints fa = new Fingerprints();
      Fingerprints fb = new Fingerprints();
      winnower.winnow(stream(a), fa);
      winnower.winnow(stream(b), fb);
      Set<Long> common = hashes(fa);
      common.retainAll(hashes(fb));
      assertThat(common).as("trial %d: a shared run of %d tokens", trial, shared.length).isNotEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 4", "12, 12", "20, 8"})
  void everyWindowHoldsASelectedFingerprintAndTheDensityIsAboutTwoOverWPlusOne(int k, int w) {
    Random rnd = new Random(7);
    long[] tokens = random(rnd, 100_000, 1 << 30);
    Winnower winnower = new Winnower(k, w, Winnower.DEFAULT_SEED);
    Fingerprints f = new Fingerprints();
    winnower.winnow(stream(tokens), f);
    int[] pos = f.positions();
    assertThat(pos[0]).isLessThan(w);
    for (int i = 1; i < f.size(); i++) assertThat(pos[i] - pos[i - 1]).isBetween(1, w);
    assertThat(tokens.length - k - pos[f.size() - 1]).isLessThan(w);
    double density = (double) f.size() / (tokens.length - k + 1);
    assertThat(density).isBetween(0.85 * 2.0 / (w + 1), 1.15 * 2.0 / (w + 1));
  }

  /**
   * A periodic stretch (a table) has as many distinct k-grams as its period. Robust winnowing keeps the
   * selected minimum while it is in the window, so a new fingerprint is taken only when it leaves: about one
   * per w − period tokens, where choosing the rightmost minimum would take one per period.
   */
  @ParameterizedTest
  @CsvSource({"5, 12", "12, 12", "8, 30"})
  void robustWinnowingKeepsItsSelectionThroughARepeatedPattern(int k, int w) {
    int period = 3;
    long[] tokens = new long[6000];
    for (int i = 0; i < tokens.length; i++) tokens[i] = CodeLexer.mix(i % period);
    Fingerprints f = new Fingerprints();
    new Winnower(k, w, Winnower.DEFAULT_SEED).winnow(stream(tokens), f);
    assertThat(hashes(f).size()).isLessThanOrEqualTo(period);
    assertThat(f.size()).isLessThanOrEqualTo(tokens.length / (w - period) + 2);
  }

  @ParameterizedTest
  @CsvSource({"5, 4", "12, 12"})
  void shortTextsGiveTheirMinimumAndTextsShorterThanKNone(int k, int w) {
    Winnower winnower = new Winnower(k, w, Winnower.DEFAULT_SEED);
    Fingerprints f = new Fingerprints();
    winnower.winnow(stream(random(new Random(1), k - 1, 10)), f);
    assertThat(f.size()).isZero();
    winnower.winnow(stream(random(new Random(1), k + w / 2, 10)), f);
    assertThat(f.size()).isEqualTo(1);
  }

  static long[] random(Random rnd, int n, int alphabet) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) t[i] = CodeLexer.mix(rnd.nextInt(alphabet) + 1);
    return t;
  }

  static long[] concat(long[]... parts) {
    int n = 0;
    for (long[] p : parts) n += p.length;
    long[] out = new long[n];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
