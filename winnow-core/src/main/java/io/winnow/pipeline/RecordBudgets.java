package io.winnow.pipeline;

import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReaderLimits;
import io.winnow.io.RecordSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans {@code run.limit}: how many records each input file gives so that the run reads its first {@code limit}
 * (sampled) records in input order. Counting reads the files in order and stops at the limit, so a trial on a
 * large corpus reads only its first records twice. The plan depends only on the inputs and the selection, never
 * on the number of workers, so a limited run is as deterministic as a full one.
 */
public final class RecordBudgets {
  private RecordBudgets() {}

  /** The pipeline with its limit planned; unchanged when it has no limit or is planned already. */
  public static Pipeline plan(Pipeline p) throws IOException {
    RecordSelection s = p.run().selection();
    if (!s.isLimited() || s.budgets() != null) return p;
    List<Path> inputs = InputFiles.expand(p.input().paths(), p.input().readsFolders());
    ReaderLimits counting = new ReaderLimits(p.run().maxDocumentBytes(), s.unlimited());
    Map<String, Long> budgets = new LinkedHashMap<>();
    long left = s.limit();
    for (Path f : inputs) {
      long n = 0;
      if (left > 0) {
        String format = p.input().format().equals("auto") ? InputFiles.formatOf(f) : p.input().format();
        if (format == null) format = "jsonl"; // the engine names the file's problem when it runs
        try (DocumentReader r = DocumentReaders.open(f, format, p.input().idField(), p.input().textField(), counting, b -> {})) {
          while (n < left && r.next() != null) n++;
        }
      }
      budgets.put(f.toString(), n);
      left -= n;
    }
    return p.withRun(p.run().withSelection(s.withBudgets(budgets)));
  }
}
