package io.winnow.cli;

import io.winnow.code.provenance.IndexParameters;
import io.winnow.code.provenance.ProvenanceIndexBuilder;
import io.winnow.code.provenance.ReferenceCorpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "provenance-index", mixinStandardHelpOptions = true,
    description = {"Index licensed reference code as winnowing fingerprints, for the provenance step's 'index'.",
        "Each file's licence: its SPDX-License-Identifier line, else the record's 'license' (JSONL), else --license"
            + " for its source, else the nearest LICENSE/COPYING file up the tree, else NOASSERTION."})
final class ProvenanceIndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SRC", description = "folders of source files, or JSONL files of code documents")
  List<Path> sources;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "INDEX", description = "the index file to write")
  Path out;

  @Option(names = "--license", paramLabel = "SRC=SPDX", description = "the licence of a source's files that have no SPDX header, e.g. --license vendor/lib=MIT")
  Map<String, String> licenses = new LinkedHashMap<>();

  @Option(names = "-k", defaultValue = "" + io.winnow.code.provenance.Winnower.DEFAULT_K, description = "k-gram size in tokens (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "-w", defaultValue = "" + io.winnow.code.provenance.Winnower.DEFAULT_W, description = "winnowing window in k-grams (default: ${DEFAULT-VALUE}); guarantee t = w + k - 1")
  int w;

  @Option(names = "--max-files", defaultValue = "" + IndexParameters.DEFAULT_MAX_SOURCE_FILES,
      description = "drop fingerprints found in more source files than this, as boilerplate (default: ${DEFAULT-VALUE})")
  int maxFiles;

  @Option(names = "--memory-mb", defaultValue = "256", description = "sort buffer; more fingerprints spill to disk (default: ${DEFAULT-VALUE})")
  long memoryMb;

  @Option(names = "--max-file-kb", defaultValue = "1024", description = "skip larger files: generated tables, not written code (default: ${DEFAULT-VALUE})")
  long maxFileKb;

  @Option(names = "--tmp", paramLabel = "DIR", description = "where sorted runs spill (default: beside the index)")
  Path tmp;

  @Override
  public Integer call() throws Exception {
    IndexParameters params;
    try {
      params = IndexParameters.defaults().withWindow(k, w).withMaxSourceFiles(maxFiles);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (memoryMb < 1) throw new ParameterException(spec.commandLine(), "--memory-mb must be at least 1");
    Map<Path, String> byPath = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : licenses.entrySet()) {
      Path p = Path.of(e.getKey()).toAbsolutePath().normalize();
      if (!sources.stream().map(s -> s.toAbsolutePath().normalize()).toList().contains(p)) {
        throw new ParameterException(spec.commandLine(), "--license " + e.getKey() + "=…: not one of the sources given");
      }
      byPath.put(p, e.getValue());
    }
    long start = System.nanoTime();
    Path absOut = out.toAbsolutePath();
    if (absOut.getParent() != null) Files.createDirectories(absOut.getParent());
    Path spill = tmp != null ? tmp : absOut.resolveSibling(absOut.getFileName() + ".sort");
    ReferenceCorpus corpus = new ReferenceCorpus(maxFileKb * 1024);
    ReferenceCorpus.Counts counts = new ReferenceCorpus.Counts();
    ProvenanceIndexBuilder.Summary s;
    try (ProvenanceIndexBuilder b = new ProvenanceIndexBuilder(params, spill, memoryMb << 20)) {
      for (Path src : sources) {
        corpus.read(src, byPath.get(src.toAbsolutePath().normalize()), counts,
            f -> b.add(f.path(), f.license(), f.text(), f.language()));
      }
      s = b.write(absOut);
    } finally {
      if (tmp == null) deleteQuietly(spill);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("%,d files (%,.1f MB), %,d tokens, %,d fingerprints (k=%d, w=%d, guarantee %d tokens)%n", s.files(),
        counts.bytes / 1e6, s.tokens(), s.fingerprints(), params.k(), params.w(), params.guaranteeTokens());
    o.printf("%,d distinct hashes, %,d dropped as found in more than %d files; %,d entries, %d sort runs%n",
        s.distinctHashes(), s.cappedHashes(), params.maxSourceFiles(), s.entries(), s.sortRuns());
    for (Map.Entry<String, Long> e : counts.skipped.entrySet()) o.printf("skipped %,d files: %s%n", e.getValue(), e.getKey());
    o.printf("written to %s (%,d bytes) in %.1f s%n", out, Files.size(absOut), (System.nanoTime() - start) / 1e9);
    o.flush();
    return 0;
  }

  private static void deleteQuietly(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // the sorter removes its runs itself; this only tidies the empty folder
    }
  }
}
