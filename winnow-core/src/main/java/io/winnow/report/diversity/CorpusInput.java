package io.winnow.report.diversity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.RunLayout;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One corpus to profile: input files, folders or globs (read by Winnow's readers, the format from each file's
 * name), or a run directory (a folder with {@code run.json} or {@code stats.json}: its {@code data/} files, and
 * the machine share its slop step estimated, when its stats hold one). Records the readers reject are counted,
 * not profiled.
 */
public final class CorpusInput {
  private final String name;
  private final List<Path> files;
  private final Path statsJson;
  private long rejected;

  private CorpusInput(String name, List<Path> files, Path statsJson) {
    this.name = name;
    this.files = files;
    this.statsJson = statsJson;
  }

  public static CorpusInput of(List<String> patterns) throws IOException {
    String name = String.join(" ", patterns);
    if (patterns.size() == 1 && isRun(Path.of(patterns.get(0)))) {
      RunLayout run = new RunLayout(Path.of(patterns.get(0)));
      if (!Files.isDirectory(run.data())) throw new IOException(run.root() + ": a run directory without data/");
      return new CorpusInput(name, InputFiles.expand(List.of(run.data().toString())), run.statsJson());
    }
    for (String p : patterns) if (isRun(Path.of(p))) throw new IOException(p + ": a run directory must be given alone, as one corpus");
    return new CorpusInput(name, InputFiles.expand(patterns), null);
  }

  static boolean isRun(Path p) {
    RunLayout run = new RunLayout(p);
    return Files.isDirectory(p) && (Files.isRegularFile(run.runJson()) || Files.isRegularFile(run.statsJson()));
  }

  public String name() {
    return name;
  }

  public List<Path> files() {
    return files;
  }

  /** Records the readers rejected (malformed, too large…) during the last {@link #profile}. */
  public long rejected() {
    return rejected;
  }

  /**
   * Profiles the corpus.
   *
   * @param limit documents to read at most (0: all)
   */
  public DiversityProfile profile(String textField, long limit, DiversityLimits limits) throws IOException {
    DiversityProfiler profiler = new DiversityProfiler(name, limits);
    rejected = 0;
    long docs = 0;
    for (Path f : files) {
      String format = InputFiles.formatOf(f);
      if (format == null) throw new IOException(f + ": unknown input format (name it .jsonl[.gz|.zst], .warc[.gz] or .wet[.gz])");
      try (DocumentReader r = DocumentReaders.open(f, format, "id", textField, ReaderLimits.defaults(), b -> {})) {
        for (ReadResult rr; (limit == 0 || docs < limit) && (rr = r.next()) != null; ) {
          if (rr.document() == null) {
            rejected++;
            continue;
          }
          profiler.add(rr.document());
          docs++;
        }
      }
      if (limit > 0 && docs >= limit) break;
    }
    if (statsJson != null && Files.isRegularFile(statsJson)) {
      JsonNode estimates = new ObjectMapper().readTree(statsJson.toFile()).path("estimates");
      for (Iterator<Map.Entry<String, JsonNode>> it = estimates.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().path("synthetic_share").isNumber()) {
          profiler.machineShare(e.getValue().path("synthetic_share").asDouble(), e.getKey());
          break;
        }
      }
    }
    return profiler.profile();
  }
}
