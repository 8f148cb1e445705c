package io.winnow.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Token counts written by Hugging Face's own library ({@code dev/tokenizers/reference-counts.mjs}), and the texts
 * they were counted on, read back the way that script reads them.
 */
record ReferenceCounts(String source, List<String> texts, int[][] counts) {
  static List<ReferenceCounts> read(String resource, Path root) throws IOException {
    List<ReferenceCounts> out = new ArrayList<>();
    try (InputStream in = ReferenceCounts.class.getResourceAsStream(resource)) {
      if (in == null) throw new IOException("missing test resource " + resource);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) continue;
        String[] cols = line.split("\t");
        List<String> texts = texts(cols[0], root);
        int[] lengths = ints(cols[1]);
        if (texts.size() != lengths.length) throw new IOException(cols[0] + ": " + texts.size() + " texts, the reference has " + lengths.length);
        for (int i = 0; i < lengths.length; i++) {
          if (texts.get(i).length() != lengths[i]) throw new IOException(cols[0] + " text " + i + ": not the text the reference counted");
        }
        int[][] counts = new int[cols.length - 2][];
        for (int c = 2; c < cols.length; c++) counts[c - 2] = ints(cols[c]);
        out.add(new ReferenceCounts(cols[0], texts, counts));
      }
    }
    return out;
  }

  private static int[] ints(String csv) {
    return csv.isEmpty() ? new int[0] : Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static List<String> texts(String source, Path root) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    int hash = source.lastIndexOf('#');
    int at = source.lastIndexOf('@');
    if (source.endsWith("$samples")) {
      JsonNode tree = json.readTree(read(root.resolve(source.substring(0, source.length() - "$samples".length()))));
      for (JsonNode model : tree) for (JsonNode s : model.path("samples")) if (s.path("output").isTextual()) out.add(s.path("output").asText());
      return out.subList(0, Math.min(30, out.size()));
    }
    if (hash > 0) {
      String field = source.substring(hash + 1);
      for (String line : read(root.resolve(source.substring(0, hash))).split("\n")) {
        if (line.isBlank()) continue;
        JsonNode v = json.readTree(line).path(field);
        if (v.isTextual()) out.add(v.asText());
      }
      return out;
    }
    if (at > 0) {
      JsonNode tree = json.readTree(read(root.resolve(source.substring(0, at))));
      for (String key : source.substring(at + 1).split(",")) for (JsonNode v : tree.path(key)) if (v.isTextual()) out.add(v.asText());
      return out;
    }
    throw new IOException("unknown source " + source);
  }

  private static String read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
