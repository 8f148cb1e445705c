package io.winnow.step.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working set of gopher_repetition is a small multiple of the document. Measured in a separate JVM with a
 * small heap, because only there does "needs 35 times the document" fail deterministically: an 8M-character
 * document of real English text with every rule evaluated (thresholds out of reach) must pass in 200 MB; it
 * needed ~280 MB before, mostly a table of powers as long as the document and substrings of every line.
 */
class LargeDocumentMemoryTest {
  static final int CHARS = 8 << 20;

  @TempDir Path dir;

  /** Run in the child JVM: exits 0 when the filter finished, 3 on OutOfMemoryError. */
  public static void main(String[] args) {
    StringBuilder sb = new StringBuilder(CHARS);
    List<JsonNode> rows = SharedData.readJsonlGz(Fixtures.path("filters-dev-300.jsonl.gz"));
    for (int i = 0; sb.length() < CHARS; i++) sb.append(rows.get(i % rows.size()).get("text").asText()).append("\n\n");
    sb.setLength(CHARS);
    rows = null;
    Document doc = Document.of("big", sb.toString());
    sb = null;
    GopherRepetitionFilter f = new GopherRepetitionFilter(new GopherRepetitionFilter.Config(1.0, 1.0, 1.0, 1.0,
        Map.of(2, 1.0, 3, 1.0, 4, 1.0), Map.of(5, 1.0, 6, 1.0, 7, 1.0, 8, 1.0, 9, 1.0, 10, 1.0)));
    try {
      Verdict v = f.apply(doc);
      System.out.println("gopher_repetition on " + CHARS + " chars: " + v.action());
      System.exit(0);
    } catch (OutOfMemoryError e) {
      System.exit(3);
    }
  }

  @Test
  void anEightMillionCharacterDocumentPassesIn200Mb() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(java, "-Xmx200m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "-Dwinnow.shared=" + System.getProperty("winnow.shared", ""), LargeDocumentMemoryTest.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) p.destroyForcibly();
    String output = Files.readString(log);
    assertThat(done).as("child finished: " + output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }
}
