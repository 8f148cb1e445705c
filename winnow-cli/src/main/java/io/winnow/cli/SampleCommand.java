package io.winnow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.AtomicFiles;
import io.winnow.report.html.ReasonSample;
import io.winnow.report.html.Reservoir;
import io.winnow.report.html.SampleTexts;
import io.winnow.report.html.SampledRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Print (or write as JSONL) a seeded sample of the documents a reason dropped or changed, with their text and values.")
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR")
  Path runDir;

  @Option(names = {"-r", "--reason"}, paramLabel = "R", description = "a reason code (gopher_quality.gopher_short_doc) or a step id for all its reasons")
  String reason;

  @Option(names = "-n", defaultValue = "20", paramLabel = "N", description = "documents in the sample (default: ${DEFAULT-VALUE})")
  int n;

  @Option(names = "--kept", description = "sample kept documents (those a modify reason changed, with --reason)")
  boolean kept;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the sample (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--chars", defaultValue = "1000", paramLabel = "N", description = "characters of text printed per document, 0 for all (default: ${DEFAULT-VALUE})")
  int chars;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the sample as JSONL (full text) instead of printing it")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (reason == null && !kept) throw new ParameterException(spec.commandLine(), "give --reason R (a reason code or step id), or --kept");
    if (n < 1) throw new ParameterException(spec.commandLine(), "-n must be at least 1");
    com.fasterxml.jackson.databind.JsonNode stats = StatsCommand.readStats(runDir);
    Reservoir<SampledRecord> sample = ReasonSample.of(runDir, reason, kept, n, seed);
    if (sample.seen() == 0) {
      spec.commandLine().getErr().println("winnow: no " + (kept ? "kept " : "") + "record " + (reason == null ? "" : "with reason '" + reason + "' ")
          + "in " + runDir + "; reasons of this run: " + String.join(", ", ReasonSample.knownReasons(stats)));
      return Winnow.FAILED;
    }
    List<SampledRecord> items = sample.items();
    Map<String, SampleTexts.Text> texts = SampleTexts.find(runDir, items);
    if (out != null) write(items, texts);
    else print(items, texts, sample.seen());
    return 0;
  }

  private void print(List<SampledRecord> items, Map<String, SampleTexts.Text> texts, long seen) {
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%d of %,d records%s (seed %d)%n", items.size(), seen, reason == null ? "" : " matching " + reason, seed);
    for (SampledRecord r : items) {
      w.println();
      w.printf("== %s  (%s)%n", r.id() == null ? "(no id)" : r.id(), r.location());
      w.printf("   %s%s%s%n", r.outcome().code(), r.reason() == null ? "" : " " + r.reason(), r.step() == null ? "" : " by " + r.step());
      if (r.values() != null && !r.values().isEmpty()) w.println("   values: " + r.values());
      if (r.detail() != null) w.println("   " + r.detail());
      SampleTexts.Text t = texts.get(r.location());
      if (t != null) {
        w.println("   text " + t.note() + (t.origin() == SampleTexts.Origin.INPUT && r.changedBefore() ? " (an earlier step changed it)" : "") + ":");
        if (t.text() != null) w.println(indent(chars > 0 && t.text().length() > chars ? t.text().substring(0, chars) + " […]" : t.text()));
      }
    }
    w.flush();
  }

  private void write(List<SampledRecord> items, Map<String, SampleTexts.Text> texts) throws java.io.IOException {
    ObjectMapper json = new ObjectMapper();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    for (SampledRecord r : items) {
      ObjectNode o = json.createObjectNode();
      o.put("id", r.id());
      o.put("location", r.location());
      o.put("outcome", r.outcome().code());
      o.put("step", r.step());
      o.put("reason", r.reason());
      o.set("values", r.values());
      SampleTexts.Text t = texts.get(r.location());
      if (t != null) {
        o.put("text", t.text());
        o.put("text_origin", t.origin().name().toLowerCase(java.util.Locale.ROOT));
      }
      if (r.detail() != null) o.put("detail", r.detail());
      buf.write(json.writeValueAsBytes(o));
      buf.write('\n');
    }
    AtomicFiles.write(out, buf.toByteArray());
    spec.commandLine().getOut().printf("%d documents written to %s%n", items.size(), out);
    spec.commandLine().getOut().flush();
  }

  private static String indent(String text) {
    return "   | " + text.replace("\n", "\n   | ");
  }
}
