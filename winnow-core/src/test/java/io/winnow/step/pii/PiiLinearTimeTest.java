package io.winnow.step.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Adversarial inputs of 1 MB finish in seconds (the quadratic patterns took minutes), and the scanners that
 * replace the quadratic expressions find exactly what those expressions found, on seeded random text.
 */
class PiiLinearTimeTest {
  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final int MB = 1 << 20;
  private final PiiRedactor pii = new PiiRedactor(PiiRedactor.Config.from(new Params("pii", new LinkedHashMap<>())));

  private String redact(String s) {
    Verdict v = assertTimeoutPreemptively(GENEROUS, () -> pii.apply(Document.of("d", s)));
    return v.action() == Action.MODIFY ? v.newText() : s;
  }

  @Test
  void jwtStartsWithoutSeparators() {
    String s = "eyJ-".repeat(MB / 4);
    assertThat(redact(s)).isEqualTo(s);
  }

  @Test
  void jwtWithTwoPartsOnly() {
    String s = ("eyJ" + "a".repeat(20) + ".").repeat(MB / 24) + "eyJ";
    assertThat(redact(s)).isNotNull();
  }

  @Test
  void privateKeyHeadersWithoutFooter() {
    String s = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n".repeat(MB / 37);
    assertThat(redact(s)).isEqualTo(s);
  }

  @Test
  void manyMatchesAreEachCheckedForOverlapCheaply() {
    String s = "8.8.8.8 ".repeat(MB / 8);
    assertThat(redact(s)).isEqualTo("<IP_ADDRESS> ".repeat(MB / 8));
  }

  @Test
  void otherPatternsOnRepeatedCharactersAndGiantWords() {
    for (String s : List.of("a".repeat(MB), "a@" + "a.".repeat(MB / 2), "1".repeat(MB), ":".repeat(MB),
        "a:".repeat(MB / 2), "token" + " ".repeat(MB), "sk_live_" + "a".repeat(MB) + "_", "+1 ".repeat(MB / 3),
        "-----BEGIN " + "A ".repeat(MB / 2), "x.".repeat(MB / 2), "GB82 ".repeat(MB / 5)))
      redact(s);
  }

  // ------------------------------------------------------------------ same matches as the old expressions

  private static final Pattern OLD_JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{10,}");
  private static final Pattern OLD_PRIVATE_KEY = Pattern.compile(
      "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");

  private static List<Integer> regexMatches(Pattern p, String s) {
    List<Integer> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(m.start());
      out.add(m.end());
    }
    return out;
  }

  private interface Finder {
    SecretScanners.Found next(int from);
  }

  private static List<Integer> scannerMatches(Finder f) {
    List<Integer> out = new ArrayList<>();
    for (SecretScanners.Found x = f.next(0); x.exists(); x = f.next(x.end())) {
      out.add(x.start());
      out.add(x.end());
    }
    return out;
  }

  private static String randomOf(Random r, String[] pieces, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(pieces[r.nextInt(pieces.length)]);
    return sb.toString();
  }

  @Test
  void jwtScannerFindsWhatTheExpressionFound() {
    Random r = new Random(7);
    String[] pieces = {"eyJ", "abcdefghij", "ab", "_", "-", ".", " ", "x", "é", "eyJhbGciOiJIUzI1NiJ9", "\n"};
    for (int i = 0; i < 20_000; i++) {
      String s = randomOf(r, pieces, r.nextInt(30));
      assertThat(scannerMatches(new SecretScanners.Jwt(s)::next)).as(s).isEqualTo(regexMatches(OLD_JWT, s));
    }
  }

  @Test
  void privateKeyScannerFindsWhatTheExpressionFound() {
    Random r = new Random(11);
    String[] pieces = {"-----BEGIN ", "-----END ", "RSA ", "A1 ", "PRIVATE KEY", " BLOCK", "-----", "-", "\n", "x",
        "PRIVATE ", "KEY", " "};
    for (int i = 0; i < 20_000; i++) {
      String s = randomOf(r, pieces, r.nextInt(30));
      assertThat(scannerMatches(new SecretScanners.PrivateKey(s)::next)).as(s)
          .isEqualTo(regexMatches(OLD_PRIVATE_KEY, s));
    }
  }
}
