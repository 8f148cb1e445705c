package io.winnow.step.slop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.Compression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads labelled human/machine texts for training and evaluating the detector:
 * <ul>
 *   <li>JSONL (plain, .gz, .zst): {@code text}, {@code label} ({@code human} | {@code machine}, or 0 | 1), optional
 *       {@code domain}, {@code generator}, {@code group};</li>
 *   <li>paired {@code <domain>_<generator>.raw_data.json} files with {@code original} (human) and {@code sampled}
 *       (machine) lists, as published with Fast-DetectGPT. Each machine text there starts with its human text's
 *       opening words (the prompt); that shared prefix is stripped from both, or a detector would learn nothing
 *       real. A human text shared by several files is kept once.</li>
 *   <li>rewrite sets in the layout of L2R (Learning to Rewrite): a folder per domain holding {@code human.json}, a
 *       list of human texts, and one {@code <generator>.json} list per generator whose i-th text rewrites the i-th
 *       human text (so both share the group {@code <domain>:<i>}); a list shorter than the human one is aligned
 *       by content instead;</li>
 *   <li>machine-only generation results in the layout of EQ-Bench's slop-score ({@code {model: {samples: [{prompt_index,
 *       output}]}}}): fiction written to numbered prompts, domain {@code writing}, one group per prompt so
 *       that no prompt is split between training and test. Pair them with human fiction.</li>
 * </ul>
 * Directories are searched for every kind. Bad records fail with the file and line.
 */
public final class LabelledCorpus {
  private static final Pattern PAIRED_NAME = Pattern.compile("(.+?)_(.+)\\.raw_data\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledCorpus() {}

  public static List<LabelledText> read(List<Path> paths) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    Set<String> humanSeen = new HashSet<>();
    for (Path root : paths) {
      if (!Files.exists(root)) throw new IOException(root + ": no such file or directory");
      List<Path> files;
      try (var s = Files.walk(root)) {
        files = s.filter(Files::isRegularFile).filter(LabelledCorpus::readable).sorted().toList();
      }
      if (files.isEmpty()) throw new IOException(root + ": no labelled files (*.jsonl[.gz|.zst] or *.raw_data.json)");
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".raw_data.json")) readPaired(f, out, humanSeen);
        else if (name.equals(REWRITE_HUMAN)) readRewrites(f.getParent(), out);
        else if (name.endsWith(".json")) readGenerations(f, out);
        else readJsonl(f, out);
      }
    }
    return out;
  }

  /** The {@code text} fields of JSONL files (plain, .gz, .zst), e.g. a crawl known to be human. */
  public static List<String> readTexts(List<Path> files) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : files) forEachRecord(f, (o, where) -> out.add(o.get("text").asText()));
    return out;
  }

  private interface RecordHandler {
    void accept(JsonNode record, String where) throws IOException;
  }

  /** Each non-blank line of a JSONL file as a JSON object with a string {@code text}; errors name file and line. */
  private static void forEachRecord(Path f, RecordHandler handler) throws IOException {
    try (InputStream raw = Compression.forName(f.getFileName().toString()).decompress(Files.newInputStream(f));
        BufferedReader r = new BufferedReader(new java.io.InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        String where = f + ":" + n;
        JsonNode o;
        try {
          o = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IOException(where + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (!o.path("text").isTextual()) throw new IOException(where + ": no string field 'text'");
        handler.accept(o, where);
      }
    }
  }

  private static boolean readable(Path p) {
    String n = p.getFileName().toString();
    if (n.endsWith(".raw_data.json") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".jsonl.zst")) return true;
    if (!n.endsWith(".json")) return false;
    // in a rewrite folder, human.json stands for the whole folder; its generator files are read with it
    boolean rewriteFolder = Files.isRegularFile(p.resolveSibling(REWRITE_HUMAN));
    return rewriteFolder ? n.equals(REWRITE_HUMAN) : !n.equals("prompts.json") && !n.equals("package.json");
  }

  private static final String REWRITE_HUMAN = "human.json";

  private static void readRewrites(Path folder, List<LabelledText> out) throws IOException {
    String domain = folder.getFileName().toString();
    List<String> human = stringList(folder.resolve(REWRITE_HUMAN));
    for (int i = 0; i < human.size(); i++) {
      if (human.get(i).isBlank()) continue;
      out.add(new LabelledText(human.get(i).strip(), false, domain, LabelledText.HUMAN, domain + ":" + i, folder.resolve(REWRITE_HUMAN) + " #" + i));
    }
    List<Path> generators;
    try (var s = Files.list(folder)) {
      generators = s.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().equals(REWRITE_HUMAN)).sorted().toList();
    }
    for (Path g : generators) {
      String generator = g.getFileName().toString().replaceFirst("\\.json$", "");
      List<String> machine = stringList(g);
      int[] source = machine.size() == human.size() ? null : closestHuman(machine, human);
      for (int i = 0; i < machine.size(); i++) {
        if (machine.get(i).isBlank()) continue;
        int h = source == null ? i : source[i];
        out.add(new LabelledText(machine.get(i).strip(), true, domain, generator, domain + ":" + h, g + " #" + i));
      }
    }
  }

  /**
   * For lists that lost texts (a generator refused some), which human text each rewrite comes from: the one
   * sharing the most words with it. Index order cannot be trusted once one text is missing.
   */
  static int[] closestHuman(List<String> machine, List<String> human) {
    List<Set<String>> humanWords = new ArrayList<>();
    for (String h : human) humanWords.add(wordSet(h));
    int[] out = new int[machine.size()];
    for (int i = 0; i < machine.size(); i++) {
      Set<String> m = wordSet(machine.get(i));
      double best = -1;
      for (int j = 0; j < human.size(); j++) {
        Set<String> h = humanWords.get(j);
        int common = 0;
        for (String w : m) if (h.contains(w)) common++;
        double jaccard = common / (double) Math.max(1, m.size() + h.size() - common);
        if (jaccard > best) {
          best = jaccard;
          out[i] = j;
        }
      }
    }
    return out;
  }

  private static Set<String> wordSet(String text) {
    Set<String> s = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) s.add(w);
    return s;
  }

  private static List<String> stringList(Path f) throws IOException {
    JsonNode root = JSON.readTree(f.toFile());
    if (root == null || !root.isArray()) throw new IOException(f + ": expected a JSON list of texts");
    List<String> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      if (!root.get(i).isTextual()) throw new IOException(f + " #" + i + ": expected a string");
      out.add(root.get(i).asText());
    }
    return out;
  }

  private static void readGenerations(Path f, List<LabelledText> out) throws IOException {
    JsonNode root = JSON.readTree(f.toFile());
    if (root == null || !root.isObject()) throw new IOException(f + ": expected {model: {samples: [...]}} generation results");
    for (var it = root.fields(); it.hasNext(); ) {
      var run = it.next();
      JsonNode samples = run.getValue().path("samples");
      if (!samples.isArray()) throw new IOException(f + ": model " + run.getKey() + " has no 'samples' list");
      String generator = run.getKey().substring(run.getKey().lastIndexOf('/') + 1);
      for (int i = 0; i < samples.size(); i++) {
        JsonNode s = samples.get(i);
        if (!s.path("output").isTextual()) throw new IOException(f + ": model " + run.getKey() + " sample " + i + " has no string 'output'");
        String text = s.get("output").asText().strip();
        if (text.isEmpty()) continue;
        String group = "writing-prompt:" + s.path("prompt_index").asText(String.valueOf(i));
        out.add(new LabelledText(text, true, "writing", generator, group, f + " #" + i));
      }
    }
  }

  private static void readPaired(Path f, List<LabelledText> out, Set<String> humanSeen) throws IOException {
    Matcher m = PAIRED_NAME.matcher(f.getFileName().toString());
    if (!m.matches()) throw new IOException(f + ": expected a name <domain>_<generator>.raw_data.json");
    String domain = m.group(1), generator = m.group(2);
    JsonNode root = JSON.readTree(f.toFile());
    JsonNode original = root.path("original"), sampled = root.path("sampled");
    if (!original.isArray() || !sampled.isArray() || original.size() != sampled.size()) {
      throw new IOException(f + ": expected 'original' and 'sampled' lists of the same length");
    }
    for (int i = 0; i < original.size(); i++) {
      String human = original.get(i).asText(), machine = sampled.get(i).asText();
      int[] prefix = SharedPrefix.ends(human, machine);
      String group = domain + ":" + Integer.toHexString(human.hashCode());
      String humanRest = human.substring(prefix[0]).strip(), machineRest = machine.substring(prefix[1]).strip();
      String where = f + " #" + i;
      if (humanSeen.add(domain + "\u0000" + human) && !humanRest.isEmpty()) {
        out.add(new LabelledText(humanRest, false, domain, LabelledText.HUMAN, group, where));
      }
      if (!machineRest.isEmpty()) out.add(new LabelledText(machineRest, true, domain, generator, group, where));
    }
  }

  private static void readJsonl(Path f, List<LabelledText> out) throws IOException {
    forEachRecord(f, (o, where) -> {
      boolean machine = parseLabel(o.path("label"), where);
      String domain = o.path("domain").asText("unknown");
      String generator = machine ? o.path("generator").asText("unknown") : LabelledText.HUMAN;
      String group = o.hasNonNull("group") ? o.get("group").asText() : where;
      out.add(new LabelledText(o.get("text").asText(), machine, domain, generator, group, where));
    });
  }

  private static boolean parseLabel(JsonNode label, String where) throws IOException {
    if (label.isNumber() && (label.asInt() == 0 || label.asInt() == 1) && label.asDouble() == label.asInt()) return label.asInt() == 1;
    if (label.isBoolean()) return label.asBoolean();
    if (label.isTextual()) {
      switch (label.asText().toLowerCase(Locale.ROOT)) {
        case "human": return false;
        case "machine", "ai", "generated", "synthetic": return true;
        default: break;
      }
    }
    throw new IOException(where + ": 'label' must be \"human\" or \"machine\" (or 0/1), got " + label);
  }

  /** The prompt shared by a human text and its machine continuation. */
  static final class SharedPrefix {
    private SharedPrefix() {}

    /**
     * Where the common prefix ends in each text, cut back to a word boundary so neither keeps half a word.
     * Generators often re-join the prompt with different spacing, so runs of whitespace compare equal.
     */
    static int[] ends(String a, String b) {
      int i = 0, j = 0, boundaryA = 0, boundaryB = 0;
      while (i < a.length() && j < b.length()) {
        char x = a.charAt(i), y = b.charAt(j);
        if (Character.isWhitespace(x) && Character.isWhitespace(y)) {
          while (i < a.length() && Character.isWhitespace(a.charAt(i))) i++;
          while (j < b.length() && Character.isWhitespace(b.charAt(j))) j++;
          boundaryA = i;
          boundaryB = j;
          continue;
        }
        if (x != y) break;
        i++;
        j++;
      }
      boolean aEnded = i == a.length() || Character.isWhitespace(a.charAt(i));
      boolean bEnded = j == b.length() || Character.isWhitespace(b.charAt(j));
      if (aEnded && bEnded) return new int[] {i, j};
      return new int[] {boundaryA, boundaryB};
    }
  }
}
