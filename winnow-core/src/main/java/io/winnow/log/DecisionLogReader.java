package io.winnow.log;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads the decision logs of a run directory ({@code decisions/part-*.jsonl.*}), shard by shard in order. */
public final class DecisionLogReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionLogReader() {}

  /** The finished decision-log files of a run, in shard order. */
  public static List<Path> files(Path runDir) throws IOException {
    Path dir = runDir.resolve("decisions");
    if (!Files.isDirectory(dir)) throw new IOException(runDir + " is not a run directory (no decisions/ inside)");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-") && !p.getFileName().toString().endsWith(".tmp"))
          .sorted().toList();
    }
  }

  /** Calls {@code sink} for every entry of every log file of the run. */
  public static void forEach(Path runDir, Consumer<LogEntry> sink) throws IOException {
    for (Path f : files(runDir)) {
      try (InputStream in = Compression.forName(f.toString()).decompress(Files.newInputStream(f));
           MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(in)) {
        while (it.hasNext()) sink.accept(LogEntry.of(it.next()));
      } catch (UncheckedIOException e) {
        throw new IOException(f + ": " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  /** Every entry whose id or location ({@code file:line}, {@code file@offset}) equals {@code key}. */
  public static List<LogEntry> find(Path runDir, String key) throws IOException {
    List<LogEntry> out = new ArrayList<>();
    forEach(runDir, e -> {
      if (key.equals(e.id()) || key.equals(e.source())) out.add(e);
    });
    return out;
  }
}
