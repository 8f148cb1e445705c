package io.winnow.step.decontam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.winnow.io.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads benchmark test sets in their published layouts into {@link BenchmarkItem}s:
 *
 * <ul>
 *   <li>{@code gsm8k}: JSONL {@code question}, {@code answer} (calculator annotations {@code <<…>>} removed);
 *   <li>{@code humaneval}: JSONL(.gz) {@code prompt} + {@code canonical_solution}, and {@code test};
 *   <li>{@code mmlu}: CSV rows (question, 4 choices, answer letter), one file, a directory or a .tar.gz of them;
 *   <li>{@code truthfulqa}: CSV with a header ({@code Question}, {@code Best Answer});
 *   <li>{@code icl}: the in-context-learning JSONL layouts ({@code query}/{@code choices}/{@code gold},
 *       {@code context}/{@code continuation}, {@code context_options}/{@code continuation}/{@code gold},
 *       {@code context}/{@code answer}[/{@code chain_of_thought}]);
 *   <li>{@code generic}: JSONL or CSV with a header, and the list of fields that hold the text.
 * </ul>
 *
 * {@code auto} tells the layout from the file name and its first record. Each item keeps the question together
 * with its answer, so a page that copies both is caught, and one that copies the question alone too.
 */
public final class BenchmarkFiles {
  public static final List<String> FORMATS = List.of("auto", "gsm8k", "humaneval", "mmlu", "truthfulqa", "icl", "generic");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchmarkFiles() {}

  /** Reads a file, or every benchmark file under a directory (each named after its file). */
  public static List<BenchmarkItem> read(Path path, String name, String format, List<String> fields) throws IOException {
    if (Files.isDirectory(path)) {
      List<BenchmarkItem> all = new ArrayList<>();
      List<Path> files;
      try (Stream<Path> s = Files.walk(path)) {
        files = s.filter(Files::isRegularFile).filter(BenchmarkFiles::isBenchmarkFile).sorted().toList();
      }
      for (Path f : files) all.addAll(read(f, null, format, fields));
      return all;
    }
    if (!Files.exists(path)) throw new IOException("benchmark file " + path + " does not exist");
    String benchmark = name != null ? name : nameOf(path);
    String layout = format.equals("auto") ? detect(path) : format;
    try {
      return switch (layout) {
        case "gsm8k" -> gsm8k(path, benchmark);
        case "humaneval" -> humaneval(path, benchmark);
        case "mmlu" -> mmlu(path, benchmark);
        case "truthfulqa" -> truthfulqa(path, benchmark);
        case "icl" -> icl(path, benchmark);
        case "generic" -> generic(path, benchmark, fields);
        default -> throw new IOException(path + ": unknown benchmark format " + layout + "; allowed: " + FORMATS);
      };
    } catch (RuntimeException e) {
      throw new IOException(path + ": cannot read as " + layout + ": " + e.getMessage(), e);
    }
  }

  static boolean isBenchmarkFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".json") || n.endsWith(".csv")
        || n.endsWith(".tar.gz") || n.endsWith(".tgz");
  }

  /** The file's stem, or its folder's name for generic stems such as test.jsonl. */
  static String nameOf(Path p) {
    String stem = p.getFileName().toString().replaceAll("(\\.(jsonl|json|csv|gz|tar|tgz|zst))+$", "");
    if (stem.matches("(?i)test|tests|data|dev|validation|eval") && p.getParent() != null) return p.getParent().getFileName().toString();
    return stem;
  }

  static String detect(Path p) throws IOException {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) return "mmlu";
    if (n.endsWith(".csv")) {
      String header = Files.newBufferedReader(p).readLine();
      return header != null && header.contains("Best Answer") ? "truthfulqa" : "mmlu";
    }
    JsonNode first = firstRecord(p);
    if (first == null) throw new IOException(p + ": empty benchmark file");
    if (first.has("prompt") && first.has("canonical_solution")) return "humaneval";
    if (first.has("question") && first.has("answer")) return "gsm8k";
    if (first.has("query") || first.has("context") || first.has("context_options")) return "icl";
    throw new IOException(p + ": cannot tell the benchmark layout from fields " + fieldNames(first) + "; set format: generic and fields: [...]");
  }

  private static String fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }

  private static JsonNode firstRecord(Path p) throws IOException {
    try (MappingIterator<JsonNode> it = jsonl(p)) {
      return it.hasNext() ? it.next() : null;
    }
  }

  private static MappingIterator<JsonNode> jsonl(Path p) throws IOException {
    InputStream in = Compression.forName(p.toString()).decompress(Files.newInputStream(p));
    return JSON.readerFor(JsonNode.class).readValues(in);
  }

  private static List<BenchmarkItem> gsm8k(Path p, String name) throws IOException {
    List<BenchmarkItem> items = new ArrayList<>();
    try (MappingIterator<JsonNode> it = jsonl(p)) {
      for (int i = 1; it.hasNext(); i++) {
        JsonNode r = it.next();
        String answer = r.path("answer").asText().replaceAll("<<[^>]*>>", "");
        items.add(new BenchmarkItem(name, name + "/" + i, List.of(r.path("question").asText() + "\n" + answer)));
      }
    }
    return items;
  }

  private static List<BenchmarkItem> humaneval(Path p, String name) throws IOException {
    List<BenchmarkItem> items = new ArrayList<>();
    try (MappingIterator<JsonNode> it = jsonl(p)) {
      for (int i = 1; it.hasNext(); i++) {
        JsonNode r = it.next();
        String id = r.has("task_id") ? r.get("task_id").asText() : name + "/" + i;
        items.add(new BenchmarkItem(name, id, List.of(r.path("prompt").asText() + r.path("canonical_solution").asText(),
            r.path("test").asText())));
      }
    }
    return items;
  }

  private static List<BenchmarkItem> mmlu(Path p, String name) throws IOException {
    List<BenchmarkItem> items = new ArrayList<>();
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      mmluCsv(Files.readAllBytes(p), name, nameOf(p), items);
      return items;
    }
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Compression.GZIP.decompress(Files.newInputStream(p)))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        if (e.isDirectory() || !e.getName().endsWith(".csv")) continue;
        String subject = Path.of(e.getName()).getFileName().toString().replaceAll("(_test)?\\.csv$", "");
        mmluCsv(tar.readAllBytes(), name, subject, items);
      }
    }
    return items;
  }

  private static void mmluCsv(byte[] csv, String name, String subject, List<BenchmarkItem> items) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(new ByteArrayInputStream(csv))) {
      for (int i = 1; rows.hasNext(); i++) {
        List<String> row = rows.next();
        if (row.size() < 6) continue;
        int answer = "ABCD".indexOf(row.get(5).trim());
        String text = row.get(0) + (answer >= 0 ? "\n" + row.get(1 + answer) : "");
        items.add(new BenchmarkItem(name, name + "/" + subject + "/" + i, List.of(text)));
      }
    }
  }

  private static List<BenchmarkItem> truthfulqa(Path p, String name) throws IOException {
    List<BenchmarkItem> items = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
        .with(mapper.schemaWithHeader()).readValues(p.toFile())) {
      for (int i = 1; rows.hasNext(); i++) {
        Map<String, String> r = rows.next();
        items.add(new BenchmarkItem(name, name + "/" + i, List.of(r.getOrDefault("Question", "") + "\n" + r.getOrDefault("Best Answer", ""))));
      }
    }
    return items;
  }

  private static List<BenchmarkItem> icl(Path p, String name) throws IOException {
    List<BenchmarkItem> items = new ArrayList<>();
    try (MappingIterator<JsonNode> it = jsonl(p)) {
      for (int i = 1; it.hasNext(); i++) {
        JsonNode r = it.next();
        List<String> texts = new ArrayList<>();
        int gold = r.path("gold").asInt(0);
        if (r.has("query")) {
          JsonNode choices = r.path("choices");
          texts.add(r.get("query").asText() + (choices.has(gold) ? " " + choices.get(gold).asText() : ""));
        } else if (r.has("context_options")) {
          texts.add(r.get("context_options").path(gold).asText() + " " + r.path("continuation").asText());
        } else if (r.has("context")) {
          String tail = r.has("continuation") ? r.get("continuation").asText() : r.path("answer").asText();
          texts.add(r.get("context").asText() + " " + tail);
          if (r.has("chain_of_thought")) texts.add(r.get("chain_of_thought").asText());
        } else {
          throw new IllegalArgumentException("record " + i + " has none of query, context, context_options");
        }
        items.add(new BenchmarkItem(name, name + "/" + i, texts));
      }
    }
    return items;
  }

  private static List<BenchmarkItem> generic(Path p, String name, List<String> fields) throws IOException {
    if (fields == null || fields.isEmpty()) throw new IOException(p + ": format generic needs 'fields' (the fields that hold the text)");
    List<BenchmarkItem> items = new ArrayList<>();
    Iterator<JsonNode> rows;
    if (p.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      CsvMapper mapper = new CsvMapper();
      rows = mapper.readerFor(JsonNode.class).with(mapper.schemaWithHeader()).readValues(p.toFile());
    } else {
      rows = jsonl(p);
    }
    for (int i = 1; rows.hasNext(); i++) {
      JsonNode r = rows.next();
      StringBuilder sb = new StringBuilder();
      for (String f : fields) {
        JsonNode v = r.get(f);
        if (v == null) continue;
        if (v.isArray()) v.forEach(x -> sb.append(x.asText()).append('\n'));
        else sb.append(v.asText()).append('\n');
      }
      items.add(new BenchmarkItem(name, name + "/" + i, List.of(sb.toString())));
    }
    return items;
  }
}
