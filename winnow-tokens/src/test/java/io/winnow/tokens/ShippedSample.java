package io.winnow.tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The shipped 200-document Common Crawl sample and the shipped test tokenizers. */
public final class ShippedSample {
  public static final Path SAMPLE = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz");
  public static final Path BYTE_LEVEL = Path.of("../examples/tokenizers/byte-level-bpe.json");
  public static final Path METASPACE = Path.of("../examples/tokenizers/metaspace-bpe.json");

  private ShippedSample() {}

  public static List<String> texts() throws IOException {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    String all = new String(new GZIPInputStream(Files.newInputStream(SAMPLE)).readAllBytes(), StandardCharsets.UTF_8);
    for (String line : all.split("\n")) if (!line.isBlank()) texts.add(json.readTree(line).path("text").asText());
    return texts;
  }
}
