package io.winnow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.HtmlCharset;
import io.winnow.step.extract.MainContentExtractor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Labelled human web text for training the machine-text detector: the main content of the trafilatura evaluation
 * pages (crawled before chat models), extracted by Winnow's own extractor, as JSONL with {@code label: human,
 * domain: web}. Usage: {@code HumanWebText <trafilatura-eval dir> > human-web.jsonl}.
 */
public final class HumanWebText {
  private HumanWebText() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    ObjectMapper json = new ObjectMapper();
    MainContentExtractor extractor = new MainContentExtractor();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    List<Path> files;
    try (var s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".gz")).sorted().toList();
    }
    for (Path f : files) {
      String html;
      try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        html = HtmlCharset.decode(in.readAllBytes(), null).text();
      }
      String text = extractor.extract(html, "").text();
      if (text.split("\\s+").length < 30) continue;
      ObjectNode o = json.createObjectNode();
      o.put("text", text);
      o.put("label", "human");
      o.put("domain", "web");
      o.put("group", "web:" + f.getFileName());
      out.println(json.writeValueAsString(o));
    }
    out.flush();
  }
}
