package io.winnow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a JSONL or JSONL.zst corpus of distinct documents ({@code bench/distinct_corpus.py}), for
 * benchmarks whose caches must not be flattered by documents seen before: a benchmark walks through them
 * once instead of looping over a small set.
 */
final class DistinctTexts {
  private DistinctTexts() {}

  static List<String> load(Path corpus, int max) throws IOException {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (InputStream raw = Files.newInputStream(corpus);
         InputStream in = corpus.toString().endsWith(".zst") ? new ZstdInputStream(raw) : raw;
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line; texts.size() < max && (line = r.readLine()) != null; ) {
        if (!line.isBlank()) texts.add(json.readTree(line).get("text").asText());
      }
    }
    if (texts.isEmpty()) throw new IOException(corpus + ": no documents");
    return texts;
  }
}
