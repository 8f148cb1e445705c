package io.winnow.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Builds the whole-process benchmark corpus: the real Common Crawl and CCNet documents of the shared data plus
 * the human and machine texts of the AI-text set, repeated (with new ids) until the file reaches the target
 * size. Deterministic.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.WebCorpus ../shared out/web-200mb.jsonl 200</pre>
 */
public final class WebCorpus {
  private WebCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: WebCorpus SHARED_DIR OUT.jsonl SIZE_MB");
      System.exit(2);
    }
    Path shared = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long target = Long.parseLong(args[2]) << 20;
    List<String> texts = load(shared);
    ObjectMapper json = new ObjectMapper();
    long bytes = 0;
    long docs = 0;
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
         JsonGenerator g = json.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setRootValueSeparator(null); // lines end with their own '\n'; Jackson's default space would begin each next one
      for (int round = 0; bytes < target; round++) {
        for (int i = 0; i < texts.size() && bytes < target; i++) {
          g.writeStartObject();
          g.writeStringField("id", "r" + round + "-" + i);
          g.writeStringField("text", texts.get(i));
          g.writeEndObject();
          g.writeRaw('\n');
          bytes = approx(bytes, texts.get(i));
          docs++;
        }
      }
    }
    System.out.printf("%s: %,d documents, %,d bytes from %,d distinct texts%n", out, docs, Files.size(out), texts.size());
  }

  /** Size grows by about the text plus the JSON around it; the target is a lower bound, not exact. */
  private static long approx(long sofar, String text) {
    return sofar + text.length() + 40;
  }

  static List<String> load(Path shared) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    Path web = shared.resolve("data/web");
    try (Stream<Path> files = Files.list(web)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) texts.add(json.readTree(line).get("text").asText());
        }
      }
    }
    Path ai = shared.resolve("data/ai-text/fast-detect-gpt");
    try (Stream<Path> files = Files.walk(ai)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".raw_data.json")).sorted().toList()) {
        JsonNode root = json.readTree(f.toFile());
        for (String field : new String[] {"original", "sampled"}) root.path(field).forEach(n -> texts.add(n.asText()));
      }
    }
    return texts;
  }
}
