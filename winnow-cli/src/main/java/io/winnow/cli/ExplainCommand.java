package io.winnow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.log.DecisionLogReader;
import io.winnow.log.LogEntry;
import io.winnow.log.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print a document's path through the pipeline: each step's decision, reason and figures.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DOC_ID", description = "the document id (or file:line of a rejected record)")
  String docId;

  @Option(names = "--run", required = true, paramLabel = "DIR", description = "the run directory")
  Path runDir;

  @Override
  public Integer call() throws Exception {
    List<LogEntry> entries = DecisionLogReader.find(runDir, docId);
    PrintWriter out = spec.commandLine().getOut();
    if (entries.isEmpty()) {
      spec.commandLine().getErr().println("winnow: no record with id '" + docId + "' in " + runDir);
      return Winnow.FAILED;
    }
    for (LogEntry e : entries) print(e, out);
    out.flush();
    return 0;
  }

  private static void print(LogEntry e, PrintWriter out) {
    out.printf("%s  (%s)%n", e.id() == null ? "(no id)" : e.id(), e.source());
    if (e.outcome() == Outcome.REJECTED) {
      out.printf("  rejected: %s: %s%n", e.reason(), e.raw().path("detail").asText());
      return;
    }
    int i = 1;
    for (JsonNode d : e.raw().path("trail")) {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("  %d. %-24s %-7s", i++, d.path("step").asText(), d.path("action").asText().toUpperCase()));
      if (d.has("reason")) sb.append(' ').append(d.get("reason").asText());
      Iterator<Map.Entry<String, JsonNode>> values = d.path("values").fields();
      while (values.hasNext()) {
        Map.Entry<String, JsonNode> v = values.next();
        sb.append(' ').append(v.getKey()).append('=').append(v.getValue().isTextual() ? v.getValue().asText() : v.getValue().toString());
      }
      out.println(sb.toString().stripTrailing());
    }
    out.println(e.outcome() == Outcome.KEPT ? "  outcome: kept"
        : "  outcome: dropped by " + e.raw().path("by").asText() + " (" + e.reason() + ")");
  }
}
