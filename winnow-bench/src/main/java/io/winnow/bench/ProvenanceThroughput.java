package io.winnow.bench;

import io.winnow.code.provenance.CodeFingerprinter;
import io.winnow.code.provenance.IndexParameters;
import io.winnow.code.provenance.ReferenceCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fingerprinting speed (lexing and winnowing, one thread) over a folder of source files, for whole-process
 * timing against itself with {@code passes = 0} (reading only): the difference in CPU time is the
 * fingerprinting's.
 *
 * <pre>java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.ProvenanceThroughput DIR PASSES [KxW]</pre>
 */
public final class ProvenanceThroughput {
  public static void main(String[] args) throws IOException {
    List<ReferenceCorpus.SourceText> files = new ArrayList<>();
    new ReferenceCorpus(1 << 20).read(Path.of(args[0]), null, new ReferenceCorpus.Counts(), files::add);
    int passes = Integer.parseInt(args[1]);
    IndexParameters params = IndexParameters.defaults();
    if (args.length > 2) {
      String[] kw = args[2].split("x");
      params = params.withWindow(Integer.parseInt(kw[0]), Integer.parseInt(kw[1]));
    }
    long bytes = 0;
    for (ReferenceCorpus.SourceText f : files) bytes += f.text().getBytes(StandardCharsets.UTF_8).length;
    CodeFingerprinter fp = new CodeFingerprinter(params);
    long sink = 0;
    long t0 = System.nanoTime();
    for (int p = 0; p < passes; p++) for (ReferenceCorpus.SourceText f : files) sink += fp.fingerprint(f.text(), f.language()).size();
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%d files, %.1f MB, %d passes, %.2f s fingerprinting: %.1f MB/s (%d fingerprints)%n", files.size(),
        bytes / 1e6, passes, secs, passes == 0 ? 0 : passes * bytes / 1e6 / secs, sink);
  }
}
