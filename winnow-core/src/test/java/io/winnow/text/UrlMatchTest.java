package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link UrlMatch} decides exactly what the full url.regex decides (run by java.util.regex, as before). */
class UrlMatchTest {
  private static final String REGEX = resource();
  private static final Pattern FULL = Pattern.compile(REGEX, Pattern.UNICODE_CHARACTER_CLASS);
  private final UrlMatch.Scanner scanner = new UrlMatch(REGEX).scanner();

  private static String resource() {
    try (InputStream in = UrlMatchTest.class.getResourceAsStream("/winnow/text/en/url.regex")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void handPickedTexts() {
    for (String s : List.of("a.com", "www.example.org", "http://example.com/x?y#z", "https://user:pw@example.co.uk:8080/p",
        "user@mail.example.com", "ftp://1.2.3.4", "10.1.1.1", "192.168.0.1", "8.8.8.8:53", "223.255.255.254",
        "a.b", "a.bc", "a..bc", ".com", "a.com.", "a.com:1", "a.com:12", "a.com:123456", "a.com:80/x",
        "a-.com", "-a.com", "a_b.com", "x" + "y".repeat(63) + ".com", "x" + "y".repeat(62) + ".com",
        "a." + "c".repeat(63), "a." + "c".repeat(64), "http://", "http://a", "h://a.com", "hh://a.com",
        "a@b@c.com", "@a.com", "a@.com", "a.com@", "a:b@c.de", "münchen.de", "例子.中国", "a.😀😀", "a.𠀀𠀀",
        "e.g.", "U.S.", "3.14", "1.2.3", "a.b.c.de", "Mr.Smith", "x.y/z", "x.yz/", "x.yz#", "x.yz?q")) {
      assertThat(scanner.matches(s)).as(s).isEqualTo(full(s));
    }
  }

  /** Every whitespace-free chunk of the golden texts that has a dot, and the chunk less up to 3 characters at either end. */
  @Test
  void vectorChunks() {
    Set<String> chunks = new LinkedHashSet<>();
    for (String file : List.of("spec/vectors/tokens-tricky.jsonl.gz", "spec/vectors/filters-dev.jsonl.gz")) {
      for (JsonNode row : SharedData.readJsonlGz(SharedData.require(file))) {
        String text = row.get("text").asText();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
          boolean space = i == text.length() || PyText.isSpace(text.charAt(i));
          if (!space && start < 0) start = i;
          if (space && start >= 0) {
            String c = text.substring(start, i);
            start = -1;
            if (c.indexOf('.') < 0 || c.length() > 1000) continue;
            for (int a = 0; a <= 3 && a < c.length(); a++) {
              for (int b = 0; b <= 3 && a + b < c.length(); b++) chunks.add(c.substring(a, c.length() - b));
            }
          }
        }
      }
    }
    List<String> differ = new ArrayList<>();
    int[] urls = new int[1];
    withLargeStack(() -> {
      for (String c : chunks) {
        boolean expected = full(c);
        if (expected) urls[0]++;
        if (scanner.matches(c) != expected && differ.size() < 20) differ.add(c);
      }
    });
    System.out.printf("url match: %d chunks, %d URLs, %d differ%n", chunks.size(), urls[0], differ.size());
    assertThat(differ).isEmpty();
    assertThat(urls[0]).isGreaterThan(100);
  }

  /** Random texts built of URL pieces and characters at the edges of the pattern's classes. */
  @Test
  void randomTexts() {
    String[] pieces = {"a", "Z", "x", "ab", "com", "org", "co", "0", "1", "9", "10", "127", "169", "254", "192", "168",
        "172", "16", "255", "25", ".", ".", ".", ":", "://", "/", "//", "?", "#", "@", "-", "_", "+", "é", "ж", "中",
        "ー", "\u00a1", "\u200b", "\uffff", "😀", "𠀀", "١", "𝟎", "\ud800", "\udc00", "%", "=", "&", "'", "\"", "(",
        ")", ",", "ß", "σ", "http", "https", "www", "ftp", "mailto:"};
    Random r = new Random(11);
    List<String> differ = new ArrayList<>();
    int[] urls = new int[1];
    withLargeStack(() -> {
      for (int k = 0; k < 300_000; k++) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(14);
        for (int i = 0; i < n; i++) sb.append(pieces[r.nextInt(pieces.length)]);
        if (r.nextInt(3) == 0) sb.append('.').append(r.nextBoolean() ? "com" : "de");
        if (r.nextInt(4) == 0) sb.insert(0, r.nextBoolean() ? "http://" : "u@");
        String s = sb.toString();
        if (s.indexOf('.') < 0) continue;
        boolean expected = full(s);
        if (expected) urls[0]++;
        if (scanner.matches(s) != expected && differ.size() < 20) differ.add(s);
      }
    });
    System.out.printf("url match: %d random URLs, %d differ%n", urls[0], differ.size());
    assertThat(differ).isEmpty();
    assertThat(urls[0]).isGreaterThan(10_000);
  }

  @Test
  void adversarialTextsAreLinear() {
    int n = 1 << 20;
    List<String> texts = List.of("a.".repeat(n / 2) + "com", "a:".repeat(n / 2) + "a.b", "a@".repeat(n / 2) + "a.com",
        "@.".repeat(n / 2), "a.com:1/".repeat(n / 8), "1.".repeat(n / 2), "a" + "-".repeat(n) + "a.com",
        "http://" + "a".repeat(n) + ".com", "a".repeat(n) + ".com");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String t : texts) scanner.matches(t);
    });
    assertThat(scanner.matches("a.".repeat(n / 2) + "com")).isTrue();
    assertThat(scanner.matches("http://" + "a".repeat(n) + ".com")).isFalse(); // a label has at most 64 characters
  }

  private static boolean full(String s) {
    Matcher m = FULL.matcher(s);
    return m.lookingAt();
  }

  /** The full regex recurses once per label: give it room on chunks of up to 1000 characters. */
  private static void withLargeStack(Runnable r) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        r.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "url-regex", 512L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (failure.get() instanceof Error e) throw e;
    if (failure.get() instanceof RuntimeException e) throw e;
  }
}
