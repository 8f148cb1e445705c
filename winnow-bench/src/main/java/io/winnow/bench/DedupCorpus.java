package io.winnow.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a large deduplication benchmark corpus from real text: every document is 12–18 real sentences (about
 * 2 KB) drawn at random from the shared texts (Common Crawl, CCNet, human and machine texts), so documents are
 * distinct; then 10 % are near-duplicates of a recent document (one or two sentences replaced) and 3 % exact
 * copies. Deterministic for a seed; written as several JSONL shards.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.DedupCorpus ../shared out/dedup-1m 1000000 8</pre>
 */
public final class DedupCorpus {
  private DedupCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: DedupCorpus SHARED_DIR OUT_DIR DOCUMENTS SHARDS");
      System.exit(2);
    }
    Path out = Files.createDirectories(Path.of(args[1]));
    long docs = Long.parseLong(args[2]);
    int shards = Integer.parseInt(args[3]);
    List<String> sentences = new ArrayList<>();
    for (String t : WebCorpus.load(Path.of(args[0]))) {
      for (String sentence : t.split("(?<=[.!?])\\s+")) if (sentence.length() > 20) sentences.add(sentence.strip());
    }
    SplittableRandom r = new SplittableRandom(7);
    ObjectMapper json = new ObjectMapper();
    long perShard = (docs + shards - 1) / shards;
    long written = 0;
    List<String>[] recent = newRing(64);
    for (int s = 0; s < shards; s++) {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out.resolve(String.format("part-%02d.jsonl", s))), 1 << 20);
           JsonGenerator g = json.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
        g.setRootValueSeparator(null); // lines end with their own '\n'; Jackson's default space would begin each next one
        for (long i = 0; i < perShard && written < docs; i++, written++) {
          List<String> doc;
          int roll = r.nextInt(100);
          List<String> base = recent[r.nextInt(recent.length)];
          if (base != null && roll < 3) {
            doc = base;
          } else if (base != null && roll < 13) {
            doc = new ArrayList<>(base);
            for (int k = 1 + r.nextInt(2); k > 0; k--) doc.set(r.nextInt(doc.size()), sentences.get(r.nextInt(sentences.size())));
          } else {
            doc = new ArrayList<>();
            for (int k = 12 + r.nextInt(7); k > 0; k--) doc.add(sentences.get(r.nextInt(sentences.size())));
          }
          recent[(int) (written % recent.length)] = doc;
          g.writeStartObject();
          g.writeStringField("id", "d" + written);
          g.writeStringField("text", String.join(" ", doc));
          g.writeEndObject();
          g.writeRaw('\n');
        }
      }
    }
    System.out.printf("%s: %,d documents in %d shards from %,d real sentences%n", out, written, shards, sentences.size());
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] newRing(int n) {
    return (List<String>[]) new List<?>[n];
  }
}
