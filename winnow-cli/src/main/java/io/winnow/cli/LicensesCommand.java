package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winnow.code.report.LicensesInputs;
import io.winnow.code.report.LicensesReport;
import io.winnow.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "licenses", mixinStandardHelpOptions = true,
    description = {"Per-repository license report: the repository's license, what files declare and what their texts "
        + "show, contradictions, copyleft share, and provenance matches when a provenance step ran.",
        "Each PATH is a finished run (read from its decision log) or a source folder (one repository, scanned now)."})
final class LicensesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "run folders or source folders")
  List<Path> paths;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON to FILE ('-': print JSON instead of the table)")
  String json;

  @Option(names = "--min-confidence", defaultValue = "0.9", description = "matcher threshold for source folders (default ${DEFAULT-VALUE})")
  double minConfidence;

  @Override
  public Integer call() throws IOException {
    LicensesReport report = new LicensesReport();
    List<Path> folders = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) throw new CommandLine.ParameterException(spec.commandLine(), p + " is not a folder");
      if (LicensesInputs.isRun(p)) LicensesInputs.fromRun(p, report);
      else folders.add(p);
    }
    LicensesInputs.fromFolders(folders, minConfidence, report);
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if ("-".equals(json)) {
      out.println(mapper.writeValueAsString(report.toJson()));
      out.flush();
      return 0;
    }
    if (report.isEmpty()) out.println("no files with license figures (did the run have a license step?)");
    else report.printTable(out);
    if (json != null) AtomicFiles.write(Path.of(json), mapper.writeValueAsBytes(report.toJson()));
    return 0;
  }
}
