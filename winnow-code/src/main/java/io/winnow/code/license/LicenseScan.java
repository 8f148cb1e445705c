package io.winnow.code.license;

import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code license} step's three phases over documents held in memory (a few repositories, for
 * {@code winnow licenses DIR} and the evaluation), with its files under a working folder: the same code a run
 * executes, without a run.
 */
public final class LicenseScan {
  private LicenseScan() {}

  /** Each document with the step's verdict (its {@code license} annotation is on the document), and the fitted folders. */
  public record Result(List<Document> documents, List<Verdict> verdicts, FolderIndex folders) {}

  public static Result run(List<Document> docs, LicenseStep step, Path workDir) throws IOException {
    try (CorpusStep.Observer o = step.observer(workDir, 0)) {
      for (Document d : docs) o.observe(d);
      o.commit();
    }
    step.fit(workDir, 1);
    List<Verdict> verdicts = new ArrayList<>();
    try (Step s = step.load(workDir).get()) {
      for (Document d : docs) verdicts.add(s.apply(d));
    }
    return new Result(docs, verdicts, LicenseStep.readFolders(workDir));
  }
}
