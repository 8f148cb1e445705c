package io.winnow.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.log.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the text of sampled records. A dropped document written by {@code output.excluded: true} has its text
 * exactly as the dropping step saw it; otherwise the record is read back from its input file by location (one
 * pass per file, stopping when every wanted record is found), which is the text before any step changed it.
 */
public final class SampleTexts {
  /** Where a text came from. */
  public enum Origin { EXCLUDED, INPUT, NOT_FOUND }

  /** A record's text and where it was found. */
  public record Text(String text, Origin origin, String note) {}

  private SampleTexts() {}

  public static Map<String, Text> find(Path runDir, Collection<SampledRecord> wanted) throws IOException {
    InputSettings in = InputSettings.of(runDir);
    Map<String, Text> out = new HashMap<>();
    Set<String> droppedIds = new HashSet<>();
    for (SampledRecord r : wanted) if (r.outcome() == Outcome.DROPPED && r.id() != null) droppedIds.add(r.id());
    Map<String, String> excluded = fromExcluded(runDir, in, droppedIds);
    Map<String, Set<String>> byFile = new HashMap<>();
    for (SampledRecord r : wanted) {
      if (r.outcome() == Outcome.REJECTED) continue;
      String t = r.outcome() == Outcome.DROPPED && r.id() != null ? excluded.get(r.id()) : null;
      if (t != null) out.put(r.location(), new Text(t, Origin.EXCLUDED, "as the step saw it (excluded/)"));
      else byFile.computeIfAbsent(r.file(), f -> new HashSet<>()).add(r.location());
    }
    for (Map.Entry<String, Set<String>> e : byFile.entrySet()) fromInput(Path.of(e.getKey()), e.getValue(), in, out);
    return out;
  }

  private static Map<String, String> fromExcluded(Path runDir, InputSettings in, Set<String> ids) throws IOException {
    Map<String, String> found = new HashMap<>();
    Path dir = runDir.resolve("excluded");
    if (ids.isEmpty() || !Files.isDirectory(dir)) return found;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("part-") && !p.getFileName().toString().endsWith(".tmp")).sorted().toList();
    }
    for (Path f : files) {
      try (DocumentReader r = DocumentReaders.open(f, "jsonl", in.idField, in.textField, ReaderLimits.defaults(), b -> {})) {
        for (ReadResult x; (x = r.next()) != null && found.size() < ids.size(); ) {
          Document d = x.document();
          if (d != null && ids.contains(d.id())) found.put(d.id(), d.text());
        }
      }
      if (found.size() == ids.size()) break;
    }
    return found;
  }

  private static void fromInput(Path file, Set<String> locations, InputSettings in, Map<String, Text> out) throws IOException {
    if (!Files.exists(file)) {
      for (String l : locations) out.put(l, new Text(null, Origin.NOT_FOUND, "input file " + file + " not found (run the report where the run ran)"));
      return;
    }
    String format = in.format.equals("auto") ? InputFiles.formatOf(file) : in.format;
    int left = locations.size();
    try (DocumentReader r = DocumentReaders.open(file, format == null ? "jsonl" : format, in.idField, in.textField, ReaderLimits.defaults(), b -> {})) {
      for (ReadResult x; left > 0 && (x = r.next()) != null; ) {
        Document d = x.document();
        if (d == null || !locations.contains(d.provenance().location())) continue;
        out.put(d.provenance().location(), new Text(d.text(), Origin.INPUT, "as read from the input"));
        left--;
      }
    }
    for (String l : locations) out.putIfAbsent(l, new Text(null, Origin.NOT_FOUND, "no record at " + l + " (the input changed?)"));
  }

  /** How the run read its input (from run.json), so records are read back the same way. */
  private record InputSettings(String format, String idField, String textField) {
    static InputSettings of(Path runDir) throws IOException {
      Path runJson = runDir.resolve("run.json");
      JsonNode input = Files.exists(runJson) ? new ObjectMapper().readTree(runJson.toFile()).path("pipeline").path("input") : null;
      if (input == null) return new InputSettings("auto", "id", "text");
      return new InputSettings(input.path("format").asText("auto"), input.path("id_field").asText("id"), input.path("text_field").asText("text"));
    }
  }
}
