package io.winnow.code.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.code.input.CodeFolderReader;
import io.winnow.code.license.LicenseScan;
import io.winnow.code.license.LicenseStep;
import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.Outcome;
import io.winnow.pipeline.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Fills a {@link LicensesReport} from a finished run's decision log, or from source folders scanned now. */
public final class LicensesInputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LicensesInputs() {}

  /** A run folder: the figures the license step (and a provenance step) recorded in the decision log. */
  public static void fromRun(Path runDir, LicensesReport report) throws IOException {
    DecisionLogReader.forEach(runDir, entry -> {
      JsonNode trail = entry.raw().path("trail");
      String repo = null;
      for (JsonNode step : trail) {
        JsonNode v = step.path("values");
        if (v.has("repo") && v.has("source") && v.has("license") && v.has("issues")) {
          repo = v.get("repo").asText();
          report.addFile(v, entry.outcome() == Outcome.DROPPED, v.path("path").asText(null));
        }
      }
      for (JsonNode step : trail) {
        JsonNode v = step.path("values");
        if (v.has("sources") && step.path("step").asText().startsWith("provenance")) report.addProvenance(repo == null ? "" : repo, v);
      }
    });
  }

  /** Source folders, one repository each, through the license step with its defaults (or this confidence). */
  public static void fromFolders(List<Path> folders, double minConfidence, LicensesReport report) throws IOException {
    for (Path folder : folders) {
      List<Document> docs = new ArrayList<>();
      try (CodeFolderReader r = new CodeFolderReader(folder, new ReaderLimits(64L << 20))) {
        for (ReadResult x; (x = r.next()) != null; ) if (x.document() != null) docs.add(x.document());
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("min_confidence", minConfidence);
      Path work = Files.createTempDirectory("winnow-licenses");
      try {
        LicenseScan.Result result = LicenseScan.run(docs, new LicenseStep(LicenseStep.Config.from(new Params("license", params))), work);
        for (int i = 0; i < docs.size(); i++) {
          var verdict = result.verdicts().get(i);
          report.addFile(JSON.valueToTree(verdict.values()), verdict.action() == Action.DROP, String.valueOf(docs.get(i).metadata().get("path")));
        }
      } finally {
        try (Stream<Path> s = Files.walk(work)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      }
    }
  }

  /** A run folder has a {@code run.json}; anything else is a source folder. */
  public static boolean isRun(Path p) {
    return Files.exists(p.resolve("run.json"));
  }
}
