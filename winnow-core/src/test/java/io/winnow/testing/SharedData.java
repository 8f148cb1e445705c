package io.winnow.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Locates the shared data folder ({@code ../shared} beside the project root). Tests that need it call
 * {@link #require(String)}, which skips the test with a message on a clone that does not have it.
 */
public final class SharedData {
  private SharedData() {}

  public static Path root() {
    String configured = System.getProperty("winnow.shared");
    if (configured != null && Files.isDirectory(Path.of(configured))) return Path.of(configured).normalize();
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("spec"))) return candidate;
    }
    return Path.of("../shared");
  }

  /** The file under the shared folder, or a skipped test when it is absent. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), "skipped: " + p + " not found (the shared data folder is not beside this clone)");
    return p;
  }

  /** Reads a gzipped JSONL file into a list of trees. */
  public static List<JsonNode> readJsonlGz(Path path) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) rows.add(json.readTree(line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  public static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
