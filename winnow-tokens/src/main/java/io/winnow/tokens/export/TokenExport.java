package io.winnow.tokens.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.report.TokenCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Tokenizes a corpus for training: each document's ids (plus an optional end-of-document token) go into shard
 * files of a training framework's layout, in input order, rolled at {@code maxTokensPerFile}. Documents are encoded
 * in batches on every core and written in order, so the output does not depend on the thread count. The shards
 * are written under temporary names and committed together with {@code tokens.json} (the summary) written last:
 * a folder with {@code tokens.json} is complete.
 */
public final class TokenExport {
  /** What to export and how. */
  public record Options(ExportFormat format, String textField, String eosToken, long maxTokensPerFile, int batchSize) {}

  /** What was written. */
  public record Summary(long documents, long tokens, long rejected, List<String> files) {}

  public static final String SUMMARY_FILE = "tokens.json";

  private final TokenCounter tokenizer;
  private final Options options;
  private final int eosId;

  public TokenExport(TokenCounter tokenizer, Options options) {
    this.tokenizer = tokenizer;
    this.options = options;
    if (options.eosToken() == null) {
      eosId = -1;
    } else {
      eosId = tokenizer.tokenId(options.eosToken());
      if (eosId < 0) {
        throw new IllegalArgumentException("end-of-document token '" + options.eosToken() + "' is not in the vocabulary of "
            + tokenizer.name());
      }
    }
  }

  public Summary run(List<Path> inputs, Path outputDir, boolean overwrite) throws IOException {
    Path summaryFile = outputDir.resolve(SUMMARY_FILE);
    if (Files.exists(summaryFile) && !overwrite) {
      throw new IOException(outputDir + " already holds an export (" + SUMMARY_FILE + "); pass --overwrite to replace it");
    }
    Files.createDirectories(outputDir);
    Files.deleteIfExists(summaryFile);
    removeOldShards(outputDir);
    ShardRoller roller = new ShardRoller(outputDir);
    long documents = 0;
    long rejected = 0;
    List<String> texts = new ArrayList<>(options.batchSize());
    for (Path input : inputs) {
      String format = InputFiles.formatOf(input);
      if (format == null) throw new IOException(input + ": unknown input format");
      try (DocumentReader r = DocumentReaders.open(input, format, "id", options.textField(), ReaderLimits.defaults(), b -> {})) {
        for (ReadResult rr; (rr = r.next()) != null; ) {
          Document d = rr.document();
          if (d == null) {
            rejected++;
            System.err.println("winnow: skipped " + rr.rejection().message());
            continue;
          }
          texts.add(d.text());
          if (texts.size() == options.batchSize()) {
            documents += writeBatch(texts, roller);
            texts.clear();
          }
        }
      }
    }
    documents += writeBatch(texts, roller);
    List<String> files = roller.commit();
    Summary summary = new Summary(documents, roller.tokens, rejected, files);
    AtomicFiles.write(summaryFile, summaryJson(summary));
    return summary;
  }

  /** Shards of an earlier, replaced or unfinished export: left in place, they would mix with this one's. */
  private static void removeOldShards(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().matches("part-\\d{5}\\..*")) Files.delete(f);
      }
    }
  }

  private int writeBatch(List<String> texts, ShardRoller roller) throws IOException {
    String[] batch = texts.toArray(String[]::new);
    int[][] ids = IntStream.range(0, batch.length).parallel().mapToObj(i -> withEos(tokenizer.encode(batch[i]))).toArray(int[][]::new);
    for (int[] doc : ids) roller.add(doc);
    return ids.length;
  }

  private int[] withEos(int[] ids) {
    if (eosId < 0) return ids;
    int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
    out[ids.length] = eosId;
    return out;
  }

  private byte[] summaryJson(Summary s) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tokenizer", tokenizer.name());
    m.put("vocabulary_size", tokenizer.vocabularySize());
    m.put("format", options.format().name().toLowerCase(java.util.Locale.ROOT));
    m.put("eos_token", options.eosToken());
    m.put("documents", s.documents());
    m.put("tokens", s.tokens());
    m.put("rejected_records", s.rejected());
    m.put("files", s.files());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
  }

  /** Opens a new shard when the current one reaches the token limit; names them part-00000, part-00001… */
  private final class ShardRoller {
    private final Path dir;
    private final List<Path[]> pending = new ArrayList<>();
    private TokenShardWriter current;
    private int shards;
    private long tokens;

    ShardRoller(Path dir) {
      this.dir = dir;
    }

    void add(int[] ids) throws IOException {
      if (current != null && options.maxTokensPerFile() > 0 && current.tokens() > 0
          && current.tokens() + ids.length > options.maxTokensPerFile()) {
        pending.addAll(current.finish());
        current = null;
      }
      if (current == null) current = open();
      current.add(ids);
      tokens += ids.length;
    }

    private TokenShardWriter open() throws IOException {
      return options.format().open(dir.resolve(String.format("part-%05d", shards++)), tokenizer.vocabularySize(), tokenizer.name());
    }

    List<String> commit() throws IOException {
      if (current == null) current = open();
      pending.addAll(current.finish());
      List<String> names = new ArrayList<>();
      for (Path[] p : pending) {
        AtomicFiles.commit(p[0], p[1]);
        names.add(p[1].getFileName().toString());
      }
      return names;
    }
  }
}
